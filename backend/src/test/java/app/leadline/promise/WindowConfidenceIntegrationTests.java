package app.leadline.promise;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static app.leadline.support.PurchaseOrderInputs.aPurchaseOrder;
import static app.leadline.support.SupplierInputs.aSupplier;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.OrderLine;
import app.leadline.order.OrderQueries;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.PurchaseOrderInputs;
import app.leadline.support.PurchasingSteps;
import app.leadline.support.Receipts;
import app.leadline.support.SupplierInputs;
import app.leadline.support.Waiting;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A backordered line's window is its supplier's learned lateness around the date the supplier gave, with the share
 * of such lines expected inside; an in-stock line's window, and a line of a supplier nothing was received from, state
 * none.
 */
@LeadlineIntegrationTest
class WindowConfidenceIntegrationTests {

    private static final LocalDate TODAY = LocalDate.now();

    @Autowired
    Clients clients;

    @Autowired
    OrderQueries orders;

    @Autowired
    PromiseWatch watch;

    @Autowired
    app.leadline.supplier.SupplierCatalog catalog;

    @Test
    void aLateSuppliersLineIsPromisedFromItsLearnedLatenessWithItsConfidenceAndKeepsItsPromiseWhenTheDateMoves() {
        HttpGraphQlTester agent = clients.agent("ada", "AGENT", "ADMIN");
        SupplierInputs late = supplierAlways(agent, 7);
        SupplierInputs dropshipper = aSupplier().dropshipping().leadTime(2, 4);
        PurchasingSteps.defined(clients, dropshipper);
        LocalDate arrival = TODAY.plusDays(20);
        PurchaseOrderInputs open = PurchasingSteps.placed(
                agent, aPurchaseOrder(late.code()).withLine("SOFA", 2).confirmedArrival(arrival));

        OrderInputs order = anOrder()
                .withStockLine("VASE", 1)
                .withBackorderedLine("SOFA", late.code())
                .withDropshippedLine("LAMP", dropshipper.code());
        GraphQlTester.Response placed = clients.shop()
                .documentName("placeOrders")
                .variable("input", batch(order))
                .execute();
        int[] spread = learnedDays(agent, late.code());

        String stock = "placeOrders.orders[0].lines[?(@.sku == 'VASE')]";
        String backordered = "placeOrders.orders[0].lines[?(@.sku == 'SOFA')]";
        String dropshipped = "placeOrders.orders[0].lines[?(@.sku == 'LAMP')]";
        placed.path(backordered + ".purchaseOrder").entityList(String.class).containsExactly(open.number());
        placed.path(backordered + ".eta.confidence").entityList(Double.class).containsExactly(0.8);
        // Nothing was ever received from the dropshipper: its line follows its word and states no confidence.
        placed.path(dropshipped + ".eta.confidence").entityList(Object.class).containsExactly((Object) null);
        placed.path(stock + ".eta.confidence").entityList(Object.class).containsExactly((Object) null);
        placed.path("placeOrders.orders[0].eta.confidence").valueIsNull();
        // The supplier is a week late every time: its window lies after the date it confirmed, by at least its
        // learned days, before handling and transit are added.
        assertThat(spread[0]).isPositive();
        LocalDate earliest = placed.path(backordered + ".eta.earliest")
                .entityList(LocalDate.class)
                .get()
                .get(0);
        LocalDate latest = placed.path(backordered + ".eta.latest")
                .entityList(LocalDate.class)
                .get()
                .get(0);
        assertThat(earliest).isAfter(arrival.plusDays(spread[0]));
        assertThat(latest).isAfter(arrival.plusDays(spread[1]));
        placed.path(backordered + ".promisedDate").entityList(LocalDate.class).containsExactly(latest);

        Map<String, Object> confirmation = new LinkedHashMap<>();
        confirmation.put("purchaseOrder", open.number());
        confirmation.put("arrival", arrival.plusDays(14).toString());
        confirmation.put("reasonText", "The factory confirmed a later date.");
        agent.documentName("confirmPurchaseOrder")
                .variable("input", confirmation)
                .execute()
                .path("confirmPurchaseOrder.errors")
                .entityList(Object.class)
                .hasSize(0);
        Waiting.until(
                () -> sofa(order).eta().latest().isAfter(latest), Duration.ofSeconds(20), "the confirmation moved it");
        OrderLine moved = sofa(order);
        assertThat(moved.eta().confidence()).isEqualTo(0.8);
        assertThat(moved.eta().earliest()).isAfter(arrival.plusDays(14 + spread[0]));
        assertThat(moved.promisedDate()).isEqualTo(latest);
    }

    @Test
    void anEarlySuppliersLinesAreNotPromisedBeforeItsGoodsCanCome() {
        HttpGraphQlTester agent = clients.agent("ada", "AGENT", "ADMIN");
        SupplierInputs early = supplierAlways(agent, -11);
        assertThat(learnedDays(agent, early.code())[0]).isNegative();
        // Placed weeks ago, its sofa waited to be ordered; the chair is ordered today.
        OrderInputs waited = anOrder()
                .placedAt(java.time.Instant.now().minus(Duration.ofDays(40)))
                .withBackorderedLine("CHAIR", early.code());
        OrderInputs today = anOrder().withBackorderedLine("SOFA", early.code());
        clients.shop()
                .documentName("placeOrders")
                .variable("input", batch(waited, today))
                .execute()
                .path("placeOrders.orders[*].lines[1].purchaseOrder")
                .entityList(Object.class)
                .containsExactly(null, null);

        // Nothing is on order for the sofa yet: it comes no sooner than the supplier's fastest lead time, ten
        // working days, however early the supplier came against the days it gave.
        assertThat(line(today, "SOFA").eta().earliest()).isAfter(TODAY.plusDays(14));

        // The supplier confirms the chair for five days on; it came up to eleven days early before, but the chair is
        // not here today, so its window opens after today, not in the past.
        PurchaseOrderInputs soon = PurchasingSteps.placed(
                agent, aPurchaseOrder(early.code()).withLine("CHAIR", 1).confirmedArrival(TODAY.plusDays(5)));
        Waiting.until(
                () -> soon.number().equals(line(waited, "CHAIR").purchaseOrder()),
                Duration.ofSeconds(20),
                "the chair waits for the purchase order");
        assertThat(line(waited, "CHAIR").eta().earliest()).isAfter(TODAY);
    }

