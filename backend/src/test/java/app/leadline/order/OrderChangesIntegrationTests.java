package app.leadline.order;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.delivery.EtaWindow;
import app.leadline.order.internal.StoredOrders;
import app.leadline.supplier.SupplierCatalog;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.TestSuppliers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A change to many orders at once loses nothing another change made to one of them in the meantime. */
@LeadlineIntegrationTest
class OrderChangesIntegrationTests {

    private static final EtaWindow LATER =
            new EtaWindow(LocalDate.now().plusDays(60), LocalDate.now().plusDays(62));

    @Autowired
    Clients clients;

    @Autowired
    OrderChanges changes;

    @Autowired
    OrderQueries orders;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    StoredOrders storedOrders;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void suppliers() {
        TestSuppliers.register(suppliers);
    }

    private Order placed() {
        OrderInputs input = anOrder().withBackorderedLine("SOFA-OSLO-3", TestSuppliers.BACKORDER_SUPPLIER);
        clients.shop()
                .documentName("placeOrders")
                .variable("input", batch(input))
                .execute();
        return orders.byNumber(input.number()).orElseThrow();
    }

    private static String backordered(Order order) {
        return order.lines().get(1).id();
    }

    @Test
    void anOrderChangedWhileABulkChangeIsInHandKeepsBothChangesAndTheBulkOneOnce() {
        Order first = placed();
        Order second = placed();
        AtomicBoolean customerChose = new AtomicBoolean();

        Map<String, EtaWindow> moved = changes.applyToAllAppendingEvents(
                        StuckOrders.Work.DELAY, List.of(first.id(), second.id()), order -> {
                            if (order.id().equals(first.id()) && customerChose.compareAndSet(false, true)) {
                                // The customer turns e-mail off after the bulk change read the order, before it is
                                // written.
                                changes.apply(first.id(), current -> {
                                    current.chooseMessageChannels(false, true);
                                    return null;
                                });
                            }
                            order.applyDelay(
                                    "delay-1",
                                    Map.of(backordered(order), LATER),
                                    "The supplier is behind",
                                    "internal",
                                    Instant.now());
                            return order.line(backordered(order)).eta();
                        })
                .results();

        assertThat(moved)
                .containsOnlyKeys(first.id(), second.id())
                .allSatisfy((id, eta) -> assertThat(eta).isEqualTo(LATER));
        Order stored = orders.byNumber(first.number()).orElseThrow();
        assertThat(stored.receives("EMAIL")).as("the customer's choice").isFalse();
        assertThat(stored.line(backordered(stored)).eta()).isEqualTo(LATER);
        assertThat(stored.notifications())
                .filteredOn(intent -> intent.id().startsWith("delay-1:"))
                .hasSize(1);
        assertThat(stored.timeline())
                .filteredOn(event -> event.type() == TimelineEvent.Type.ETA_MOVED)
                .hasSize(1);
        Order untouched = orders.byNumber(second.number()).orElseThrow();
        assertThat(untouched.receives("EMAIL")).isTrue();
        assertThat(untouched.line(backordered(untouched)).eta()).isEqualTo(LATER);
        assertThat(untouched.timeline())
                .filteredOn(event -> event.type() == TimelineEvent.Type.ETA_MOVED)
                .hasSize(1);
    }

    @Test
    void aBulkChangeStoresEveryFieldItChangedAsStoringTheWholeOrderWould() {
        Order placed = placed();
        String stock = placed.lines().get(0).id();

        Order changed = changes.applyToAllAppendingEvents(StuckOrders.Work.DELAY, List.of(placed.id()), order -> {
                    Instant now = Instant.now();
                    // Muted channels change in place; the others replace values: dates, lines, news, a parcel, a
                    // tracking number agents search by, money to capture.
                    order.chooseMessageChannels(false, true);
                    order.applyDelay("delay-1", Map.of(backordered(order), LATER), "The supplier is behind", null, now);
                    order.ship(List.of(stock), "GLS", "GLS-4711", now, OrderFixtures.shippedOn(now));
                    return order;
                })
                .results()
                .get(placed.id());

        Document written = mongo.getCollection("orders")
                .find(new Document("_id", placed.id()))
                .first();
        Document whole = storedAndReadBack(storedOrders.formOf(changed));
        // The change saw the order without its timeline and outbox (it only appends to them): the news it queued
        // comes after the confirmation queued at intake.
        List<Document> queued = written.getList(StoredOrders.OUTBOX, Document.class);
        List<Document> news = whole.getList(StoredOrders.OUTBOX, Document.class);
        assertThat(news).hasSize(2);
        assertThat(queued).hasSize(3);
        assertThat(queued.get(0).getString("_id")).startsWith("confirmed:");
        assertThat(queued.subList(1, 3)).isEqualTo(news);
        for (String field : List.of("_id", "version", "lastBulkWrite", StoredOrders.TIMELINE, StoredOrders.OUTBOX)) {
            written.remove(field);
            whole.remove(field);
        }
        assertThat(written).isEqualTo(whole);
        assertThat(written.getList("searchKeys", String.class)).contains("=gls-4711");
        assertThat(written.getList("mutedChannels", String.class)).containsExactly("EMAIL");
    }

    @Test
    void aBulkChangeKeepsTheOrdersEarlierMessagesAndQueuesItsOwnAfterThem() {
        Order placed = placed();
        changes.apply(placed.id(), order -> {
            order.applyDelay(
                    "delay-1", Map.of(backordered(order), LATER), "The supplier is behind", null, Instant.now());
            return null;
        });
        // The confirmation and the first delay's news, by id: the dispatcher may lease or send them meanwhile.
        List<String> before = intentIds(placed);
        assertThat(before).hasSize(2);

        changes.applyToAllAppendingEvents(StuckOrders.Work.DELAY, List.of(placed.id()), order -> {
            order.applyDelay(
                    "delay-2",
                    Map.of(
                            backordered(order),
                            new EtaWindow(
                                    LATER.earliest().plusDays(9), LATER.latest().plusDays(9))),
                    "The supplier is behind again",
                    null,
                    Instant.now());
            return null;
        });

        List<String> after = intentIds(placed);
        assertThat(after).hasSize(3).startsWith(before.toArray(String[]::new));
        assertThat(after.get(2)).startsWith("delay-2:");
    }

    private List<String> intentIds(Order order) {
        return orders.byNumber(order.number()).orElseThrow().notifications().stream()
                .map(NotificationIntent::id)
                .toList();
    }

    /** A stored form as the store gives it back (dates as dates, numbers as their BSON types). */
    private Document storedAndReadBack(Document form) {
        var scratch = mongo.getCollection("scratch_orders");
        scratch.insertOne(form);
        return scratch.find(new Document("_id", form.get("_id"))).first();
    }
}
