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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receipt that brings everything a purchase order still waited for, killed with SIGKILL after the goods are
 * recorded and before every line they serve is ready: after the restart every line of the purchase order is ready
 * and the purchase order is closed. Recorded goods that left lines waiting with nothing to redo them (the agent's
 * second try is refused: nothing more is to come) would keep those customers waiting for goods in the warehouse.
 */
@BesideTheOthers // a JVM of its own, killed; the test mostly waits for it
class ReceiptKillNineIntegrationTests {

    private static final String PURCHASE_ORDER = "PO-NS-2041";

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
    void linesTheRecordedGoodsServeAreReadyAfterAKillMidReceipt() throws Exception {
        app = new LeadlineProcess(
                folder,
                List.of(
                        "leadline.demo.orders=60",
                        "leadline.notifications.echo=false",
                        "logging.level.root=WARN",
                        "logging.level.app.leadline=INFO"));
        connect(app.start());
        Waiting.until(() -> orders().countDocuments() >= 60, Duration.ofMinutes(2), "the demo orders are loaded");
        // Forty more sofas, so that the purchase order's receipt has many orders to make ready, one after another.
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            batch.append(i == 0 ? "" : ",").append(KillNineIntegrationTests.order("R-" + System.nanoTime(), i));
        }
        String placed = app.graphql(
                app.shopToken(),
                "{\"query\": \"mutation($input: PlaceOrdersInput!) { placeOrders(input: $input) { errors { code } } }\","
                        + " \"variables\": {\"input\": {\"orders\": [" + batch + "]}}}");
        assertThat(placed).contains("\"errors\":[]");
        long allocated = orders().countDocuments(waitingFor());
        assertThat(allocated).as("lines waiting for %s", PURCHASE_ORDER).isGreaterThan(20);

        // Everything still to come arrives; the process dies as soon as the goods are recorded.
        String agent = app.agentToken("agent", "agent");
        CompletableFuture<Void> receipt = CompletableFuture.runAsync(() -> {
            try {
                app.graphql(
                        agent,
                        "{\"query\": \"mutation { receiveGoods(input: {purchaseOrder: \\\"" + PURCHASE_ORDER
                                + "\\\"}) { linesReady errors { code } } }\"}");
            } catch (Exception e) {
                // killed with the receipt in flight: not answered
            }
        });
        MongoCollection<Document> purchaseOrders = store.getDatabase("leadline").getCollection("purchaseOrders");
        Waiting.until(
                () -> !purchaseOrders
                        .find(Filters.eq("_id", PURCHASE_ORDER))
                        .first()
                        .getList("receipts", Document.class, List.of())
                        .isEmpty(),
                Duration.ofMinutes(1),
                "the goods are recorded");
        long waitingAtKill = orders().countDocuments(waitingFor());
        app.kill();
        receipt.join();
        System.out.printf("Killed mid-receipt with %d of %d orders still waiting%n", waitingAtKill, allocated);
        assertThat(waitingAtKill)
                .as("lines still waiting when the process was killed (else this run proves nothing)")
                .isPositive();

        store.close();
        connect(app.start());
        Waiting.until(
                () -> orders().countDocuments(waitingFor()) == 0,
                Duration.ofMinutes(1),
                "every line the recorded goods serve is ready after the restart");
        Document po = purchaseOrders().find(Filters.eq("_id", PURCHASE_ORDER)).first();
        assertThat(po.getString("status")).isEqualTo("RECEIVED");
        List<String> ready = new ArrayList<>();
        orders().find(Filters.elemMatch(
                        "lines",
                        Filters.and(Filters.eq("purchaseOrder", PURCHASE_ORDER), Filters.eq("status", "READY"))))
                .forEach(order -> ready.add(order.getString("number")));
        assertThat(ready).as("orders with the purchase order's goods ready").hasSize((int) allocated);
        assertThat(app.output()).contains("left waiting beside their goods");
    }

    private static Bson waitingFor() {
        return Filters.elemMatch(
                "lines",
                Filters.and(Filters.eq("purchaseOrder", PURCHASE_ORDER), Filters.eq("status", "AWAITING_SUPPLIER")));
    }

    private void connect(int storePort) {
        store = MongoClients.create("mongodb://127.0.0.1:" + storePort);
    }

    private MongoCollection<Document> orders() {
        return store.getDatabase("leadline").getCollection("orders");
    }

    private MongoCollection<Document> purchaseOrders() {
        return store.getDatabase("leadline").getCollection("purchaseOrders");
    }
}