    @Test
    void aLineGivenToAPurchaseOrderAlreadyPastItsDateIsPromisedAsThePromiseWatchHasItAndNotMovedAgain() {
        HttpGraphQlTester agent = clients.agent("ada", "AGENT", "ADMIN");
        // Mostly on time, but when late, two weeks late.
        SupplierInputs supplier = aSupplier().leadTime(10, 15);
        PurchasingSteps.defined(clients, supplier);
        int[] daysLate = {0, 1, 0, 13, 2, 15, 14, 0};
        for (int i = 0; i < daysLate.length; i++) {
            receivedDaysLate(agent, supplier.code(), 100 - 10 * i, daysLate[i]);
        }
        OrderInputs order = anOrder().withBackorderedLine("SOFA", supplier.code());
        clients.place(order);

        // The purchase order is entered late: the supplier confirmed an arrival five days ago and nothing came.
        PurchaseOrderInputs overdue = PurchasingSteps.placed(
                agent,
                aPurchaseOrder(supplier.code())
                        .withLine("SOFA", 1)
                        .sentOn(TODAY.minusDays(30))
                        .confirmedArrival(TODAY.minusDays(5)));
        Waiting.until(
                () -> overdue.number().equals(sofa(order).purchaseOrder()),
                Duration.ofSeconds(20),
                "the sofa waits for the purchase order");
        OrderLine given = sofa(order);

        // Goods five days late from this supplier are those that come two weeks late: a week or more from now.
        assertThat(given.eta().earliest()).isAfter(TODAY.plusDays(7));
        watch.sweep();
        assertThat(sofa(order).eta()).isEqualTo(given.eta());
        assertThat(sofa(order).isRunningLate()).isFalse();
        // Agents see it running late, and that its window allows for it: nobody is told again.
        assertThat(agent.documentName("runningLate")
                        .execute()
                        .path("runningLate[?(@.orderNumber == '" + order.number() + "')]")
                        .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                        .get())
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.get("daysOverdue")).isEqualTo(5);
                    assertThat(line.get("moved")).isEqualTo(false);
                    assertThat(line.get("movesNext")).isEqualTo(false);
                });

        // The sofa is received and the receipt taken back (booked by mistake): it is promised as before, not from
        // today as if the supplier were on time, and the watch leaves it there.
        agent.documentName("receiveGoods")
                .variable("input", Receipts.of(overdue.number(), "SOFA", 1))
                .execute()
                .path("receiveGoods.linesReady")
                .entity(Integer.class)
                .isEqualTo(1);
        java.time.Instant recordedAt = catalog.purchaseOrder(overdue.number())
                .orElseThrow()
                .receipts()
                .get(0)
                .recordedAt();
        agent.documentName("reverseReceipt")
                .variable("input", Map.of("purchaseOrder", overdue.number(), "recordedAt", recordedAt.toString()))
                .execute()
                .path("reverseReceipt.errors")
                .entityList(Object.class)
                .hasSize(0);
        Waiting.until(
                () -> sofa(order).status() == app.leadline.order.LineStatus.AWAITING_SUPPLIER,
                Duration.ofSeconds(20),
                "the sofa waits again");
        assertThat(sofa(order).eta()).isEqualTo(given.eta());
        watch.sweep();
        assertThat(sofa(order).eta()).isEqualTo(given.eta());
    }

    /** A supplier of 10-15 working days whose last seven purchase orders all came so many days after its date. */
    private SupplierInputs supplierAlways(HttpGraphQlTester agent, int daysLate) {
        SupplierInputs supplier = aSupplier().leadTime(10, 15);
        PurchasingSteps.defined(clients, supplier);
        for (int daysAgo = 90; daysAgo >= 30; daysAgo -= 10) {
            receivedDaysLate(agent, supplier.code(), daysAgo, daysLate);
        }
        return supplier;
    }

    private OrderLine line(OrderInputs order, String sku) {
        return orders.byNumber(order.number()).orElseThrow().lines().stream()
                .filter(line -> line.sku().equals(sku))
                .findFirst()
                .orElseThrow();
    }

    private OrderLine sofa(OrderInputs order) {
        return orders.byNumber(order.number()).orElseThrow().lines().stream()
                .filter(line -> line.sku().equals("SOFA"))
                .findFirst()
                .orElseThrow();
    }

    /** The supplier's learned window, in days after the date it gives, as agents read it. */
    private static int[] learnedDays(HttpGraphQlTester agent, String supplier) {
        GraphQlTester.Response response =
                agent.documentName("supplierPunctuality").execute();
        String path = "suppliers[?(@.code == '" + supplier + "')].punctuality";
        return new int[] {
            response.path(path + ".earliestDays")
                    .entityList(Integer.class)
                    .get()
                    .get(0),
            response.path(path + ".latestDays").entityList(Integer.class).get().get(0)
        };
    }

    private static void receivedDaysLate(HttpGraphQlTester agent, String supplier, int daysAgo, int late) {
        LocalDate confirmed = TODAY.minusDays(daysAgo);
        Receipts.received(agent, supplier, confirmed.minusDays(14), confirmed, confirmed.plusDays(late));
    }
}
