package app.leadline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.delivery.LeadTime;
import app.leadline.supplier.NewPurchaseOrder;
import app.leadline.supplier.Purchasing;
import app.leadline.supplier.Supplier;
import app.leadline.supplier.SupplierCatalog;
import app.leadline.support.Clients;
import app.leadline.support.OrderInputs;
import app.leadline.support.TestSuppliers;
import com.mongodb.client.model.IndexOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Order intake as the shop does it: 20,000 orders handed over in batches of 100 through {@code placeOrders}, GraphQL
 * over HTTP with the shop's token, one batch after the other, into the embedded H2 file store (every write committed
 * and forced to disk). The baseline, in the same run and store: {@code insertMany} of the very documents intake
 * stored, in batches of 100, into a collection with the same indexes. Target: intake at ≥ 0.5× the baseline's
 * orders per second. The shop has a purchase history, as one that has traded for a while does: {@code
 * bench.history} purchase orders received (500, two years of a purchase order or so a day), from which every batch's
 * backordered lines are promised. Run with {@code ./mvnw -Pbench -pl backend -am verify}.
 */
@Tag("bench")
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "leadline.store.backend=H2",
            "leadline.store.path=target/bench-stores/intake-${random.uuid}",
            "leadline.demo.enabled=false",
            "leadline.notifications.echo=false",
            // Sending the confirmations is measured apart (NotificationPacingBenchmark); here it would take turns
            // with intake at the store's writes.
            "leadline.notifications.dispatch-interval=1h"
        })
@Import(Clients.class)
class IntakeBenchmark {

    private static final int ORDERS = Integer.getInteger("bench.orders", 20_000);
    private static final int HISTORY = Integer.getInteger("bench.history", 500);
    /**
     * Orders handed over before the measurement. After 1,000 the optimising compiler was still at work on the intake
     * path for much of the measured part (27 compilations of 0.1 to 0.4 s each in its 20 s).
     */
    private static final int WARM_UP_ORDERS = Integer.getInteger("bench.warmUp", 5_000);

    private static final int BATCH = 100;
    private static final String MUTATION = "mutation($input: PlaceOrdersInput!) { placeOrders(input: $input) {"
            + " orders { number created trackingUrl } errors { code field message } } }";

    @Autowired
    Clients clients;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Purchasing purchasing;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void placeOrdersAgainstInsertMany() throws Exception {
        TestSuppliers.register(suppliers);
        suppliers.save(new Supplier("FJORD", "Fjord Furniture", "NO", null, null, new LeadTime(10, 15), null));
        recordHistory();
        String token = clients.clientCredentialsToken("orders:write");

        // Warm-up of both paths, on orders and documents the measurement does not count.
        handOver(token, "WARM-", WARM_UP_ORDERS);
        insertMany("orders_warmup", stored("WARM-"));

        long intakeStarted = System.nanoTime();
        handOver(token, "BENCH-", ORDERS);
        double intakeSeconds = (System.nanoTime() - intakeStarted) / 1e9;

        List<Document> documents = stored("BENCH-");
        assertThat(documents).hasSize(ORDERS);
        long baselineStarted = System.nanoTime();
        insertMany("orders_baseline", documents);
        double baselineSeconds = (System.nanoTime() - baselineStarted) / 1e9;

        double intakeRate = ORDERS / intakeSeconds;
        double baselineRate = ORDERS / baselineSeconds;
        double ratio = intakeRate / baselineRate;
        String report = String.join(
                System.lineSeparator(),
                "Order intake, " + ORDERS + " orders of three lines (stock, backordered, dropshipped) in batches of "
                        + BATCH + ", H2 file store, " + HISTORY + " purchase orders received before:",
                String.format("placeOrders over HTTP     %8.0f orders/s (%.1f s)", intakeRate, intakeSeconds),
                String.format("insertMany of the same    %8.0f orders/s (%.1f s)", baselineRate, baselineSeconds),
                String.format("throughput ratio intake / insertMany = %.2f (target >= 0.50)", ratio));
        System.out.println(report);
        Path results = Path.of("target", "bench-results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("intake.txt"), report + System.lineSeparator());

        assertThat(ratio).as("intake throughput relative to insertMany").isGreaterThanOrEqualTo(0.5);
    }

    /** The supplier's purchase orders received before, one every other day or so, a few days late or early. */
    private void recordHistory() {
        LocalDate today = LocalDate.now();
        List<Purchasing.Arrived> history = new ArrayList<>();
        for (int i = 0; i < HISTORY; i++) {
            LocalDate sent = today.minusDays(30 + (i * 700L) / HISTORY);
            LocalDate confirmed = sent.plusDays(14);
            LocalDate received = confirmed.plusDays(i % 7 - 2);
            history.add(new Purchasing.Arrived(
                    new NewPurchaseOrder(
                            "PO-HISTORY-" + i,
                            "FJORD",
                            List.of(new NewPurchaseOrder.Line("CHAIR-FJORD", 10)),
                            sent,
                            confirmed),
                    received.isAfter(today) ? today : received));
        }
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "bench", null, List.of(new SimpleGrantedAuthority("ROLE_AGENT"))));
        try {
            assertThat(purchasing.recordArrived(history, "bench")).isEmpty();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Hands {@code count} orders over in batches, each answered with every order created and a link for it. */
    private void handOver(String token, String prefix, int count) throws Exception {
        URI graphql = URI.create("http://localhost:" + clients.port() + "/graphql");
        for (int from = 0; from < count; from += BATCH) {
            List<Map<String, Object>> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(count, from + BATCH); i++) {
                batch.add(OrderInputs.anOrder()
                        .number(prefix + i)
                        .withBackorderedLine("CHAIR-FJORD", "FJORD")
                        .withDropshippedLine("LAMP-RHEIN", TestSuppliers.DROPSHIP_SUPPLIER)
                        .build());
            }
            String body = json.writeValueAsString(
                    Map.of("query", MUTATION, "variables", Map.of("input", Map.of("orders", batch))));
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(graphql)
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode answer = json.readTree(response.body()).path("data").path("placeOrders");
            assertThat(answer.path("errors").size()).as(response.body()).isZero();
            assertThat(answer.path("orders").size()).isEqualTo(batch.size());
            answer.path("orders").forEach(order -> {
                assertThat(order.path("created").asBoolean()).isTrue();
                assertThat(order.path("trackingUrl").asString()).contains("/t/");
            });
        }
    }

    /** The orders' documents exactly as intake stored them. */
    private List<Document> stored(String prefix) {
        List<Document> documents = new ArrayList<>();
        mongo.getCollection("orders")
                .find(new Document("number", new Document("$regex", "^" + prefix)))
                // 20,000 orders are more than one reply of the wire protocol may carry.
                .batchSize(1_000)
                .into(documents);
        return documents;
    }

    /** {@code insertMany} in batches, into a new collection with the orders' indexes. */
    private void insertMany(String collection, List<Document> documents) {
        var target = mongo.getCollection(collection);
        for (Document index : mongo.getCollection("orders").listIndexes()) {
            if (!"_id_".equals(index.getString("name"))) {
                IndexOptions options = new IndexOptions()
                        .name(index.getString("name"))
                        .unique(index.getBoolean("unique", false))
                        .sparse(index.getBoolean("sparse", false));
                target.createIndex((Document) index.get("key"), options);
            }
        }
        for (int from = 0; from < documents.size(); from += BATCH) {
            target.insertMany(documents.subList(from, Math.min(documents.size(), from + BATCH)));
        }
    }
}
