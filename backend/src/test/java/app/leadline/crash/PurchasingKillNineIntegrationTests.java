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
import java.time.LocalDate;
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
 * after the purchase order itself is stored; a receipt whose spare units go to lines waiting for another purchase
 * order moves them one order after another too. The four at once, killed with SIGKILL as soon as all four purchase
 * orders are stored (the spare units reserved), with lines still to change for each: after the restart every line ends where its purchase
 * order's change puts it, and every open purchase order's allocations name exactly the lines that wait for it. Before,
 * the lines left behind stayed there for good: a second try is refused (nothing more is to come; cancelled already)
 * or, for a purchase order placed again, answered with the one stored, and nothing did the work again.
 */
@BesideTheOthers // JVMs of its own, killed; the test mostly waits for them
class PurchasingKillNineIntegrationTests {

    private static final String RECEIVED = "PO-NS-2041";
    private static final String CANCELLED = "PO-NS-2042";
    private static final String PLACED = "PO-BW-3001";
    /** Due sooner than {@link #SHARED}: the table orders placed wait for it. */
    private static final String SOONER = "PO-BW-3002";
    /** Placed after them with more tables than wait; all of it arrives, and its spare tables go to those orders. */
    private static final String SHARED = "PO-BW-3003";

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
        app = new LeadlineProcess(
                folder,
                List.of(
                        "leadline.demo.orders=40",
                        "leadline.notifications.echo=false",
                        "leadline.purchasing.follow-up-after=1s",
                        "leadline.purchasing.follow-up-sweep=1s",
                        "logging.level.root=WARN",
                        "logging.level.app.leadline=INFO"));
        connect(app.start());
        Waiting.until(() -> orders().countDocuments() >= 40, Duration.ofMinutes(2), "the demo orders are loaded");
        // 100 more sofas fill both sofa purchase orders; 80 more chairs fill both chair ones, the rest wait to be
        // ordered.
        placeOrders(100, "SOFA-OSLO-3", "NORDIC-SOFA");
        placeOrders(150, "CHAIR-AARHUS", "BALTIC-WOOD");
        Bson chairsToBeOrdered = Filters.elemMatch(
                "lines",
                Filters.and(
                        Filters.eq("sku", "CHAIR-AARHUS"),
                        Filters.eq("status", "AWAITING_SUPPLIER"),
                        Filters.eq("purchaseOrder", null)));
        placePurchaseOrder(SOONER, "TABLE-RIGA-180", 100, LocalDate.now().plusDays(1));
        placeOrders(100, "TABLE-RIGA-180", "BALTIC-WOOD");
        placePurchaseOrder(SHARED, "TABLE-RIGA-180", 200, LocalDate.now().plusDays(60));
        Bson tablesWaiting = Filters.elemMatch(
                "lines", Filters.and(Filters.eq("sku", "TABLE-RIGA-180"), Filters.eq("status", "AWAITING_SUPPLIER")));
        long tables = orders().countDocuments(tablesWaiting);
        assertThat(orders().countDocuments(waiting(SOONER)))
                .as("orders waiting for %s", SOONER)
                .isGreaterThan(20);
        long allocated = orders().countDocuments(waiting(RECEIVED));
        long unordered = orders().countDocuments(chairsToBeOrdered);
        assertThat(allocated).as("orders waiting for %s", RECEIVED).isGreaterThan(20);
        assertThat(orders().countDocuments(waiting(CANCELLED)))
                .as("orders waiting for %s", CANCELLED)
                .isGreaterThan(20);
        assertThat(unordered).as("chairs waiting to be ordered").isGreaterThan(20);

