package app.leadline.platform;

import static app.leadline.support.OrderInputs.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.NotificationIntent;
import app.leadline.order.Order;
import app.leadline.order.OrderChanges;
import app.leadline.order.OrderFixtures;
import app.leadline.order.OrderQueries;
import app.leadline.order.TimelineEvent;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.Supplier;
import app.leadline.supplier.SupplierCatalog;
import app.leadline.support.Clients;
import app.leadline.support.OrderInputs;
import app.leadline.support.Waiting;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The store-facing code against a real MongoDB replica set (a one-member set in a container, write concern
 * majority): intake, the delay cascade and the outbox claims, and the indexes created at startup. Runs wherever
 * Docker is available; skipped (with JUnit's reason, "Docker is not available") where it is not.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "leadline.demo.enabled=false",
            "leadline.notifications.echo=false",
            "leadline.notifications.dispatch-interval=1h",
            "leadline.tracking.rate-limit.burst=100000"
        })
@Import(Clients.class)
class ReplicaSetIntegrationTests {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("leadline") + "?w=majority");
    }

    @Autowired
    Clients clients;

    @Autowired
    OrderQueries orders;

    @Autowired
    OrderChanges changes;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theIndexesTheQueriesNeedAreCreatedAtStartup() {
        List<String> names = mongo.getCollection("orders")
                .listIndexes()
                .map(index -> index.getString("name"))
                .into(new java.util.ArrayList<>());
        assertThat(names).contains("versioned_update");
        assertThat(names.size()).isGreaterThan(4);
        Document hello = mongo.getDb().runCommand(new Document("hello", 1));
        assertThat(hello.getString("setName")).isNotBlank();
    }

    @Test
    void intakeStoresAnOrderOnceAndItsLinkOpensIt() {
        OrderInputs input =
                anOrder().withBackorderedLine("SOFA", app.leadline.support.TestSuppliers.BACKORDER_SUPPLIER);
        app.leadline.support.TestSuppliers.register(suppliers);
        long before = orders.count();
        String token = clients.place(input);
        clients.place(input);

        assertThat(orders.count()).as("handed over twice, stored once").isEqualTo(before + 1);
        assertThat(orders.byTrackingToken(token))
                .hasValueSatisfying(order -> assertThat(order.number()).isEqualTo(input.number()));
    }

    @Test
    void aDelayCascadesOnceOverTheReplicaSet() {
        suppliers.save(new Supplier("RS-SUP", "Replica supplier", null));
        suppliers.save(PurchaseOrder.open(
                "PO-RS", "RS-SUP", List.of("SOFA"), LocalDate.now().plusDays(20)));
        List<OrderInputs> placed = List.of(
                anOrder().withBackorderedLine("SOFA", "RS-SUP"),
                anOrder().withBackorderedLine("SOFA", "RS-SUP"),
                anOrder().withBackorderedLine("SOFA", "RS-SUP"));
        placed.forEach(clients::place);

        String id = clients.agent("alice")
                .documentName("logDelay")
                .variable(
                        "input",
                        Map.of(
                                "scope",
                                Map.of("type", "PURCHASE_ORDER", "purchaseOrder", "PO-RS"),
                                "daysLate",
                                5,
                                "reasonCode",
                                "SUPPLIER_BEHIND"))
                .execute()
                .path("logDelay.report.id")
                .entity(String.class)
                .get();
        Waiting.until(
                () -> "DONE"
                        .equals(clients.agent("alice")
                                .documentName("delayReport")
                                .variable("id", id)
                                .execute()
                                .path("delayReport.state")
                                .entity(String.class)
                                .get()),
                Duration.ofSeconds(30),
                "the delay is applied");

        for (OrderInputs input : placed) {
            Order order = orders.byNumber(input.number()).orElseThrow();
            assertThat(order.timeline().stream().filter(event -> event.type() == TimelineEvent.Type.ETA_MOVED))
                    .hasSize(1);
            assertThat(order.notifications())
                    .anySatisfy(intent -> assertThat(intent.kind()).isIn("ETA_MOVED", "PAST_PROMISE"));
        }
    }

    @Test
    void twoDispatchersClaimingTheSameIntentsAtOnceGetThemOnce() {
        OrderInputs input = anOrder();
        clients.place(input);
        String id = orders.byNumber(input.number()).orElseThrow().id();
        Instant now = Instant.now();

        CompletableFuture<List<NotificationIntent>> one = CompletableFuture.supplyAsync(
                () -> new OrderFixtures(changes).claimNotifications(id, now, Duration.ofMinutes(1)));
        CompletableFuture<List<NotificationIntent>> other = CompletableFuture.supplyAsync(
                () -> new OrderFixtures(changes).claimNotifications(id, now, Duration.ofMinutes(1)));

        assertThat(one.join().size() + other.join().size()).isEqualTo(1);
    }
}
