package app.leadline.console;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.delivery.EtaWindow;
import app.leadline.order.LineStatus;
import app.leadline.order.OrderChanges;
import app.leadline.order.OrderFixtures;
import app.leadline.order.OrderQueries;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.Supplier;
import app.leadline.supplier.SupplierCatalog;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.Refusals;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** What agents do besides delays: goods received, shipments, refunds, search, links, and the audit of it all. */
@LeadlineIntegrationTest
class AgentDeskIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    OrderQueries orders;

    @Autowired
    OrderChanges changes;

    private HttpGraphQlTester agent;
    private String supplier;
    private String po;

    @BeforeEach
    void ownSupplier() {
        agent = clients.agent("carol");
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        supplier = "S-" + suffix;
        po = "PO-" + suffix;
        suppliers.save(new Supplier(supplier, supplier, null));
        suppliers.save(PurchaseOrder.open(
                po, supplier, List.of("SOFA"), LocalDate.now().plusDays(10)));
    }

    private OrderInputs placed(OrderInputs order) {
        clients.place(order);
        return order;
    }

    private GraphQlTester.Response receive(Object quantities) {
        Map<String, Object> input = new java.util.HashMap<>();
        input.put("purchaseOrder", po);
        if (quantities != null) {
            input.put("quantities", quantities);
        }
        return agent.documentName("receiveGoods").variable("input", input).execute();
    }

    @Test
    void agentsReadWhatEachLineCostsBeforeItsParcelTakesTheAmount() {
        OrderInputs order = placed(anOrder().withStockLine("CUSHION", 3));

        GraphQlTester.Response read = agent.documentName("agentOrder")
                .variable("number", order.number())
                .execute();

        // A vase and three cushions at 129.95 each.
        read.path("agentOrder.lines[*].amount").entityList(String.class).containsExactly("129.95", "389.85");
    }

    @Test
    void agentsReadWhenALineWaitingForTheOrdersOneDeliveryReachesTheCustomerBesideItsOwnWindow() {
        OrderInputs order = placed(anOrder().withBackorderedLine("SOFA", supplier));

        GraphQlTester.Response read = agent.documentName("agentOrder")
                .variable("number", order.number())
                .execute();

        // The vase in stock travels with the sofa, the order's one delivery: it reaches the customer when that does.
        read.path("agentOrder.deliveryPreference").entity(String.class).isEqualTo("WAIT_FOR_ALL");
        String sofaLatest =
                read.path("agentOrder.lines[1].eta.latest").entity(String.class).get();
        String vaseOwnLatest =
                read.path("agentOrder.lines[0].eta.latest").entity(String.class).get();
        assertThat(vaseOwnLatest).isLessThan(sofaLatest);
        read.path("agentOrder.lines[0].arrival.latest").entity(String.class).isEqualTo(sofaLatest);
        read.path("agentOrder.lines[1].arrival.latest").entity(String.class).isEqualTo(sofaLatest);
    }

    @Test
    void goodsReceivedMakeLinesReadyAndProposeAShipmentForCompleteOrders() {
        OrderInputs complete = placed(anOrder().withBackorderedLine("SOFA", supplier));

        var received = receive(null);

        received.path("receiveGoods.linesReady").entity(Integer.class).isEqualTo(1);
        received.path("receiveGoods.ordersReady").entity(Integer.class).isEqualTo(1);
        // The result names the order, for the agent to open.
        received.path("receiveGoods.readyOrders").entityList(String.class).containsExactly(complete.number());
        var order = orders.byNumber(complete.number()).orElseThrow();
        assertThat(order.line("L2").status()).isEqualTo(LineStatus.READY);
        assertThat(order.proposedShipment())
                .hasValueSatisfying(parcel -> assertThat(parcel.lineIds()).containsExactly("L1", "L2"));
        assertThat(order.notifications())
                .anySatisfy(intent -> assertThat(intent.kind()).isEqualTo("READY_TO_SHIP"));
        assertThat(suppliers.purchaseOrder(po).orElseThrow().status()).isEqualTo(PurchaseOrder.Status.RECEIVED);
        receive(null).path("receiveGoods.errors[0].code").entity(String.class).isEqualTo("PURCHASE_ORDER_RECEIVED");
    }

    @Test
    void whenTooLittleArrivesTheOldestOrdersAreServedFirst() {
        OrderInputs oldest =
                placed(anOrder().placedAt(Instant.now().minusSeconds(7200)).withBackorderedLine("SOFA", supplier));
        OrderInputs newest =
                placed(anOrder().placedAt(Instant.now().minusSeconds(60)).withBackorderedLine("SOFA", supplier));

        var received = receive(List.of(Map.of("sku", "SOFA", "quantity", 1)));

        received.path("receiveGoods.linesReady").entity(Integer.class).isEqualTo(1);
        received.path("receiveGoods.waitingLines").entityList(String.class).containsExactly(newest.number() + "/L2");
        assertThat(orders.byNumber(oldest.number()).orElseThrow().line("L2").status())
                .isEqualTo(LineStatus.READY);
        assertThat(orders.byNumber(newest.number()).orElseThrow().line("L2").status())
                .isEqualTo(LineStatus.AWAITING_SUPPLIER);
        assertThat(suppliers.purchaseOrder(po).orElseThrow().status()).isEqualTo(PurchaseOrder.Status.OPEN);
    }

    @Test
    void anOrderWaitingForEverythingGetsNoShipmentWhileALineStillWaits() {
        String other = po + "-2";
        suppliers.save(PurchaseOrder.open(
                other, supplier, List.of("CHAIR"), LocalDate.now().plusDays(30)));
        OrderInputs input =
                placed(anOrder().withBackorderedLine("SOFA", supplier).withBackorderedLine("CHAIR", supplier));

        receive(null);

        assertThat(orders.byNumber(input.number()).orElseThrow().proposedShipment())
                .isEmpty();
    }

    /** The purchase order as the console's picker reads it: lines allocated to it, then lines still waiting. */
    private List<Integer> allocatedAndWaiting() {
        GraphQlTester.Response read = agent.documentName("purchaseOrders").execute();
        String at = "purchaseOrders[?(@.number == '" + po + "')].";
        return List.of(
                read.path(at + "allocatedLines").entityList(Integer.class).get().get(0),
                read.path(at + "waitingLines").entityList(Integer.class).get().get(0));
    }

    @Test
    void agentsSeeOpenPurchaseOrdersWithTheLinesWaitingForThem() {
        placed(anOrder().withBackorderedLine("SOFA", supplier));
        placed(anOrder().withBackorderedLine("SOFA", supplier));
        assertThat(allocatedAndWaiting()).containsExactly(2, 2);

        // One sofa in: its line is ready, and the purchase order has one line left waiting, not two.
        receive(List.of(Map.of("sku", "SOFA", "quantity", 1)))
                .path("receiveGoods.errors")
                .entityList(Object.class)
                .hasSize(0);

        assertThat(allocatedAndWaiting()).containsExactly(2, 1);
    }

    @Test
    void receivingGoodsForAnUnknownPurchaseOrderIsRefused() {
        agent.documentName("receiveGoods")
                .variable("input", Map.of("purchaseOrder", "PO-NOPE"))
                .execute()
                .path("receiveGoods.errors[0].code")
                .entity(String.class)
                .isEqualTo("UNKNOWN_PURCHASE_ORDER");
    }

    @Test
    void recordingAShipmentOfAnUnknownLineIsRefusedAndChangesNothing() {
        OrderInputs input = placed(anOrder());

        agent.documentName("recordShipment")
                .variable("orderNumber", input.number())
                .variable("lineIds", List.of("L9"))
                .execute()
                .path("recordShipment.errors[0].code")
                .entity(String.class)
                .isEqualTo("UNKNOWN_LINE");
        assertThat(orders.byNumber(input.number()).orElseThrow().shipments()).isEmpty();
    }

    @Test
    void aTrackingNumberWithMarkupOrSymbolsIsRefusedBesideItsFieldAndOneTypedWithSpacesAroundItIsKeptWithout() {
        OrderInputs input = placed(anOrder());
        String ship = "mutation($number: String!, $tracking: String!) { recordShipment(input: { orderNumber: $number,"
                + " lineIds: [\"L1\"], carrier: \"GLS\", trackingNumber: $tracking }) {"
                + " order { shipments { trackingNumber } } errors { code field } } }";

        agent.document(ship)
                .variable("number", input.number())
                .variable("tracking", "  <b>ZZ 123 \uD83D\uDE00</b>  ")
                .execute()
                .path("recordShipment.errors[0]")
                .entity(Map.class)
                .isEqualTo(Map.of("code", "INVALID_TRACKING_NUMBER", "field", "input.trackingNumber"));
        assertThat(orders.byNumber(input.number()).orElseThrow().shipments()).isEmpty();

        agent.document(ship)
                .variable("number", input.number())
                .variable("tracking", "  GLS-12 345  ")
                .execute()
                .path("recordShipment.order.shipments[0].trackingNumber")
                .entity(String.class)
                .isEqualTo("GLS-12 345");
        // The audit log says what left and how, not only that the line's state changed.
        assertThat(app.leadline.support.AuditReads.entries(clients, "RECORD_SHIPMENT").stream()
                        .filter(entry -> input.number().equals(entry.get("target")))
                        .findFirst()
                        .map(entry -> ((List<?>) entry.get("after"))
                                .stream()
                                        .map(pair -> (Map<?, ?>) pair)
                                        .collect(java.util.stream.Collectors.toMap(
                                                pair -> (String) pair.get("key"), pair -> (String) pair.get("value"))))
                        .orElseThrow())
                .containsEntry("carrier", "GLS")
                .containsEntry("trackingNumber", "GLS-12 345")
                .containsEntry(
                        "items",
                        orders.byNumber(input.number()).orElseThrow().line("L1").name());
    }

    @Test
    void aDelayOfOneSkuIsOfferedTheSkusOfTheSuppliersOpenPurchaseOrdersAndOfItsDropshippedItemsCustomersWaitFor() {
        String dropshipper = app.leadline.support.PurchasingSteps.defined(
                clients,
                app.leadline.support.SupplierInputs.aSupplier().dropshipping().leadTime(2, 5));
        placed(anOrder().withDropshippedLine("LAMP-RHEIN", dropshipper));
        String backorders = app.leadline.support.PurchasingSteps.defined(
                clients, app.leadline.support.SupplierInputs.aSupplier().leadTime(10, 15));
        app.leadline.support.PurchasingSteps.placed(
                agent,
                app.leadline.support.PurchaseOrderInputs.aPurchaseOrder(backorders)
                        .withLine("TABLE-RIGA", 2)
                        .withLine("CHAIR-AARHUS", 4));

        assertThat(supplierSkus(dropshipper)).containsExactly("LAMP-RHEIN");
        assertThat(supplierSkus(backorders)).containsExactly("CHAIR-AARHUS", "TABLE-RIGA");
    }

    private List<String> supplierSkus(String supplier) {
        return agent.document("query($supplier: String!) { supplierSkus(supplier: $supplier) }")
                .variable("supplier", supplier)
                .execute()
                .path("supplierSkus")
                .entityList(String.class)
                .get();
    }

    @Test
    void anAgentsChangeAnswersWithALaterRevisionThanTheOrderBeforeIt() {
        OrderInputs input = placed(anOrder());
        long before = agent.documentName("agentOrder")
                .variable("number", input.number())
                .execute()
                .path("agentOrder.revision")
                .entity(Long.class)
                .get();

        long shipped = agent.documentName("recordShipment")
                .variable("orderNumber", input.number())
                .variable("lineIds", List.of("L1"))
                .execute()
                .path("recordShipment.order.revision")
                .entity(Long.class)
                .get();

        assertThat(shipped).isGreaterThan(before);
        // The capture the shipment left to send changes the order once more, after the answer.
        agent.documentName("agentOrder")
                .variable("number", input.number())
                .execute()
                .path("agentOrder.revision")
                .entity(Long.class)
                .satisfies(now -> assertThat(now).isGreaterThanOrEqualTo(shipped));
    }

    @Test
    void searchFindsOrdersBySupplierAndPagesThroughThem() {
        for (int i = 0; i < 5; i++) {
            placed(anOrder().withBackorderedLine("SOFA", supplier));
        }

        var first = agent.documentName("searchOrders")
                .variable("term", supplier)
                .variable("first", 3)
                .execute();
        first.path("searchOrders.orders").entityList(Object.class).hasSize(3);
        first.path("searchOrders.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor =
                first.path("searchOrders.endCursor").entity(String.class).get();

        var second = agent.documentName("searchOrders")
                .variable("term", supplier)
                .variable("first", 3)
                .variable("after", cursor)
                .execute();
        second.path("searchOrders.orders").entityList(Object.class).hasSize(2);
        second.path("searchOrders.hasNextPage").entity(Boolean.class).isEqualTo(false);

        agent.documentName("searchOrders")
                .variable("term", supplier)
                .variable("after", "DEMO-1002")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_CURSOR")));
    }

    @Test
    void searchFindsAnOrderByNumberAndCustomerAndFiltersLateOnes() {
        OrderInputs late = placed(anOrder()
                .customer("email", "late." + supplier.toLowerCase() + "@example.com")
                .withBackorderedLine("SOFA", supplier));
        OrderInputs onTime = placed(anOrder().withBackorderedLine("SOFA", supplier));
        var order = delaySofa(late, "D-" + supplier, "Late");

        agent.documentName("searchOrders")
                .variable("term", late.number())
                .execute()
                .path("searchOrders.orders[*].number")
                .entityList(String.class)
                .containsExactly(late.number());
        agent.documentName("searchOrders")
                .variable("term", "late." + supplier.toLowerCase() + "@example.com")
                .execute()
                .path("searchOrders.orders[*].number")
                .entityList(String.class)
                .containsExactly(late.number());
        agent.documentName("searchOrders")
                .variable("term", supplier)
                .variable("filter", "LATE")
                .execute()
                .path("searchOrders.orders[*].number")
                .entityList(String.class)
                .containsExactly(late.number())
                .doesNotContain(onTime.number());
    }

    @Test
    void pageSizesAreBounded() {
        agent.documentName("searchOrders")
                .variable("first", 10_000)
                .execute()
                .path("searchOrders.orders")
                .entityList(Object.class)
                .satisfies(found -> assertThat(found.size()).isLessThanOrEqualTo(50));
    }

    @Test
    void reissuingALinkStopsTheOldOneAndRevokingStopsItTooAsTheAgentsOrderSays() {
        OrderInputs input = anOrder();
        String oldLink = clients.shop()
                .documentName("placeOrders")
                .variable("input", batch(input))
                .execute()
                .path("placeOrders.orders[0].trackingUrl")
                .entity(String.class)
                .get();

        String newLink = agent.documentName("linkActions")
                .operationName("reissue")
                .variable("orderNumber", input.number())
                .execute()
                .path("reissueTrackingLink.trackingUrl")
                .entity(String.class)
                .get();

        assertThat(orders.byTrackingToken(token(oldLink))).isEmpty();
        assertThat(orders.byTrackingToken(token(newLink))).isPresent();
        assertThat(linkOpens(input.number())).isTrue();
        agent.documentName("linkActions")
                .operationName("revoke")
                .variable("orderNumber", input.number())
                .execute()
                .path("revokeTrackingLink.revoked")
                .entity(Boolean.class)
                .isEqualTo(true);
        assertThat(orders.byTrackingToken(token(newLink))).isEmpty();
        assertThat(linkOpens(input.number())).isFalse();
    }

    private boolean linkOpens(String orderNumber) {
        return agent.documentName("agentOrder")
                .variable("number", orderNumber)
                .execute()
                .path("agentOrder.trackingLinkOpens")
                .entity(Boolean.class)
                .get();
    }

    @Test
    void everyAgentActionIsAuditedAndOnlyAdminsReadTheAudit() {
        OrderInputs input = placed(anOrder());
        agent.documentName("recordShipment")
                .variable("orderNumber", input.number())
                .variable("lineIds", List.of("L1"))
                .execute();

        var entries =
                clients.agent("root", "AGENT", "ADMIN").documentName("auditLog").execute();

        entries.path("auditLog[?(@.target == '" + input.number() + "')].action")
                .entityList(String.class)
                .containsExactly("RECORD_SHIPMENT");
        entries.path("auditLog[?(@.target == '" + input.number() + "')].actor")
                .entityList(String.class)
                .containsExactly("carol");
        entries.path("auditLog[?(@.target == '" + input.number() + "')].after[0].value")
                .entityList(String.class)
                .containsExactly("SHIPPED/CAPTURED");
        agent.documentName("auditLog").execute().errors().satisfy(Refusals.only(ErrorType.FORBIDDEN));
    }

    @Test
    void theRefundQueueShowsOpenRequestsOldestFirstWithTheDelayBehindThem() {
        OrderInputs input = placed(anOrder().withBackorderedLine("SOFA", supplier));
        var order = refundAsked(input, "D2-" + supplier);

        var queue = agent.documentName("refundQueue").execute();

        queue.path("refundQueue[?(@.orderNumber == '" + input.number() + "')].delayReasons[0]")
                .entityList(String.class)
                .containsExactly("Factory fire");
        // The agent reads what is refunded as the customer ordered it, not the line's id.
        queue.path("refundQueue[?(@.orderNumber == '" + input.number() + "')].items[0]")
                .entityList(String.class)
                .containsExactly(order.line("L2").name());
        String refundId = queue.path("refundQueue[?(@.orderNumber == '" + input.number() + "')].refund.id")
                .entityList(String.class)
                .get()
                .get(0);
        agent.documentName("decideRefund")
                .variable(
                        "input",
                        Map.of(
                                "orderNumber",
                                input.number(),
                                "refundId",
                                refundId,
                                "approve",
                                false,
                                "reason",
                                "The sofa was delivered"))
                .execute()
                .path("decideRefund.order.refunds[0].state")
                .entity(String.class)
                .isEqualTo("REJECTED");
        agent.documentName("refundQueue")
                .execute()
                .path("refundQueue[*].orderNumber")
                .entityList(String.class)
                .doesNotContain(input.number());
    }

    @Test
    void anApprovalNeedsNoReasonForItsCustomersWhileARejectionDoes() {
        OrderInputs input = placed(anOrder().withBackorderedLine("SOFA", supplier));
        refundAsked(input, "D3-" + supplier);
        String refundId =
                orders.byNumber(input.number()).orElseThrow().refunds().get(0).id();
        Map<String, Object> decision = new java.util.HashMap<>(
                Map.of("orderNumber", input.number(), "refundId", refundId, "approve", false, "reason", " "));

        // Declining says why, in the agent's words; paying back can go without them (the message says the amount).
        agent.documentName("decideRefund")
                .variable("input", decision)
                .execute()
                .path("decideRefund.errors[0].field")
                .entity(String.class)
                .isEqualTo("input.reason");
        // What the customer reads is plain text: a tag in it would reach them as it is.
        decision.put("reason", "Delivered on time per the <b>carrier</b>");
        var tagged =
                agent.documentName("decideRefund").variable("input", decision).execute();
        tagged.path("decideRefund.errors[0].code").entity(String.class).isEqualTo("MARKUP");
        tagged.path("decideRefund.errors[0].field").entity(String.class).isEqualTo("input.reason");
        assertThat(orders.byNumber(input.number())
                        .orElseThrow()
                        .refunds()
                        .get(0)
                        .state())
                .isEqualTo(app.leadline.order.RefundRequest.State.REQUESTED);
        decision.put("reason", " ");
        decision.put("approve", true);
        agent.documentName("decideRefund")
                .variable("input", decision)
                .execute()
                .path("decideRefund.order.refunds[0].state")
                .entity(String.class)
                .isEqualTo("APPROVED");
    }

    @Test
    void aLineShippedAfterItsPromiseIsLateOnTheCustomersPageAndTheRefundQueueSaysByHowMuch() {
        OrderInputs input = anOrder().withBackorderedLine("SOFA", supplier);
        String token = clients.place(input);
        LocalDate promised = refundAsked(input, "D4-" + supplier).line("L2").promisedDate();
        var shipped = orders.byNumber(input.number()).orElseThrow().line("L2");
        assertThat(shipped.eta().latest()).isAfter(promised);

        // The customer reads why a refund is offered for a line already on its way: it is later than promised.
        clients.anonymous()
                .documentName("trackOrder")
                .variable("token", token)
                .execute()
                .path("trackOrder.lines[?(@.id == 'L2')].late")
                .entityList(Boolean.class)
                .containsExactly(true);
        // The agent reads how late, against which promise, beside the request.
        var queued = agent.documentName("refundQueue").execute();
        queued.path("refundQueue[?(@.orderNumber == '" + input.number() + "')].promisedBy")
                .entityList(LocalDate.class)
                .containsExactly(promised);
        queued.path("refundQueue[?(@.orderNumber == '" + input.number() + "')].daysLate")
                .entityList(Long.class)
                .containsExactly(java.time.temporal.ChronoUnit.DAYS.between(
                        promised, shipped.eta().latest()));
    }

    /** The order's sofa delayed past its promise, shipped a day after it, and its refund asked for. */
    private app.leadline.order.Order refundAsked(OrderInputs input, String delayId) {
        var order = delaySofa(input, delayId, "Factory fire");
        new OrderFixtures(changes)
                .ship(order.id(), List.of("L2"), "GLS", "1", OrderFixtures.dayAfterPromise(order, "L2"));
        new OrderFixtures(changes).cancelLines(order.id(), List.of("L2"), Instant.now());
        return order;
    }

    /** A supplier delay pushes the order's sofa (line L2) five days past its promise. */
    private app.leadline.order.Order delaySofa(OrderInputs input, String delayId, String reason) {
        var order = orders.byNumber(input.number()).orElseThrow();
        var line = order.line("L2");
        EtaWindow later = new EtaWindow(
                line.eta().earliest().plusDays(5), line.eta().latest().plusDays(5));
        new OrderFixtures(changes).moveEta(order.id(), "L2", later, delayId, reason, null, Instant.now());
        return order;
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