        // At once: everything still to come on one sofa purchase order arrives, the other is cancelled, a purchase
        // order for every chair waiting is placed, and all the tables of the later table purchase order arrive. The
        // process dies as soon as all four are stored, the spare tables reserved for the orders waiting for the
        // other.
        String agent = app.agentToken("agent", "agent");
        List<CompletableFuture<Void>> requests = List.of(
                send(agent, "receiveGoods(input: {purchaseOrder: \\\"" + RECEIVED + "\\\"}) { linesReady }"),
                send(
                        agent,
                        "cancelPurchaseOrder(input: {purchaseOrder: \\\"" + CANCELLED + "\\\", reason: \\\"Factory"
                                + " closed\\\"}) { customersTold }"),
                send(
                        agent,
                        "placePurchaseOrder(input: {number: \\\"" + PLACED + "\\\", supplier: \\\"BALTIC-WOOD\\\","
                                + " lines: [{sku: \\\"CHAIR-AARHUS\\\", quantity: 500}]}) { errors { code } }"),
                send(agent, "receiveGoods(input: {purchaseOrder: \\\"" + SHARED + "\\\"}) { linesReady }"));
        Waiting.until(
                () -> stored(
                                RECEIVED,
                                po -> !po.getList("receipts", Document.class, List.of())
                                        .isEmpty())
                        && stored(CANCELLED, po -> "CANCELLED".equals(po.getString("status")))
                        && stored(PLACED, po -> true)
                        && stored(
                                SHARED,
                                po -> !po.getList("allocations", Document.class, List.of())
                                        .isEmpty()),
                Duration.ofMinutes(1),
                "the four purchase orders are stored so");
        long[] leftAtKill = {
            orders().countDocuments(waiting(RECEIVED)),
            orders().countDocuments(waiting(CANCELLED)),
            orders().countDocuments(chairsToBeOrdered),
            orders().countDocuments(waiting(SOONER))
        };
        app.kill();
        requests.forEach(CompletableFuture::join);
        System.out.printf(
                "Killed with %d, %d, %d and %d orders still to change for %s, %s, %s and %s%n",
                leftAtKill[0], leftAtKill[1], leftAtKill[2], leftAtKill[3], RECEIVED, CANCELLED, PLACED, SHARED);
        assertThat(leftAtKill)
                .as("orders still to change for each when the process was killed (else this run proves less)")
                .doesNotContain(0);
        store.close();
        connect(app.start());

        Waiting.until(
                () -> orders().countDocuments(waiting(RECEIVED)) == 0
                        && orders().countDocuments(waiting(CANCELLED)) == 0
                        && orders().countDocuments(chairsToBeOrdered) == 0
                        && orders().countDocuments(tablesWaiting) == 0,
                Duration.ofMinutes(1),
                "after the restart, every line the goods serve is ready, none waits for the cancelled purchase order,"
                        + " every chair waits for the new one and every table is ready");

        assertThat(purchaseOrder(RECEIVED).getString("status")).isEqualTo("RECEIVED");
        assertThat(orders().countDocuments(Filters.elemMatch(
                        "lines", Filters.and(Filters.eq("purchaseOrder", RECEIVED), Filters.eq("status", "READY")))))
                .as("orders with the received goods ready")
                .isEqualTo(allocated);
        assertThat(orders().countDocuments(waiting(PLACED))).isEqualTo(unordered);
        assertThat(purchaseOrder(SHARED).getString("status")).isEqualTo("RECEIVED");
        assertThat(orders().countDocuments(Filters.elemMatch(
                        "lines", Filters.and(Filters.eq("purchaseOrder", SHARED), Filters.eq("status", "READY")))))
                .as("orders whose tables came from the spare ones")
                .isEqualTo(tables);
        assertThat(app.output())
                .contains("left waiting beside their goods")
                .contains("Purchase order " + CANCELLED + " was cancelled while Leadline stopped")
                .contains("Purchase order " + PLACED + " was placed while Leadline stopped");
        assertAllocationsNameTheLinesThatWait();
    }

    private void placeOrders(int count, String sku, String supplier) throws Exception {
        String shop = app.shopToken();
        for (int from = 0; from < count; from += 100) {
            StringBuilder batch = new StringBuilder();
            for (int i = from; i < Math.min(count, from + 100); i++) {
                batch.append(i == from ? "" : ",")
                        .append(KillNineIntegrationTests.order(sku + "-" + System.nanoTime(), i, sku, supplier));
            }
            String placed = app.graphql(
                    shop,
                    "{\"query\": \"mutation($input: PlaceOrdersInput!) { placeOrders(input: $input) { errors { code } }"
                            + " }\", \"variables\": {\"input\": {\"orders\": [" + batch + "]}}}");
            assertThat(placed).contains("\"errors\":[]");
        }
    }

    private void placePurchaseOrder(String number, String sku, int quantity, LocalDate due) throws Exception {
        String placed = app.graphql(
                app.agentToken("agent", "agent"),
                "{\"query\": \"mutation { placePurchaseOrder(input: {number: \\\"" + number
                        + "\\\", supplier: \\\"BALTIC-WOOD\\\", confirmedArrival: \\\"" + due
                        + "\\\", lines: [{sku: \\\"" + sku + "\\\", quantity: " + quantity
                        + "}]}) { errors { code } } }\"}");
        assertThat(placed).contains("\"errors\":[]");
    }

    /** An agent's mutation, in flight until answered or cut off by the kill. */
    private CompletableFuture<Void> send(String agent, String mutation) {
        return CompletableFuture.runAsync(() -> {
            try {
                app.graphql(agent, "{\"query\": \"mutation { " + mutation + " }\"}");
            } catch (Exception e) {
                // killed with the request in flight: not answered
            }
        });
    }

    private boolean stored(String number, Predicate<Document> so) {
        Document po = purchaseOrder(number);
        return po != null && so.test(po);
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
