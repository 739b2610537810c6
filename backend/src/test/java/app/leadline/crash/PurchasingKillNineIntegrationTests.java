package app.leadline.crash;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.BesideTheOthers;
import app.leadline.support.Waiting;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receiving, cancelling and placing a purchase order each change many customers' lines, one order after another,
 * after the purchase order itself is stored. Killed with SIGKILL as soon as the purchase order is stored, with lines
 * still to change, the application finishes that work after its restart: every line ends where the purchase order's
 * change puts it, and every purchase order's allocations name exactly the lines that wait for it. Before, the lines
 * left behind stayed there for good: a second try is refused (nothing more is to come; cancelled already) or, for a
 * purchase order placed again, answered with the one stored, and nothing else did the work again.
 */
@BesideTheOthers // JVMs of its own, killed; the test mostly waits for them
class PurchasingKillNineIntegrationTests {

    private static final String RECEIVED = "PO-NS-2041";
    private static final String CANCELLED = "PO-NS-2042";
    private static final String PLACED = "PO-NS-3001";

    @TempDir
    Path folder;

    private LeadlineProcess app;
    private MongoClient store;

    @AfterEach
    void stopAll() {
        if (store != null) {
            store.close();
        }
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void killedMidReceiptMidCancellationAndMidPlacingEveryLineEndsWhereItBelongs() throws Exception {
        // The demo's shop with 120 more sofas: the two sofa purchase orders fill up, the rest wait to be ordered.
        startWithMoreSofas(120);
        Bson toBeOrdered = Filters.elemMatch(
                "lines",
                Filters.and(
                        Filters.eq("sku", "SOFA-OSLO-3"),
                        Filters.eq("status", "AWAITING_SUPPLIER"),
                        Filters.eq("purchaseOrder", null)));

        // Everything still to come on PO-NS-2041 arrives; killed as soon as the goods are recorded.
        long allocated = orders().countDocuments(waiting(RECEIVED));
        assertThat(allocated).as("orders waiting for %s", RECEIVED).isGreaterThan(20);
        killOnceStored(
                "mutation { receiveGoods(input: {purchaseOrder: \\\"" + RECEIVED + "\\\"}) { linesReady } }",
                RECEIVED,
                po -> !po.getList("receipts", Document.class, List.of()).isEmpty(),
                waiting(RECEIVED));
        Waiting.until(
                () -> orders().countDocuments(waiting(RECEIVED)) == 0,
                Duration.ofMinutes(1),
                "every line the recorded goods serve is ready after the restart");
        assertThat(purchaseOrder(RECEIVED).getString("status")).isEqualTo("RECEIVED");
        assertThat(orders().countDocuments(Filters.elemMatch(
                        "lines", Filters.and(Filters.eq("purchaseOrder", RECEIVED), Filters.eq("status", "READY")))))
                .as("orders with the purchase order's goods ready")
                .isEqualTo(allocated);
        assertThat(app.output()).contains("left waiting beside their goods");
        assertAllocationsNameTheLinesThatWait();

        // PO-NS-2042 is cancelled; killed as soon as it is stored so. Its lines wait to be ordered again.
        long unorderedBefore = orders().countDocuments(toBeOrdered);
        assertThat(orders().countDocuments(waiting(CANCELLED))).isGreaterThan(20);
        killOnceStored(
                "mutation { cancelPurchaseOrder(input: {purchaseOrder: \\\"" + CANCELLED + "\\\", reason:"
                        + " \\\"Factory closed\\\"}) { customersTold } }",
                CANCELLED,
                po -> "CANCELLED".equals(po.getString("status")),
                waiting(CANCELLED));
        Waiting.until(
                () -> orders().countDocuments(waiting(CANCELLED)) == 0,
                Duration.ofMinutes(1),
                "no line waits for the cancelled purchase order after the restart");
        assertThat(app.output()).contains("Purchase order " + CANCELLED + " was cancelled while Leadline stopped");
        assertThat(orders().countDocuments(toBeOrdered)).isGreaterThan(unorderedBefore);
        assertAllocationsNameTheLinesThatWait();

        // A purchase order for every sofa waiting to be ordered is placed; killed as soon as it is stored.
        long unordered = orders().countDocuments(toBeOrdered);
        killOnceStored(
                "mutation { placePurchaseOrder(input: {number: \\\"" + PLACED + "\\\", supplier: \\\"NORDIC-SOFA\\\","
                        + " lines: [{sku: \\\"SOFA-OSLO-3\\\", quantity: 500}]}) { errors { code } } }",
                PLACED,
                po -> true,
                toBeOrdered);
        Waiting.until(
                () -> orders().countDocuments(toBeOrdered) == 0,
                Duration.ofMinutes(1),
                "every sofa waiting to be ordered waits for the new purchase order after the restart");
        assertThat(orders().countDocuments(waiting(PLACED))).isEqualTo(unordered);
        assertAllocationsNameTheLinesThatWait();
    }

    /** The demo's shop, with {@code sofas} more orders of one sofa each (the purchase orders' room goes first). */
    private void startWithMoreSofas(int sofas) throws Exception {
        app = new LeadlineProcess(
                folder,
                List.of(
                        "leadline.demo.orders=60",
                        "leadline.notifications.echo=false",
                        "leadline.purchasing.follow-up-after=1s",
                        "leadline.purchasing.follow-up-sweep=1s",
                        "logging.level.root=WARN",
                        "logging.level.app.leadline=INFO"));
        connect(app.start());
        Waiting.until(() -> orders().countDocuments() >= 60, Duration.ofMinutes(2), "the demo orders are loaded");
        String shop = app.shopToken();
        for (int from = 0; from < sofas; from += 100) {
            StringBuilder batch = new StringBuilder();
            for (int i = from; i < Math.min(sofas, from + 100); i++) {
                batch.append(i == from ? "" : ",").append(KillNineIntegrationTests.order("S-" + System.nanoTime(), i));
            }
            String placed = app.graphql(
                    shop,
                    "{\"query\": \"mutation($input: PlaceOrdersInput!) { placeOrders(input: $input) { errors { code } }"
                            + " }\", \"variables\": {\"input\": {\"orders\": [" + batch + "]}}}");
            assertThat(placed).contains("\"errors\":[]");
        }
    }

    /**
     * Sends an agent's mutation and kills the process as soon as the purchase order it changes is stored so, while
     * orders matching {@code toChange} are still there to change (else the run would prove nothing); then starts it
     * again.
     */
    private void killOnceStored(String mutation, String purchaseOrder, Predicate<Document> stored, Bson toChange)
            throws Exception {
        String agent = app.agentToken("agent", "agent");
        CompletableFuture<Void> request = CompletableFuture.runAsync(() -> {
            try {
                app.graphql(agent, "{\"query\": \"" + mutation + "\"}");
            } catch (Exception e) {
                // killed with the request in flight: not answered
            }
        });
        Waiting.until(
                () -> {
                    Document po = purchaseOrder(purchaseOrder);
                    return po != null && stored.test(po);
                },
                Duration.ofMinutes(1),
                "the purchase order is stored so");
        long leftAtKill = orders().countDocuments(toChange);
        app.kill();
        request.join();
        System.out.printf("Killed with %d orders still to change for %s%n", leftAtKill, purchaseOrder);
        assertThat(leftAtKill)
                .as("orders still to change when the process was killed (else this run proves nothing)")
                .isPositive();
        store.close();
        connect(app.start());
    }

    /** Each open purchase order's allocations name exactly the lines that wait for it, once each. */
    private void assertAllocationsNameTheLinesThatWait() {
        for (Document po :
                store.getDatabase("leadline").getCollection("purchaseOrders").find(Filters.eq("status", "OPEN"))) {
            String number = po.getString("_id");
            List<String> allocated = new ArrayList<>();
            for (Document allocation : po.getList("allocations", Document.class, List.of())) {
                allocated.add(allocation.getString("orderId") + "/" + allocation.getString("lineId"));
            }
            Set<String> waitingLines = new HashSet<>();
            for (Document order : orders().find(waiting(number))) {
                for (Document line : order.getList("lines", Document.class)) {
                    if (number.equals(line.getString("purchaseOrder"))
                            && "AWAITING_SUPPLIER".equals(line.getString("status"))) {
                        waitingLines.add(order.getString("_id") + "/" + lineId(line));
                    }
                }
            }
            assertThat(new HashSet<>(allocated))
                    .as("allocations of %s", number)
                    .hasSize(allocated.size())
                    .containsAll(waitingLines);
            assertThat(allocated)
                    .as("allocations of %s name lines that wait for it", number)
                    .allSatisfy(line -> {
                        Document order = orders().find(Filters.eq("_id", line.substring(0, line.indexOf('/'))))
                                .first();
                        assertThat(order.getList("lines", Document.class))
                                .anySatisfy(found -> assertThat(found.getString("purchaseOrder"))
                                        .isEqualTo(number));
                    });
        }
    }

    /** A line's id as stored (an embedded {@code id} is kept as {@code _id}). */
    private static String lineId(Document line) {
        return line.containsKey("_id") ? line.getString("_id") : line.getString("id");
    }

    private static Bson waiting(String purchaseOrder) {
        return Filters.elemMatch(
                "lines",
                Filters.and(Filters.eq("purchaseOrder", purchaseOrder), Filters.eq("status", "AWAITING_SUPPLIER")));
    }

    private Document purchaseOrder(String number) {
        return store.getDatabase("leadline")
                .getCollection("purchaseOrders")
                .find(Filters.eq("_id", number))
                .first();
    }

    private void connect(int storePort) {
        store = MongoClients.create("mongodb://127.0.0.1:" + storePort);
    }

    private MongoCollection<Document> orders() {
        return store.getDatabase("leadline").getCollection("orders");
    }
}
