package app.leadline.order;

import static app.leadline.support.OrderInputs.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.leadline.order.OrderQueries.Filter;
import app.leadline.platform.RequestRefused;
import app.leadline.supplier.SupplierCatalog;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.TestSuppliers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The embedded store's index finds what the store's own query finds, page by page and with filters, sees a change
 * as soon as it is answered, still finds an order written around it, and knows the orders that wait for the
 * background's work as the store's queries do.
 */
@LeadlineIntegrationTest
class OrderIndexIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    OrderQueries queries;

    @Autowired
    OrderIndex index;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SupplierCatalog suppliers;

    /** Letters no other test's customers have. */
    private String unique;

    @BeforeEach
    void indexBuilt() {
        TestSuppliers.register(suppliers);
        // Each hex digit of a random UUID as one of the letters a to p: always eight letters.
        unique = UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 8)
                .chars()
                .map(digit -> 'a' + Character.digit(digit, 16))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        // Touching the index after another test wrote around it starts its rebuild; wait for that to finish.
        queries.search(Optional.of("warm-up"), Optional.empty(), 1, Optional.empty());
        await().until(index::ready);
    }

    @Test
    void pagesThroughTheSameOrdersAsTheStoresQueryWithAndWithoutAFilter() {
        for (int i = 0; i < 7; i++) {
            OrderInputs order = anOrder().customer("name", "Ida " + unique + " Holm");
            if (i % 2 == 0) {
                order.withBackorderedLine("SOFA-OSLO-3", TestSuppliers.BACKORDER_SUPPLIER);
            }
            clients.place(order);
        }

        for (Optional<Filter> filter : List.of(Optional.<Filter>empty(), Optional.of(Filter.AWAITING_SUPPLIER))) {
            List<String> paged = new ArrayList<>();
            Optional<String> after = Optional.empty();
            List<Order> page;
            do {
                page = queries.search(Optional.of(unique), filter, 2, after);
                assertThat(index.ready()).as("answered from the index").isTrue();
                page.forEach(order -> paged.add(order.id()));
                after = page.isEmpty()
                        ? after
                        : Optional.of(NewestFirst.of(page.get(page.size() - 1)).cursor());
            } while (page.size() == 2);

            assertThat(paged).as("filter %s", filter).isEqualTo(storesOwnQuery(unique, filter));
        }
        assertThat(storesOwnQuery(unique, Optional.empty())).hasSize(7);
        assertThat(storesOwnQuery(unique, Optional.of(Filter.AWAITING_SUPPLIER)))
                .hasSize(4);
    }

    @Test
    void listsTheLatestPlacedFirstWhateverTheIdsAndPagesOnFromTheCursor() {
        // Handed over in another order than placed: the ids, made as they are stored, do not follow the time.
        Instant day = Instant.now().minus(Duration.ofDays(200)).truncatedTo(ChronoUnit.DAYS);
        OrderInputs middle = anOrder().customer("name", "Mia " + unique).placedAt(day.plusSeconds(2));
        OrderInputs oldest = anOrder().customer("name", "Olga " + unique).placedAt(day.plusSeconds(1));
        OrderInputs newest = anOrder().customer("name", "Nora " + unique).placedAt(day.plusSeconds(3));
        clients.place(middle);
        clients.place(oldest);
        clients.place(newest);

        List<Order> first = queries.search(Optional.of(unique), Optional.empty(), 2, Optional.empty());
        assertThat(index.ready()).as("answered from the index").isTrue();
        assertThat(first).extracting(Order::number).containsExactly(newest.number(), middle.number());
        String cursor = NewestFirst.of(first.get(1)).cursor();
        List<Order> second = queries.search(Optional.of(unique), Optional.empty(), 2, Optional.of(cursor));
        assertThat(second).extracting(Order::number).containsExactly(oldest.number());
        assertThat(storesOwnQuery(unique, Optional.empty()))
                .as("the store's own query, as MongoDB answers")
                .containsExactly(
                        first.get(0).id(), first.get(1).id(), second.get(0).id());

        // Without a term, every order: from just after the newest of these, these three come next.
        String justAfter = new NewestFirst(day.plusSeconds(3).toEpochMilli() + 1, "").cursor();
        assertThat(queries.search(Optional.empty(), Optional.empty(), 3, Optional.of(justAfter)))
                .extracting(Order::number)
                .containsExactly(newest.number(), middle.number(), oldest.number());
        assertThat(queries.searchTheStore(
                        Optional.empty(), Optional.empty(), 3, Optional.of(NewestFirst.parse(justAfter))))
                .extracting(Order::number)
                .containsExactly(newest.number(), middle.number(), oldest.number());
    }

    @Test
    void refusesACursorThatIsNoneOfOurs() {
        assertThatThrownBy(() -> queries.search(Optional.empty(), Optional.empty(), 2, Optional.of("DEMO-1002")))
                .isInstanceOfSatisfying(
                        RequestRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo("BAD_CURSOR"));
    }

    @Test
    void findsAnOrderByWhatChangedAsSoonAsTheChangeIsAnswered() {
        OrderInputs order = anOrder().customer("name", "Ole " + unique);
        clients.place(order);
        String trackingNumber = ("PN" + unique + "DK").toUpperCase(Locale.ROOT);
        assertThat(numbersFound(trackingNumber)).isEmpty();

        clients.agent("dana")
                .documentName("shipWithTrackingNumber")
                .variable("orderNumber", order.number())
                .variable("lineIds", List.of("L1"))
                .variable("trackingNumber", trackingNumber)
                .execute()
                .path("recordShipment.errors")
                .entityList(Object.class)
                .hasSize(0);

        assertThat(numbersFound(trackingNumber.toLowerCase(Locale.ROOT))).containsExactly(order.number());
        assertThat(index.ready()).as("answered from the index").isTrue();
    }

    @Test
    void findsAnOrderWrittenAroundLeadlineAndCatchesUp() {
        String id = "written-around-" + unique;
        mongo.insert(
                new Document("_id", id)
                        .append("number", "AROUND-" + unique)
                        .append(SearchKeys.FIELD, List.of("=around-" + unique, "n:zofia " + unique)),
                "orders");

        // The index holds one order fewer than the store: this search reads the store, and the index is built again.
        assertThat(numbersFound("zofia " + unique)).containsExactly("AROUND-" + unique);

        await().until(index::ready);
        assertThat(numbersFound("zofia " + unique)).containsExactly("AROUND-" + unique);
        assertThat(index.ready()).isTrue();
        mongo.remove(Query.query(Criteria.where("_id").is(id)), "orders");
    }

    @Test
    void buildsOverMoreOrdersThanOneReadNames() {
        // Written around Leadline, 2,500 of them: the index is built again, reading the orders a thousand at a time.
        List<Document> around = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            String name = bulk(i);
            around.add(new Document("_id", name)
                    .append("number", name.toUpperCase(Locale.ROOT))
                    .append("tracking", new Document("tokenHash", "hash-" + name).append("revoked", true))
                    .append(SearchKeys.FIELD, List.of("=" + name)));
        }
        try {
            mongo.insert(around, "orders");
            assertThat(numbersFound(bulk(0))).as("from the store").containsExactly(bulk(0).toUpperCase(Locale.ROOT));
            await().until(index::ready);

            for (int i : List.of(0, 999, 1_000, 1_999, 2_000, 2_499)) {
                assertThat(numbersFound(bulk(i))).containsExactly(bulk(i).toUpperCase(Locale.ROOT));
            }
            assertThat(index.ready()).as("answered from the index").isTrue();
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").regex("^bulk-" + unique)), "orders");
        }
    }

    private String bulk(int i) {
        return "bulk-%s-%04d".formatted(unique, i);
    }

    @Test
    void knowsTheOrdersThatWaitForEachBackgroundWorkAsTheStoresQueryDoes() {
        OrderInputs order = anOrder().customer("name", "Wanda " + unique);
        clients.place(order);
        String id = queries.byNumber(order.number()).orElseThrow().id();

        // The confirmation is sent in the background, found through the index; once sent, the order waits no more.
        await().untilAsserted(
                        () -> assertThat(waitingFor(OrderIndex.Work.MESSAGES)).doesNotContain(id));
        assertThat(queries.byNumber(order.number()).orElseThrow().notifications())
                .isNotEmpty()
                .allSatisfy(intent -> assertThat(intent.sentAt()).isNotNull());
        await().untilAsserted(() -> {
            assertThat(waitingFor(OrderIndex.Work.MESSAGES))
                    .isEqualTo(storeFinds(Criteria.where("notifications")
                            .elemMatch(Criteria.where("sentAt").is(null))));
            assertThat(waitingFor(OrderIndex.Work.PAYMENTS))
                    .isEqualTo(storeFinds(Criteria.where("pendingPayments.0").exists(true)));
            assertThat(waitingFor(OrderIndex.Work.LATE_LINES))
                    .isEqualTo(storeFinds(Criteria.where("late").is(true)));
            assertThat(waitingFor(OrderIndex.Work.REFUND_DECISIONS))
                    .isEqualTo(storeFinds(Criteria.where("refunds")
                            .elemMatch(Criteria.where("state").is(RefundRequest.State.REQUESTED.name()))));
            assertThat(waitingFor(OrderIndex.Work.OPEN_LINES))
                    .contains(id)
                    .isEqualTo(storeFinds(Criteria.where("lines")
                            .elemMatch(Criteria.where("status").in(LineStatus.OPEN))));
        });
    }

    /** What the index answers; the first question after a while goes to the store instead, so ask again then. */
    private Set<String> waitingFor(OrderIndex.Work work) {
        return index.waitingFor(work, Instant.MAX)
                .or(() -> index.waitingFor(work, Instant.MAX))
                .orElseThrow();
    }

    private Set<String> storeFinds(Criteria criteria) {
        return mongo.find(Query.query(criteria), Order.class).stream()
                .map(Order::id)
                .collect(java.util.stream.Collectors.toSet());
    }

    private List<String> numbersFound(String term) {
        return queries.search(Optional.of(term), Optional.empty(), 20, Optional.empty()).stream()
                .map(Order::number)
                .toList();
    }

    private List<String> storesOwnQuery(String term, Optional<Filter> filter) {
        Criteria matching = filter.map(f -> new Criteria().andOperator(SearchKeys.matching(term), f.criteria()))
                .orElse(SearchKeys.matching(term));
        return mongo.find(Query.query(matching).with(NewestFirst.SORT), Order.class).stream()
                .map(Order::id)
                .toList();
    }
}
