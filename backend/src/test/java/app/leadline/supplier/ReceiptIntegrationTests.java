package app.leadline.supplier;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static app.leadline.support.PurchaseOrderInputs.aPurchaseOrder;
import static app.leadline.support.SupplierInputs.aSupplier;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.LineStatus;
import app.leadline.order.NotificationIntent;
import app.leadline.order.Order;
import app.leadline.order.OrderQueries;
import app.leadline.order.TimelineEvent;
import app.leadline.platform.ErrorTranslations;
import app.leadline.support.AgentOrders;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.PurchaseOrderInputs;
import app.leadline.support.PurchasingSteps;
import app.leadline.support.Receipts;
import app.leadline.support.TestWarehouse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** A shop that never saw the demo runs its backorders through the API alone, receipts and history included. */
@LeadlineIntegrationTest
class ReceiptIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    OrderQueries orders;

    private HttpGraphQlTester shop;
    private HttpGraphQlTester agent;

    @BeforeEach
    void clients() {
        shop = clients.withToken(clients.shopToken("orders:write purchasing:write"));
        agent = clients.agent("bo");
    }

    private String defineSupplier() {
        return PurchasingSteps.defined(clients, aSupplier().leadTime(10, 15));
    }

    private GraphQlTester.Response placeOrder(OrderInputs order) {
        return shop.documentName("placeOrders").variable("input", batch(order)).execute();
    }

    private GraphQlTester.Response receive(String purchaseOrder, String sku, int quantity, LocalDate on) {
        Map<String, Object> input = Receipts.of(purchaseOrder, sku, quantity);
        input.put("receivedOn", on.toString());
        return agent.documentName("receiveGoods").variable("input", input).execute();
    }

    /** The kinds of news the order holds for its customer. */
    private List<String> outboxKinds(OrderInputs order) {
        return orders.byNumber(order.number()).orElseThrow().notifications().stream()
                .map(NotificationIntent::kind)
                .toList();
    }

    private String lineStatus(OrderInputs order) {
        return AgentOrders.backorderedLineStatus(agent, order);
    }

    /** A purchase order of two chairs, both taken by an order each, and one chair arrived: the first order's. */
    private record HalfReceived(PurchaseOrderInputs purchaseOrder, OrderInputs first, OrderInputs second) {}

    private HalfReceived halfReceived() {
        String supplier = defineSupplier();
        PurchaseOrderInputs purchaseOrder =
                PurchasingSteps.placed(shop, aPurchaseOrder(supplier).withLine("CHAIR-NEW", 2));
        OrderInputs first = anOrder().withBackorderedLine("CHAIR-NEW", supplier);
        OrderInputs second = anOrder().withBackorderedLine("CHAIR-NEW", supplier);
        placeOrder(first);
        placeOrder(second);
        receive(purchaseOrder.number(), "CHAIR-NEW", 1, TestWarehouse.today());
        return new HalfReceived(purchaseOrder, first, second);
    }

    @Test
    void aShopRunsABackorderFromSupplierToReceiptThroughTheApiAlone() {
        String supplier = defineSupplier();
        OrderInputs first = anOrder().withBackorderedLine("CHAIR-NEW", supplier);
        GraphQlTester.Response accepted = placeOrder(first);
        accepted.path("placeOrders.errors").entityList(Object.class).hasSize(0);
        accepted.path("placeOrders.orders[0].lines[1].purchaseOrder").valueIsNull();
        accepted.path("placeOrders.orders[0].lines[1].eta.latest")
                .entity(LocalDate.class)
                .satisfies(latest -> assertThat(latest).isAfter(LocalDate.now().plusDays(14)));

        PurchaseOrderInputs purchaseOrder = aPurchaseOrder(supplier).withLine("CHAIR-NEW", 2);
        shop.documentName("placePurchaseOrder")
                .variable("input", purchaseOrder.build())
                .execute()
                .path("placePurchaseOrder.purchaseOrder.allocatedLines")
                .entity(Integer.class)
                .isEqualTo(1);
        OrderInputs second = anOrder().withBackorderedLine("CHAIR-NEW", supplier);
        OrderInputs third = anOrder().withBackorderedLine("CHAIR-NEW", supplier);
        placeOrder(second)
                .path("placeOrders.orders[0].lines[1].purchaseOrder")
                .entity(String.class)
                .isEqualTo(purchaseOrder.number());
        placeOrder(third).path("placeOrders.orders[0].lines[1].purchaseOrder").valueIsNull();

        // Received on the day it was sent: it cannot have come before.
        LocalDate arrived = TestWarehouse.today();
        GraphQlTester.Response received = receive(purchaseOrder.number(), "CHAIR-NEW", 1, arrived);

        received.path("receiveGoods.errors").entityList(Object.class).hasSize(0);
        received.path("receiveGoods.linesReady").entity(Integer.class).isEqualTo(1);
        assertThat(List.of(lineStatus(first), lineStatus(second), lineStatus(third)))
                .containsExactly("READY", "AWAITING_SUPPLIER", "AWAITING_SUPPLIER");
        GraphQlTester.Response history = shop.documentName("purchaseOrder")
                .variable("number", purchaseOrder.number())
                .execute();
        history.path("purchaseOrder.status").entity(String.class).isEqualTo("OPEN");
        history.path("purchaseOrder.sentOn").entity(LocalDate.class).isEqualTo(TestWarehouse.today());
        history.path("purchaseOrder.lines[0].received").entity(Integer.class).isEqualTo(1);
        history.path("purchaseOrder.lines[0].allocated").entity(Integer.class).isEqualTo(2);
        history.path("purchaseOrder.receipts[0].receivedOn")
                .entity(LocalDate.class)
                .isEqualTo(arrived);
        history.path("purchaseOrder.receipts[0].quantity").entity(Integer.class).isEqualTo(1);
        history.path("purchaseOrder.receipts[0].by").entity(String.class).isEqualTo("bo");
    }

    @Test
    void goodsInBeforeTheirDateBringTheCustomersWindowForwardAndWhatShippingNowOffers() {
        String supplier = defineSupplier();
        PurchaseOrderInputs purchaseOrder =
                PurchasingSteps.placed(shop, aPurchaseOrder(supplier).withLine("CHAIR-NEW", 1));
        // A vase on the shelf, the chair on the purchase order, a lamp nobody has ordered yet.
        OrderInputs order =
                anOrder().withBackorderedLine("CHAIR-NEW", supplier).withBackorderedLine("LAMP-NEW", supplier);
        String token = tokenOf(placeOrder(order)
                .path("placeOrders.orders[0].trackingUrl")
                .entity(String.class)
                .get());
        LocalDate chairBefore = track(token)
                .path("trackOrder.lines[1].eta.latest")
                .entity(LocalDate.class)
                .get();
        assertThat(chairBefore)
                .as("the supplier's lead time")
                .isAfter(LocalDate.now().plusDays(10));

        LocalDate today = TestWarehouse.today();
        receive(purchaseOrder.number(), "CHAIR-NEW", 1, today);

        GraphQlTester.Response tracked = track(token);
        tracked.path("trackOrder.lines[1].status").entity(String.class).isEqualTo("READY");
        LocalDate chairEarliest = tracked.path("trackOrder.lines[1].eta.earliest")
                .entity(LocalDate.class)
                .get();
        LocalDate chairLatest = tracked.path("trackOrder.lines[1].eta.latest")
                .entity(LocalDate.class)
                .get();
        assertThat(chairEarliest).isAfter(today);
        assertThat(chairLatest)
                .as("handled and sent from today, not on the purchase order's date")
                .isBefore(chairBefore)
                .isBeforeOrEqualTo(today.plusDays(10));
        tracked.path("trackOrder.choice.open").entity(Boolean.class).isEqualTo(true);
        tracked.path("trackOrder.choice.splitParcels[0].lineIds")
                .entityList(String.class)
                .containsExactly("L1", "L2");
        tracked.path("trackOrder.choice.splitParcels[0].eta.latest")
                .entity(LocalDate.class)
                .satisfies(latest -> assertThat(latest).isBefore(chairBefore));
    }

    private static String tokenOf(String trackingUrl) {
        return trackingUrl.substring(trackingUrl.lastIndexOf('/') + 1);
    }

    private GraphQlTester.Response track(String token) {
        return clients.anonymous()
                .documentName("trackOrder")
                .variable("token", token)
                .execute();
    }

    @Test
    void goodsDatedBeforeTheirPurchaseOrderWentOutAreRefusedAtTheDayAndNothingIsReceived() {
        String supplier = defineSupplier();
        OrderInputs waiting = anOrder().withBackorderedLine("CHAIR-NEW", supplier);
        clients.shop()
                .documentName("placeOrders")
                .variable("input", batch(waiting))
                .execute();
        LocalDate sentOn = TestWarehouse.today().minusDays(3);
        PurchaseOrderInputs purchaseOrder = PurchasingSteps.placed(
                agent, aPurchaseOrder(supplier).withLine("CHAIR-NEW", 1).sentOn(sentOn));
        // Three units of the one ordered, too: both are said at once, each beside its field.
        Map<String, Object> receipt = Receipts.of(purchaseOrder.number(), "CHAIR-NEW", 3);
        receipt.put("receivedOn", "2020-01-01");

        GraphQlTester.Response refused =
                agent.documentName("receiveGoods").variable("input", receipt).execute();

        refused.path("receiveGoods.errors[*].code")
                .entityList(String.class)
                .containsExactly("RECEIVED_BEFORE_SENT", "OVER_RECEIPT");
        refused.path("receiveGoods.errors[*].field")
                .entityList(String.class)
                .containsExactly("input.receivedOn", "input.quantities[0].quantity");
        refused.path("receiveGoods.errors[0].message")
                .entity(String.class)
                .isEqualTo("Goods cannot have arrived before purchase order " + purchaseOrder.number()
                        + " was sent, on " + sentOn.format(ErrorTranslations.DAY) + ".");
        agent.documentName("purchaseOrder")
                .variable("number", purchaseOrder.number())
                .execute()
                .path("purchaseOrder.receipts")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void theRestArrivingLaterReadiesTheNextLineAndClosesThePurchaseOrder() {
        HalfReceived half = halfReceived();
        PurchaseOrderInputs purchaseOrder = half.purchaseOrder();
        OrderInputs first = half.first();
        OrderInputs second = half.second();

        receive(purchaseOrder.number(), "CHAIR-NEW", 1, TestWarehouse.today())
                .path("receiveGoods.linesReady")
                .entity(Integer.class)
                .isEqualTo(1);

        assertThat(List.of(lineStatus(first), lineStatus(second))).containsExactly("READY", "READY");
        shop.documentName("purchaseOrder")
                .variable("number", purchaseOrder.number())
                .execute()
                .path("purchaseOrder.status")
                .entity(String.class)
                .isEqualTo("RECEIVED");
    }

    @Test
    void theReviewOfAReceiptSaysWhichCustomersAreToldTheirOrderIsReadyAndWhichAreAskedAndReceivingDoesJustThat() {
        String supplier = defineSupplier();
        PurchaseOrderInputs purchaseOrder =
                PurchasingSteps.placed(shop, aPurchaseOrder(supplier).withLine("CHAIR-NEW", 2));
        OrderInputs complete = anOrder().withBackorderedLine("CHAIR-NEW", supplier);
        OrderInputs stillWaiting =
                anOrder().withBackorderedLine("CHAIR-NEW", supplier).withBackorderedLine("SOFA-LATER", supplier);
        placeOrder(complete);
        placeOrder(stillWaiting);
        Map<String, Object> everything = everythingStillToCome(purchaseOrder);

        GraphQlTester.Response preview = previewReceipt(everything);
        assertThat(preview.path("previewReceiveGoods.preview.ordersReady")
                        .entityList(String.class)
                        .get())
                .containsExactlyInAnyOrder(complete.number(), stillWaiting.number());
        preview.path("previewReceiveGoods.preview.toldReadyToShip")
                .entityList(String.class)
                .containsExactly(complete.number());
        preview.path("previewReceiveGoods.preview.askedToChoose")
                .entityList(String.class)
                .containsExactly(stillWaiting.number());

        GraphQlTester.Response received =
                agent.documentName("receiveGoods").variable("input", everything).execute();
        received.path("receiveGoods.linesReady").entity(Integer.class).isEqualTo(2);
        received.path("receiveGoods.ordersReady").entity(Integer.class).isEqualTo(1);
        received.path("receiveGoods.askedToChoose").entity(Integer.class).isEqualTo(1);
        assertThat(outboxKinds(complete)).contains("READY_TO_SHIP").doesNotContain("CHOICE_NEEDED");
        assertThat(outboxKinds(stillWaiting)).contains("CHOICE_NEEDED").doesNotContain("READY_TO_SHIP");
    }

    @Test
    void theReviewOfAReceiptSaysHowManyUnitsNoWaitingLineTakesWhichGoToStockAsThePurchaseOrderCloses() {
        String supplier = defineSupplier();
        PurchaseOrderInputs purchaseOrder =
                PurchasingSteps.placed(shop, aPurchaseOrder(supplier).withLine("CHAIR-NEW", 5));
        placeOrder(anOrder().withBackorderedLine("CHAIR-NEW", supplier));
        Map<String, Object> everything = everythingStillToCome(purchaseOrder);

        GraphQlTester.Response preview = previewReceipt(everything);

        preview.path("previewReceiveGoods.preview.linesReady")
                .entity(Integer.class)
                .isEqualTo(1);
        preview.path("previewReceiveGoods.preview.unitsLeftOver[0].sku")
                .entity(String.class)
                .isEqualTo("CHAIR-NEW");
        preview.path("previewReceiveGoods.preview.unitsLeftOver[0].quantity")
                .entity(Integer.class)
                .isEqualTo(4);
        preview.path("previewReceiveGoods.preview.closes").entity(Boolean.class).isEqualTo(true);

        agent.documentName("receiveGoods").variable("input", everything).execute();

        // Closed, the purchase order serves no later order: its four chairs are for the shop's stock, as the review
        // says, and a chair bought from now on waits to be ordered.
        OrderInputs later = anOrder().withBackorderedLine("CHAIR-NEW", supplier);
        placeOrder(later);
        assertThat(lineStatus(later)).isEqualTo("AWAITING_SUPPLIER");
        assertThat(purchaseOrderOf(later)).isNull();
    }

    @Test
    void unitsTooFewForTheLineWaitingForThemAreSaidToBeKeptForItNotLeftOver() {
        String supplier = defineSupplier();
        PurchaseOrderInputs purchaseOrder =
                PurchasingSteps.placed(shop, aPurchaseOrder(supplier).withLine("CHAIR-NEW", 4));
        placeOrder(anOrder().withLine("CHAIR-NEW", 4, "BACKORDER", supplier));

        GraphQlTester.Response preview = previewReceipt(Receipts.of(purchaseOrder.number(), "CHAIR-NEW", 3));

        // Three chairs of the four a customer waits for: none is ready, and the three wait for the fourth.
        preview.path("previewReceiveGoods.preview.linesReady")
                .entity(Integer.class)
                .isEqualTo(0);
        preview.path("previewReceiveGoods.preview.unitsLeftOver")
                .entityList(Object.class)
                .hasSize(0);
        preview.path("previewReceiveGoods.preview.unitsHeldForWaiting[0].sku")
                .entity(String.class)
                .isEqualTo("CHAIR-NEW");
        preview.path("previewReceiveGoods.preview.unitsHeldForWaiting[0].quantity")
                .entity(Integer.class)
                .isEqualTo(3);
    }

    @Test
    void aDelayAfterAPartialReceiptMovesOnlyTheLineStillWaitingNotTheOneWhoseGoodsAreIn() {
        HalfReceived half = halfReceived();
        PurchaseOrderInputs purchaseOrder = half.purchaseOrder();
        OrderInputs second = half.second();

        // Late enough to move the line past its date even as the supplier's record now has it: the half received
        // today came three weeks before the purchase order's date, and the learned spread expects it early again.
        GraphQlTester.Response preview = agent.documentName("previewDelay")
                .variable(
                        "input",
                        Map.of(
                                "scope",
                                Map.of("type", "PURCHASE_ORDER", "purchaseOrder", purchaseOrder.number()),
                                "daysLate",
                                60,
                                "reasonText",
                                "The factory is behind."))
                .execute();

        preview.path("previewDelay.errors").entityList(Object.class).hasSize(0);
        preview.path("previewDelay.preview.lines").entity(Integer.class).isEqualTo(1);
        preview.path("previewDelay.preview.orders").entity(Integer.class).isEqualTo(1);
        preview.path("previewDelay.preview.sample[*].orderNumber")
                .entityList(String.class)
                .containsExactly(second.number());
    }

    @Test
    void anOrderPlacedWhileItsUnitsAreOnTheShelfIsReadyAtOnceNotWhenTheRestOfThePurchaseOrderComes() {
        String supplier = defineSupplier();
        PurchaseOrderInputs purchaseOrder = placedDue(supplier, "CHAIR-SHELF", 4, 30);
        OrderInputs first = anOrder().withBackorderedLine("CHAIR-SHELF", supplier);
        placeOrder(first);
        receive(purchaseOrder.number(), "CHAIR-SHELF", 2, TestWarehouse.today())
                .path("receiveGoods.errors")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(lineStatus(first)).isEqualTo("READY");

        // One chair is left on the shelf: the next order's chair takes it at once.
        OrderInputs second = anOrder().withBackorderedLine("CHAIR-SHELF", supplier);
        GraphQlTester.Response placed = placeOrder(second);

        placed.path("placeOrders.orders[0].lines[1].purchaseOrder")
                .entity(String.class)
                .isEqualTo(purchaseOrder.number());
        // The answer is the order as it is now: ready, expected within days, not when the rest comes in 30.
        placed.path("placeOrders.orders[0].lines[1].status")
                .entity(String.class)
                .isEqualTo("READY");
        assertThat(LocalDate.parse(placed.path("placeOrders.orders[0].lines[1].eta.latest")
                        .entity(String.class)
                        .get()))
                .isBefore(LocalDate.now().plusDays(20));
        assertThat(lineStatus(second)).isEqualTo("READY");
        assertThat(outboxKinds(second)).contains("READY_TO_SHIP");

        // The shelf is empty now: a third order waits for the rest.
        OrderInputs third = anOrder().withBackorderedLine("CHAIR-SHELF", supplier);
        placeOrder(third);
        assertThat(lineStatus(third)).isEqualTo("AWAITING_SUPPLIER");
        assertThat(outboxKinds(third)).doesNotContain("READY_TO_SHIP", "CHOICE_NEEDED");
    }

    private GraphQlTester.Response purchaseOrder(PurchaseOrderInputs purchaseOrder) {
        return shop.documentName("purchaseOrder")
                .variable("number", purchaseOrder.number())
                .execute();
    }

    /** A receipt of everything still to come on the purchase order: no quantities. */
    private static Map<String, Object> everythingStillToCome(PurchaseOrderInputs purchaseOrder) {
        Map<String, Object> everything = new LinkedHashMap<>();
        everything.put("purchaseOrder", purchaseOrder.number());
        return everything;
    }

    private GraphQlTester.Response previewReceipt(Map<String, Object> input) {
        return agent.documentName("previewReceiveGoods")
                .variable("input", input)
                .execute();
    }

    private PurchaseOrderInputs placedDue(String supplier, String sku, int quantity, int inDays) {
        return PurchasingSteps.placed(
                shop,
                aPurchaseOrder(supplier)
                        .withLine(sku, quantity)
                        .confirmedArrival(LocalDate.now().plusDays(inDays)));
    }

    private String purchaseOrderOf(OrderInputs order) {
        return orders.byNumber(order.number()).orElseThrow().line("L2").purchaseOrder();
    }

    @Test
    void unitsNoLineOfThePurchaseOrderNeedsGoToTheOldestLinesWaitingForAnotherAsItsReviewSays() {
        String supplier = defineSupplier();
        // Three chairs bought, one for a customer; then a purchase order due sooner, which the next two take.
        PurchaseOrderInputs bought = placedDue(supplier, "CHAIR-SPARE", 3, 20);
        OrderInputs own = anOrder().withBackorderedLine("CHAIR-SPARE", supplier);
        placeOrder(own);
        PurchaseOrderInputs sooner = placedDue(supplier, "CHAIR-SPARE", 2, 10);
        OrderInputs older = anOrder().withBackorderedLine("CHAIR-SPARE", supplier);
        OrderInputs younger = anOrder().withBackorderedLine("CHAIR-SPARE", supplier);
        placeOrder(older);
        placeOrder(younger);
        assertThat(purchaseOrderOf(older)).isEqualTo(sooner.number());
        Map<String, Object> everything = everythingStillToCome(bought);

        GraphQlTester.Response preview = previewReceipt(everything);

        preview.path("previewReceiveGoods.preview.linesReady")
                .entity(Integer.class)
                .isEqualTo(3);
        preview.path("previewReceiveGoods.preview.ordersReady")
                .entityList(String.class)
                .containsExactly(own.number(), older.number(), younger.number());
        preview.path("previewReceiveGoods.preview.linesTakingSpareUnits[*].orderNumber")
                .entityList(String.class)
                .containsExactly(older.number(), younger.number());
        preview.path("previewReceiveGoods.preview.linesTakingSpareUnits[0].from")
                .entity(String.class)
                .isEqualTo(sooner.number());
        preview.path("previewReceiveGoods.preview.toldReadyToShip")
                .entityList(String.class)
                .containsExactly(own.number(), older.number(), younger.number());
        preview.path("previewReceiveGoods.preview.unitsLeftOver")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(lineStatus(older)).as("a review changes nothing").isEqualTo("AWAITING_SUPPLIER");

        GraphQlTester.Response received =
                agent.documentName("receiveGoods").variable("input", everything).execute();
        received.path("receiveGoods.linesReady").entity(Integer.class).isEqualTo(3);
        received.path("receiveGoods.linesFromElsewhere").entity(Integer.class).isEqualTo(2);

        assertThat(List.of(lineStatus(own), lineStatus(older), lineStatus(younger)))
                .containsExactly("READY", "READY", "READY");
        assertThat(purchaseOrderOf(older)).isEqualTo(bought.number());
        assertThat(outboxKinds(younger)).contains("READY_TO_SHIP");
        // Its agents read where the chair came from.
        assertThat(orders.byNumber(older.number()).orElseThrow().timeline())
                .extracting(app.leadline.order.TimelineEvent::systemNote)
                .contains(app.leadline.order.SystemNote.tookSpareUnits(
                        bought.number(), java.util.Map.of("L2", sooner.number())));
        // The purchase order due sooner holds nothing now: its two chairs are free for the next customers.
        purchaseOrder(sooner)
                .path("purchaseOrder.lines[0].allocated")
                .entity(Integer.class)
                .isEqualTo(0);
        purchaseOrder(bought)
                .path("purchaseOrder.lines[0].allocated")
                .entity(Integer.class)
                .isEqualTo(3);
        purchaseOrder(bought).path("purchaseOrder.status").entity(String.class).isEqualTo("RECEIVED");
        OrderInputs next = anOrder().withBackorderedLine("CHAIR-SPARE", supplier);
        placeOrder(next);
        assertThat(purchaseOrderOf(next)).isEqualTo(sooner.number());
    }

    @Test
    void anOrderWithALineOfItsOwnAndALineTakingASpareUnitIsToldOnceThatEverythingIsReadyAsItsReviewSays() {
        String supplier = defineSupplier();
        // The chair comes only on the later purchase order; the table would come sooner on another, until the later
        // one brings a table that no line of its own needs.
        PurchaseOrderInputs bought = PurchasingSteps.placed(
                shop,
                aPurchaseOrder(supplier)
                        .withLine("CHAIR-MIX", 1)
                        .withLine("TABLE-MIX", 1)
                        .confirmedArrival(LocalDate.now().plusDays(20)));
        PurchaseOrderInputs sooner = placedDue(supplier, "TABLE-MIX", 1, 10);
        OrderInputs both =
                anOrder().withBackorderedLine("CHAIR-MIX", supplier).withBackorderedLine("TABLE-MIX", supplier);
        placeOrder(both);
        assertThat(orders.byNumber(both.number()).orElseThrow().line("L3").purchaseOrder())
                .isEqualTo(sooner.number());
        GraphQlTester.Response preview = previewReceipt(everythingStillToCome(bought));
        preview.path("previewReceiveGoods.preview.toldReadyToShip")
                .entityList(String.class)
                .containsExactly(both.number());
        preview.path("previewReceiveGoods.preview.askedToChoose")
                .entityList(String.class)
                .hasSize(0);

        agent.documentName("receiveGoods")
                .variable("input", everythingStillToCome(bought))
                .execute()
                .path("receiveGoods.linesFromElsewhere")
                .entity(Integer.class)
                .isEqualTo(1);

        Order after = orders.byNumber(both.number()).orElseThrow();
        assertThat(List.of(after.line("L2").status(), after.line("L3").status()))
                .containsExactly(LineStatus.READY, LineStatus.READY);
        // One arrival: one entry in the customer's timeline, not one per change of the order, and one message.
        assertThat(after.timeline())
                .filteredOn(event -> event.type() == TimelineEvent.Type.GOODS_RECEIVED)
                .hasSize(1);
        assertThat(outboxKinds(both)).containsOnlyOnce("READY_TO_SHIP").doesNotContain("CHOICE_NEEDED");
    }

    @Test
    void theReviewNamesTheOrdersMadeReadyOldestFirstThoseThatTakeSpareUnitsAmongThem() {
        String supplier = defineSupplier();
        PurchaseOrderInputs sooner = placedDue(supplier, "CHAIR-SPARE", 1, 10);
        OrderInputs older = anOrder().withBackorderedLine("CHAIR-SPARE", supplier);
        placeOrder(older);
        PurchaseOrderInputs bought = placedDue(supplier, "CHAIR-SPARE", 2, 20);
        OrderInputs own = anOrder().withBackorderedLine("CHAIR-SPARE", supplier);
        placeOrder(own);
        assertThat(purchaseOrderOf(older)).isEqualTo(sooner.number());
        Map<String, Object> everything = everythingStillToCome(bought);

        GraphQlTester.Response preview = previewReceipt(everything);

        preview.path("previewReceiveGoods.preview.ordersReady")
                .entityList(String.class)
                .containsExactly(older.number(), own.number());
        preview.path("previewReceiveGoods.preview.toldReadyToShip")
                .entityList(String.class)
                .containsExactly(older.number(), own.number());
    }

    @Test
    void aNewOrderWhoseLineGoesToAnotherPurchaseOrderTakesAUnitSpareOnAShelfAtOnce() {
        String supplier = defineSupplier();
        PurchaseOrderInputs received = placedDue(supplier, "CHAIR-SPARE", 4, 30);
        OrderInputs first = anOrder().withBackorderedLine("CHAIR-SPARE", supplier);
        placeOrder(first);
        receive(received.number(), "CHAIR-SPARE", 2, TestWarehouse.today());
        assertThat(lineStatus(first)).isEqualTo("READY");
        // Due sooner than the rest of the first: a new line would wait for it, were no chair on the shelf.
        PurchaseOrderInputs sooner = placedDue(supplier, "CHAIR-SPARE", 2, 10);

        OrderInputs second = anOrder().withBackorderedLine("CHAIR-SPARE", supplier);
        GraphQlTester.Response placed = placeOrder(second);

        placed.path("placeOrders.orders[0].lines[1].status")
                .entity(String.class)
                .isEqualTo("READY");
        placed.path("placeOrders.orders[0].lines[1].purchaseOrder")
                .entity(String.class)
                .isEqualTo(received.number());
        purchaseOrder(sooner)
                .path("purchaseOrder.lines[0].allocated")
                .entity(Integer.class)
                .isEqualTo(0);
        OrderInputs third = anOrder().withBackorderedLine("CHAIR-SPARE", supplier);
        placeOrder(third);
        assertThat(purchaseOrderOf(third)).as("the shelf is empty now").isEqualTo(sooner.number());
        assertThat(lineStatus(third)).isEqualTo("AWAITING_SUPPLIER");
    }

    @Test
    void receivingMoreThanWasOrderedOrOnAFutureDayIsRefusedAndNothingIsKept() {
        String supplier = defineSupplier();
        PurchaseOrderInputs purchaseOrder =
                PurchasingSteps.placed(shop, aPurchaseOrder(supplier).withLine("CHAIR-NEW", 2));
        OrderInputs waiting = anOrder().withBackorderedLine("CHAIR-NEW", supplier);
        placeOrder(waiting);

        GraphQlTester.Response tooMany = receive(purchaseOrder.number(), "CHAIR-NEW", 3, TestWarehouse.today());
        tooMany.path("receiveGoods.errors[0].code").entity(String.class).isEqualTo("OVER_RECEIPT");
        // At the SKU's own quantity, so that a form says it next to that SKU.
        tooMany.path("receiveGoods.errors[0].field").entity(String.class).isEqualTo("input.quantities[0].quantity");
        receive(purchaseOrder.number(), "CHAIR-NEW", 1, TestWarehouse.today().plusDays(1))
                .path("receiveGoods.errors[0].field")
                .entity(String.class)
                .isEqualTo("input.receivedOn");
        receive(purchaseOrder.number(), "TABLE-NEW", 1, TestWarehouse.today())
                .path("receiveGoods.errors[0].code")
                .entity(String.class)
                .isEqualTo("UNKNOWN_SKU");
        // Two SKUs wrong at once: each is said at its own quantity, the review's and the receipt's alike.
        Map<String, Object> twoWrong = Receipts.of(purchaseOrder.number(), "CHAIR-NEW", 3);
        twoWrong.put(
                "quantities",
                List.of(Map.of("sku", "CHAIR-NEW", "quantity", 3), Map.of("sku", "TABLE-NEW", "quantity", 1)));
        for (String operation : List.of("previewReceiveGoods", "receiveGoods")) {
            GraphQlTester.Response refused =
                    agent.documentName(operation).variable("input", twoWrong).execute();
            refused.path(operation + ".errors[*].code")
                    .entityList(String.class)
                    .containsExactly("OVER_RECEIPT", "UNKNOWN_SKU");
            refused.path(operation + ".errors[*].field")
                    .entityList(String.class)
                    .containsExactly("input.quantities[0].quantity", "input.quantities[1].quantity");
        }

        assertThat(lineStatus(waiting)).isEqualTo("AWAITING_SUPPLIER");
        shop.documentName("purchaseOrder")
                .variable("number", purchaseOrder.number())
                .execute()
                .path("purchaseOrder.receipts")
                .entityList(Object.class)
                .hasSize(0);
    }
}
