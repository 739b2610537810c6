package app.leadline.supplier;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static app.leadline.support.PurchaseOrderInputs.aPurchaseOrder;
import static app.leadline.support.SupplierInputs.aSupplier;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.AgentOrders;
import app.leadline.support.AuditReads;
import app.leadline.support.Clients;
import app.leadline.support.DelaySteps;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.PurchaseOrderInputs;
import app.leadline.support.PurchasingSteps;
import app.leadline.support.Receipts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A purchase order called off: its lines go to another purchase order with room or back to waiting, customers are
 * told only when their latest date moves, and its units are freed.
 */
@LeadlineIntegrationTest
class PurchaseOrderCancellationIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PurchaseOrderFollowUps followUps;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    app.leadline.order.OrderQueries orders;

    private HttpGraphQlTester shop;
    private HttpGraphQlTester agent;
    private String supplier;
    private final LocalDate arrival = LocalDate.now().plusDays(4);

    @BeforeEach
    void defineASupplier() {
        shop = clients.withToken(clients.shopToken("orders:write purchasing:write"));
        agent = clients.agent("bo");
        supplier = PurchasingSteps.defined(clients, aSupplier().leadTime(10, 15));
    }

    private PurchaseOrderInputs place(int quantity) {
        return PurchasingSteps.placed(
                shop, aPurchaseOrder(supplier).withLine("CHAIR", quantity).confirmedArrival(arrival));
    }

    private OrderInputs order() {
        OrderInputs order = anOrder().withBackorderedLine("CHAIR", supplier);
        shop.documentName("placeOrders").variable("input", batch(order)).execute();
        return order;
    }

    private GraphQlTester.Response cancel(String operation, String number, String reason) {
        return agent.documentName("cancelPurchaseOrder")
                .operationName(operation)
                .variable("input", Map.of("purchaseOrder", number, "reason", reason))
                .execute();
    }

    private String purchaseOrderOf(OrderInputs order) {
        Map<String, Object> line = agent.documentName("agentOrder")
                .variable("number", order.number())
                .execute()
                .path("agentOrder.lines[1]")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        return (String) line.get("purchaseOrder");
    }

    private long etaMoves(OrderInputs order) {
        return agent
                .documentName("agentOrder")
                .variable("number", order.number())
                .execute()
                .path("agentOrder.timeline[*].type")
                .entityList(String.class)
                .get()
                .stream()
                .filter("ETA_MOVED"::equals)
                .count();
    }

    /** What the order's customer was told of its dates, each message as sent. */
    private List<String> datesTold(OrderInputs order) {
        return agent.documentName("outbox")
                .execute()
                .path("outbox[?(@.orderNumber == '" + order.number()
                        + "' && (@.kind == 'PAST_PROMISE' || @.kind == 'ETA_MOVED'))].text")
                .entityList(String.class)
                .get();
    }

    @Test
    void aLineGoingBackToBeOrderedIsNotPromisedSoonerThanThePurchaseOrderCalledOffHadIt() {
        PurchaseOrderInputs far = PurchasingSteps.placed(
                shop,
                aPurchaseOrder(supplier)
                        .withLine("CHAIR", 1)
                        .confirmedArrival(LocalDate.now().plusDays(60)));
        OrderInputs waiting = order();
        LocalDate latest =
                orders.byNumber(waiting.number()).orElseThrow().line("L2").eta().latest();

        // Ordered today, the supplier's lead time would bring the chair weeks sooner; but nothing is on order for it
        // now, and its customer is not told of an earlier date on that ground.
        GraphQlTester.Response preview = cancel("previewCancelPurchaseOrder", far.number(), "Supplier closed");
        preview.path("previewCancelPurchaseOrder.lines[0].nextPurchaseOrder").valueIsNull();
        preview.path("previewCancelPurchaseOrder.lines[0].latestAfter")
                .entity(LocalDate.class)
                .isEqualTo(latest);
        preview.path("previewCancelPurchaseOrder.lines[0].customerTold")
                .entity(Boolean.class)
                .isEqualTo(false);
        cancel("cancelPurchaseOrder", far.number(), "Supplier closed");

        assertThat(purchaseOrderOf(waiting)).isNull();
        assertThat(orders.byNumber(waiting.number())
                        .orElseThrow()
                        .line("L2")
                        .eta()
                        .latest())
                .isEqualTo(latest);
        assertThat(etaMoves(waiting)).isZero();
    }

    @Test
    void aLineThatWaitsForTheOrdersOneDeliveryAndMovesInsideItIsNotCountedAsToldNorTold() {
        // The chair called off was due in four days; the table it is delivered with comes in two months.
        PurchaseOrderInputs soon = place(1);
        PurchasingSteps.placed(
                shop,
                aPurchaseOrder(supplier)
                        .withLine("TABLE", 1)
                        .confirmedArrival(LocalDate.now().plusDays(60)));
        OrderInputs together = anOrder().withBackorderedLine("CHAIR", supplier).withBackorderedLine("TABLE", supplier);
        shop.documentName("placeOrders").variable("input", batch(together)).execute();
        LocalDate delivery =
                orders.byNumber(together.number()).orElseThrow().eta().latest();

        // Ordered again, the chair still comes weeks before the table: the one delivery does not move.
        GraphQlTester.Response preview = cancel("previewCancelPurchaseOrder", soon.number(), "Ordered twice");
        preview.path("previewCancelPurchaseOrder.lines[0].orderNumber")
                .entity(String.class)
                .isEqualTo(together.number());
        preview.path("previewCancelPurchaseOrder.lines[0].customerTold")
                .entity(Boolean.class)
                .isEqualTo(false);
        preview.path("previewCancelPurchaseOrder.customersTold")
                .entity(Integer.class)
                .isEqualTo(0);
        cancel("cancelPurchaseOrder", soon.number(), "Ordered twice")
                .path("cancelPurchaseOrder.customersTold")
                .entity(Integer.class)
                .isEqualTo(0);

        // The chair waits to be ordered again, and the customer, whose delivery stays, has no news of it.
        assertThat(purchaseOrderOf(together)).isNull();
        var after = orders.byNumber(together.number()).orElseThrow();
        assertThat(after.eta().latest()).isEqualTo(delivery);
        assertThat(after.notifications())
                .extracting(intent -> intent.kind())
                .doesNotContain("ETA_MOVED", "PAST_PROMISE");
    }

    @Test
    void aLineGoingBackToBeOrderedIsNotPromisedSoonerThanTheSameChairStillOnOrderForLater() {
        // The chair called off was due in four days; another is on order for two months from now, taken already.
        PurchaseOrderInputs soon = place(1);
        OrderInputs calledOff = order();
        PurchasingSteps.placed(
                shop,
                aPurchaseOrder(supplier)
                        .withLine("CHAIR", 1)
                        .confirmedArrival(LocalDate.now().plusDays(60)));
        OrderInputs onOrder = order();
        var later = orders.byNumber(onOrder.number()).orElseThrow().line("L2").eta();

        // Ordered today, the lead time would bring it in 10-15 working days; a chair bought after the one on order
        // does not overtake it: the review and the cancellation say so alike.
        GraphQlTester.Response preview = cancel("previewCancelPurchaseOrder", soon.number(), "Supplier closed");
        preview.path("previewCancelPurchaseOrder.lines[0].nextPurchaseOrder").valueIsNull();
        preview.path("previewCancelPurchaseOrder.lines[0].latestAfter")
                .entity(LocalDate.class)
                .satisfies(latest -> assertThat(latest).isAfterOrEqualTo(later.latest()));
        cancel("cancelPurchaseOrder", soon.number(), "Supplier closed");

        var window =
                orders.byNumber(calledOff.number()).orElseThrow().line("L2").eta();
        assertThat(purchaseOrderOf(calledOff)).isNull();
        assertThat(window.earliest()).as("earliest day").isAfterOrEqualTo(later.earliest());
        assertThat(window.latest()).as("latest day").isAfterOrEqualTo(later.latest());
        assertThat(preview.path("previewCancelPurchaseOrder.lines[0].latestAfter")
                        .entity(LocalDate.class)
                        .get())
                .as("the review's latest day")
                .isEqualTo(window.latest());
        // The audit log keeps where the lines went and whom it told, as the review said it.
        assertThat(AuditReads.after(clients, "CANCEL_PURCHASE_ORDER"))
                .containsEntry("linesMoved", "0")
                .containsEntry("linesToBeOrdered", "1")
                .containsEntry(
                        "customersTold",
                        String.valueOf(preview.path("previewCancelPurchaseOrder.customersTold")
                                .entity(Integer.class)
                                .get()));
    }

    @Test
    void doneAgainAfterADeathBeforeItsEndTheCancellationMovesNoLineTwiceAndTakesNoAllocationBack() {
        PurchaseOrderInputs cancelled = place(2);
        OrderInputs oldest = order();
        OrderInputs younger = order();
        // Room left after both lines moved: the purchase order could take them again.
        PurchaseOrderInputs other = place(3);
        cancel("cancelPurchaseOrder", cancelled.number(), "Supplier closed");
        long movesBefore = etaMoves(younger);

        // As a process that died before its end leaves it: the cancellation still marked to be followed up.
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(cancelled.number())),
                Update.update(
                        PurchaseOrderFollowUps.FIELD,
                        PurchaseOrderFollowUps.mark(
                                PurchaseOrderFollowUps.Kind.CANCELLED,
                                Instant.now().minus(Duration.ofHours(1)))),
                PurchaseOrder.class);
        followUps.sweep();

        assertThat(purchaseOrderOf(oldest)).isEqualTo(other.number());
        assertThat(purchaseOrderOf(younger)).isEqualTo(other.number());
        assertThat(etaMoves(younger)).as("the customer told once").isEqualTo(movesBefore);
        assertThat(suppliers.purchaseOrder(other.number()).orElseThrow().allocations())
                .as("the lines moved keep their places on the other purchase order")
                .hasSize(2);
        assertThat(mongo.exists(
                        Query.query(Criteria.where("_id")
                                .is(cancelled.number())
                                .and(PurchaseOrderFollowUps.FIELD)
                                .exists(true)),
                        PurchaseOrder.class))
                .as("followed up")
                .isFalse();
    }

    @Test
    void linesGoToAnotherPurchaseOrderWithRoomOrBackToWaitingAndOnlyCustomersWhoseDateMovesAreTold() {
        PurchaseOrderInputs cancelled = place(2);
        OrderInputs oldest = order();
        OrderInputs younger = order();
        PurchaseOrderInputs other = place(1);
        long movesBefore = etaMoves(younger);

        GraphQlTester.Response preview = cancel("previewCancelPurchaseOrder", cancelled.number(), "Supplier closed");

        List<Map<String, Object>> lines = preview.path("previewCancelPurchaseOrder.lines")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        assertThat(lines)
                .extracting(line ->
                        line.get("orderNumber") + ">" + line.get("nextPurchaseOrder") + ":" + line.get("customerTold"))
                .containsExactly(oldest.number() + ">" + other.number() + ":false", younger.number() + ">null:true");
        preview.path("previewCancelPurchaseOrder.customersTold")
                .entity(Integer.class)
                .isEqualTo(1);
        assertThat(purchaseOrderOf(oldest)).isEqualTo(cancelled.number());

        cancel("cancelPurchaseOrder", cancelled.number(), "Supplier closed")
                .path("cancelPurchaseOrder.lines")
                .entityList(Object.class)
                .hasSize(2);

        assertThat(purchaseOrderOf(oldest)).isEqualTo(other.number());
        assertThat(purchaseOrderOf(younger)).isNull();
        assertThat(etaMoves(younger)).isEqualTo(movesBefore + 1);
        // The customer whose date moved is told why, as a supplier's delay would say it: our order was called off (in
        // Danish, the test customers' language).
        app.leadline.support.Waiting.until(
                () -> !datesTold(younger).isEmpty(),
                java.time.Duration.ofSeconds(20),
                "the younger order's customer is told its new date");
        assertThat(datesTold(younger))
                .allSatisfy(
                        text -> assertThat(text).contains("Årsag: Vores bestilling hos leverandøren blev annulleret."));
        GraphQlTester.Response history = agent.documentName("purchaseOrder")
                .variable("number", cancelled.number())
                .execute();
        history.path("purchaseOrder.status").entity(String.class).isEqualTo("CANCELLED");
        history.path("purchaseOrder.lines[0].allocated").entity(Integer.class).isEqualTo(0);
        history.path("purchaseOrder.cancellation.by").entity(String.class).isEqualTo("bo");
        history.path("purchaseOrder.cancellation.releasedLines")
                .entity(Integer.class)
                .isEqualTo(2);
        agent.documentName("purchaseOrder")
                .variable("number", other.number())
                .execute()
                .path("purchaseOrder.lines[0].allocated")
                .entity(Integer.class)
                .isEqualTo(1);
        agent.documentName("buyList")
                .execute()
                .path("buyList[?(@.supplier == '" + supplier + "')].oldestOrder")
                .entityList(String.class)
                .containsExactly(younger.number());
    }

    @Test
    void linesASkusDelayMovedStayAsLateAsThatDelayHasThemWhereverTheyGo() {
        PurchaseOrderInputs cancelled = place(2);
        OrderInputs oldest = order();
        OrderInputs younger = order();
        PurchaseOrderInputs other = place(1);
        DelaySteps.logged(agent, Map.of("type", "SKU", "supplier", supplier, "sku", "CHAIR"), 30);
        long movesBefore = etaMoves(oldest) + etaMoves(younger);

        GraphQlTester.Response preview = cancel("previewCancelPurchaseOrder", cancelled.number(), "Supplier closed");

        // The other purchase order's date and the supplier's lead time are both sooner than the chairs' delay: the
        // supplier is no quicker for a purchase order called off, so nobody is told of an earlier date.
        List<Map<String, Object>> lines = preview.path("previewCancelPurchaseOrder.lines")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        assertThat(lines)
                .extracting(line -> line.get("orderNumber") + ">" + line.get("nextPurchaseOrder") + ":"
                        + line.get("latestBefore").equals(line.get("latestAfter")) + ":" + line.get("customerTold"))
                .containsExactly(
                        oldest.number() + ">" + other.number() + ":true:false", younger.number() + ">null:true:false");
        preview.path("previewCancelPurchaseOrder.customersTold")
                .entity(Integer.class)
                .isEqualTo(0);

        cancel("cancelPurchaseOrder", cancelled.number(), "Supplier closed")
                .path("cancelPurchaseOrder.errors")
                .entityList(Object.class)
                .hasSize(0);

        assertThat(purchaseOrderOf(oldest)).isEqualTo(other.number());
        assertThat(purchaseOrderOf(younger)).isNull();
        assertThat(etaMoves(oldest) + etaMoves(younger)).isEqualTo(movesBefore);
    }

    @Test
    void aLineThatGoesToAPurchaseOrderWithUnitsOnTheShelfIsReadyAtOnce() {
        PurchaseOrderInputs cancelled = PurchasingSteps.placed(
                shop, aPurchaseOrder(supplier).withLine("CHAIR", 1).confirmedArrival(arrival.plusDays(30)));
        OrderInputs moving = order();
        // Three chairs ordered, one arrived: too few for the younger order of two, so it is kept for that order, and
        // the line waiting for the other purchase order does not take it.
        PurchaseOrderInputs received = place(3);
        OrderInputs pair = anOrder().withLine("CHAIR", 2, "BACKORDER", supplier);
        shop.documentName("placeOrders").variable("input", batch(pair)).execute();
        agent.documentName("receiveGoods")
                .variable("input", Receipts.of(received.number(), "CHAIR", 1))
                .execute()
                .path("receiveGoods.errors")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(status(pair)).isEqualTo("AWAITING_SUPPLIER");
        assertThat(status(moving)).isEqualTo("AWAITING_SUPPLIER");

        // The review says so before: ready at once, its customer told.
        GraphQlTester.Response preview = cancel("previewCancelPurchaseOrder", cancelled.number(), "Supplier closed");
        preview.path("previewCancelPurchaseOrder.lines[0].nextPurchaseOrder")
                .entity(String.class)
                .isEqualTo(received.number());
        preview.path("previewCancelPurchaseOrder.lines[0].readyAtOnce")
                .entity(Boolean.class)
                .isEqualTo(true);
        preview.path("previewCancelPurchaseOrder.lines[0].customerTold")
                .entity(Boolean.class)
                .isEqualTo(true);
        LocalDate promised = LocalDate.parse(preview.path("previewCancelPurchaseOrder.lines[0].latestAfter")
                .entity(String.class)
                .get());

        cancel("cancelPurchaseOrder", cancelled.number(), "Supplier closed");

        // Waiting for that purchase order now, and older than the order of two, the moving line takes the chair.
        assertThat(purchaseOrderOf(moving)).isEqualTo(received.number());
        assertThat(status(moving)).isEqualTo("READY");
        assertThat(status(pair)).isEqualTo("AWAITING_SUPPLIER");
        assertThat(promised).isBefore(arrival.plusDays(30));
    }

    @Test
    void whatIsStillToComeOnAPurchaseOrderReceivedInPartIsCancelledAndWhatCameStays() {
        PurchaseOrderInputs po = place(5);
        OrderInputs first = order();
        OrderInputs pair = anOrder().withLine("CHAIR", 2, "BACKORDER", supplier);
        shop.documentName("placeOrders").variable("input", batch(pair)).execute();
        // Two of five chairs came: one for the older order, the other too few for the order of two, kept for it.
        agent.documentName("receiveGoods")
                .variable("input", Receipts.of(po.number(), "CHAIR", 2))
                .execute()
                .path("receiveGoods.errors")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(status(first)).isEqualTo("READY");
        assertThat(status(pair)).isEqualTo("AWAITING_SUPPLIER");

        // The supplier will not send the other three. The review says what will not come, where the waiting line
        // goes, and that the chair kept for it goes to stock.
        GraphQlTester.Response preview = cancel("previewCancelPurchaseOrder", po.number(), "Supplier ran out");
        preview.path("previewCancelPurchaseOrder.errors")
                .entityList(Object.class)
                .hasSize(0);
        preview.path("previewCancelPurchaseOrder.notComing")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .containsExactly(Map.of("sku", "CHAIR", "quantity", 3));
        preview.path("previewCancelPurchaseOrder.toStock")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .containsExactly(Map.of("sku", "CHAIR", "quantity", 1));
        preview.path("previewCancelPurchaseOrder.lines[*].orderNumber")
                .entityList(String.class)
                .containsExactly(pair.number());
        preview.path("previewCancelPurchaseOrder.lines[0].nextPurchaseOrder").valueIsNull();

        cancel("cancelPurchaseOrder", po.number(), "Supplier ran out")
                .path("cancelPurchaseOrder.errors")
                .entityList(Object.class)
                .hasSize(0);

        // The chair that came stays with its line; the pair waits to be ordered again.
        assertThat(status(first)).isEqualTo("READY");
        assertThat(purchaseOrderOf(first)).isEqualTo(po.number());
        assertThat(status(pair)).isEqualTo("AWAITING_SUPPLIER");
        assertThat(purchaseOrderOf(pair)).isNull();
        // The purchase order is closed with what came kept, and learned from; nothing more is received on it.
        GraphQlTester.Response after = agent.documentName("purchaseOrder")
                .variable("number", po.number())
                .execute();
        after.path("purchaseOrder.status").entity(String.class).isEqualTo("CANCELLED");
        after.path("purchaseOrder.lines[0].received").entity(Integer.class).isEqualTo(2);
        after.path("purchaseOrder.receipts[*].quantity")
                .entityList(Integer.class)
                .containsExactly(2);
        after.path("purchaseOrder.cancellation.reason").entity(String.class).isEqualTo("Supplier ran out");
        // The pair went back to waiting; the chair that came stays allocated to it, ready.
        after.path("purchaseOrder.cancellation.releasedLines")
                .entity(Integer.class)
                .isEqualTo(1);
        after.path("purchaseOrder.allocatedLines").entity(Integer.class).isEqualTo(1);
        after.path("purchaseOrder.lines[0].allocated").entity(Integer.class).isEqualTo(1);
        assertThat(AuditReads.after(clients, "CANCEL_PURCHASE_ORDER")).containsEntry("linesReleased", "1");
        agent.documentName("receiveGoods")
                .variable("input", Receipts.of(po.number(), "CHAIR", 1))
                .execute()
                .path("receiveGoods.errors[0].code")
                .entity(String.class)
                .isEqualTo("PURCHASE_ORDER_CANCELLED");
    }

    private String status(OrderInputs order) {
        return AgentOrders.backorderedLineStatus(agent, order);
    }

    @Test
    void badCancellationsAreRefusedWithTheFieldAndChangeNothing() {
        PurchaseOrderInputs po = place(1);
        OrderInputs waiting = order();
        PurchaseOrderInputs received = place(1);
        // The unit received goes to this order's line, none to the line waiting for the other purchase order.
        order();
        Map<String, Object> receipt = Map.of(
                "purchaseOrder", received.number(), "quantities", List.of(Map.of("sku", "CHAIR", "quantity", 1)));
        agent.documentName("receiveGoods").variable("input", receipt).execute();

        cancel("cancelPurchaseOrder", "PO-NOPE", "x")
                .path("cancelPurchaseOrder.errors[0].code")
                .entity(String.class)
                .isEqualTo("UNKNOWN_PURCHASE_ORDER");
        cancel("cancelPurchaseOrder", po.number(), " ")
                .path("cancelPurchaseOrder.errors[0].field")
                .entity(String.class)
                .isEqualTo("input.reason");
        cancel("cancelPurchaseOrder", received.number(), "x")
                .path("cancelPurchaseOrder.errors[0].code")
                .entity(String.class)
                .isEqualTo("PURCHASE_ORDER_RECEIVED");
        cancel("cancelPurchaseOrder", po.number(), "Supplier closed");
        cancel("cancelPurchaseOrder", po.number(), "Again")
                .path("cancelPurchaseOrder.errors[0].code")
                .entity(String.class)
                .isEqualTo("PURCHASE_ORDER_CANCELLED");
        assertThat(purchaseOrderOf(waiting)).isNull();
        clients.shop()
                .documentName("cancelPurchaseOrder")
                .operationName("cancelPurchaseOrder")
                .variable("input", Map.of("purchaseOrder", received.number(), "reason", "x"))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());
    }
}
