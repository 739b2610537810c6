package app.leadline.delay;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static app.leadline.support.PurchaseOrderInputs.aPurchaseOrder;
import static app.leadline.support.SupplierInputs.aSupplier;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.delivery.EtaWindow;
import app.leadline.order.LineStatus;
import app.leadline.order.Order;
import app.leadline.order.OrderLine;
import app.leadline.order.OrderQueries;
import app.leadline.order.TimelineEvent;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.SupplierCatalog;
import app.leadline.support.AuditReads;
import app.leadline.support.Clients;
import app.leadline.support.DelaySteps;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.PurchaseOrderInputs;
import app.leadline.support.PurchasingSteps;
import app.leadline.support.Receipts;
import app.leadline.support.Waiting;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Taking back a receipt booked against the wrong purchase order, and a delay logged by mistake. */
@LeadlineIntegrationTest
class ReversalIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    SupplierCatalog catalog;

    @Autowired
    OrderQueries orders;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Autowired
    DelayJob job;

    private HttpGraphQlTester agent;
    private PurchaseOrderInputs purchaseOrder;
    private OrderInputs older;
    private OrderInputs newer;
    private final LocalDate firstArrival = LocalDate.now().plusDays(10);
    private String supplierCode;

    @BeforeEach
    void twoOrdersWaitForTwoChairs() {
        var supplier = aSupplier().leadTime(10, 15);
        PurchasingSteps.defined(clients, supplier);
        supplierCode = supplier.code();
        agent = clients.agent("bo");
        purchaseOrder = PurchasingSteps.placed(
                agent, aPurchaseOrder(supplier.code()).withLine("CHAIR", 2).confirmedArrival(firstArrival));
        older = anOrder()
                .placedAt(Instant.now().minusSeconds(7200))
                .customer("email", "older@example.com")
                .withBackorderedLine("CHAIR", supplier.code());
        newer = anOrder()
                .placedAt(Instant.now().minusSeconds(60))
                .customer("email", "newer@example.com")
                .withBackorderedLine("CHAIR", supplier.code());
        clients.shop()
                .documentName("placeOrders")
                .variable("input", batch(older, newer))
                .execute()
                .path("placeOrders.orders[*].lines[1].purchaseOrder")
                .entityList(String.class)
                .containsExactly(purchaseOrder.number(), purchaseOrder.number());
    }

    private Instant receiveBothChairs() {
        agent.documentName("receiveGoods")
                .variable("input", Receipts.of(purchaseOrder.number(), "CHAIR", 2))
                .execute()
                .path("receiveGoods.linesReady")
                .entity(Integer.class)
                .isEqualTo(2);
        return po().receipts().get(0).recordedAt();
    }

    private Map<String, Object> receipt(Instant recordedAt) {
        return Map.of("purchaseOrder", purchaseOrder.number(), "recordedAt", recordedAt.toString());
    }

    private PurchaseOrder po() {
        return catalog.purchaseOrder(purchaseOrder.number()).orElseThrow();
    }

    private Order order(OrderInputs input) {
        return orders.byNumber(input.number()).orElseThrow();
    }

    private OrderLine chair(OrderInputs input) {
        return order(input).line("L2");
    }

    private Map<String, String> auditedBefore(String action) {
        return AuditReads.before(clients, action);
    }

    private Map<String, String> auditedAfter(String action) {
        return AuditReads.after(clients, action);
    }

    private List<String> audited(String action) {
        return AuditReads.targets(clients, action);
    }

    private static long datesNews(Order order) {
        return order.notifications().stream()
                .filter(intent ->
                        intent.kind().equals("ETA_MOVED") || intent.kind().equals("PAST_PROMISE"))
                .count();
    }

    @Test
    void aReversalCutOffRightAfterItsPlanWasStoredTakesTheReceiptBackWhenItResumes() {
        Instant recordedAt = receiveBothChairs();
        var poCollection = mongo.getCollection(mongo.getCollectionName(PurchaseOrder.class));
        var orderCollection = mongo.getCollection(mongo.getCollectionName(Order.class));
        org.bson.Document poBefore = poCollection
                .find(com.mongodb.client.model.Filters.eq("_id", purchaseOrder.number()))
                .first();
        List<org.bson.Document> ordersBefore = List.of(older, newer).stream()
                .map(input -> orderCollection
                        .find(com.mongodb.client.model.Filters.eq(
                                "_id", order(input).id()))
                        .first())
                .toList();
        String reportId = agent.documentName("reverseReceipt")
                .variable("input", receipt(recordedAt))
                .execute()
                .path("reverseReceipt.reversal.report.id")
                .entity(String.class)
                .get();
        Waiting.until(
                () -> mongo.findById(reportId, DelayReport.class).state() == DelayReport.State.DONE,
                Duration.ofSeconds(20),
                "the reversal is done");

        // What a kill -9 right after the plan was stored leaves: the receipt still on the purchase order, every line
        // as it was, the plan stored and none of its chunks done.
        poCollection.replaceOne(com.mongodb.client.model.Filters.eq("_id", purchaseOrder.number()), poBefore);
        ordersBefore.forEach(before ->
                orderCollection.replaceOne(com.mongodb.client.model.Filters.eq("_id", before.get("_id")), before));
        mongo.updateMulti(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("report")
                                .is(reportId)),
                new org.springframework.data.mongodb.core.query.Update()
                        .set("done", false)
                        .unset("leaseUntil")
                        .unset("owner"),
                DelayChunk.class);
        mongo.updateFirst(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                .is(reportId)),
                new org.springframework.data.mongodb.core.query.Update()
                        .set("state", DelayReport.State.RUNNING)
                        .unset("finishedAt"),
                DelayReport.class);
        assertThat(po().receipts()).hasSize(1);
        assertThat(chair(older).status()).isEqualTo(LineStatus.READY);

        job.run(reportId, Integer.MAX_VALUE);

        assertThat(po().receipts()).as("the resumed plan took the receipt back").isEmpty();
        assertThat(po().line("CHAIR").orElseThrow().received()).isZero();
        assertThat(chair(older).status()).isEqualTo(LineStatus.AWAITING_SUPPLIER);
        assertThat(chair(newer).status()).isEqualTo(LineStatus.AWAITING_SUPPLIER);
        assertThat(mongo.findById(reportId, DelayReport.class).state()).isEqualTo(DelayReport.State.DONE);
    }

    @Test
    void aReceiptOnTheWrongPurchaseOrderIsPreviewedThenReversedAndItsLinesWaitAgain() {
        Instant recordedAt = receiveBothChairs();
        assertThat(po().status()).isEqualTo(PurchaseOrder.Status.RECEIVED);
        assertThat(auditedAfter("RECEIVE_GOODS"))
                .as("the receipt's audit entry says whom it told their items are ready")
                .containsEntry("linesReady", "2")
                .containsEntry("customersTold", "2");
        Map<OrderInputs, LocalDate> latestBefore = Map.of(
                older, chair(older).eta().latest(), newer, chair(newer).eta().latest());

        GraphQlTester.Response previewed = agent.documentName("previewReverseReceipt")
                .variable("input", receipt(recordedAt))
                .execute();

        previewed.path("previewReverseReceipt.errors").entityList(Object.class).hasSize(0);
        assertThat(previewed
                        .path("previewReverseReceipt.reversal.linesBack[*].orderNumber")
                        .entityList(String.class)
                        .get())
                .containsExactlyInAnyOrder(older.number(), newer.number());
        previewed
                .path("previewReverseReceipt.reversal.reopens")
                .entity(Boolean.class)
                .isEqualTo(true);
        previewed
                .path("previewReverseReceipt.reversal.quantities[0].quantity")
                .entity(Integer.class)
                .isEqualTo(2);
        int customersTold = previewed
                .path("previewReverseReceipt.reversal.preview.customers")
                .entity(Integer.class)
                .get();
        assertThat(chair(older).status()).as("a preview changes nothing").isEqualTo(LineStatus.READY);
        assertThat(po().receipts()).hasSize(1);

        LocalDate receivedOn = po().receipts().get(0).receivedOn();
        GraphQlTester.Response reversed = agent.documentName("reverseReceipt")
                .variable("input", receipt(recordedAt))
                .execute();

        reversed.path("reverseReceipt.errors").entityList(Object.class).hasSize(0);
        reversed.path("reverseReceipt.reversal.report.kind")
                .entity(String.class)
                .isEqualTo("RECEIPT_REVERSAL");
        // What it takes back, as facts the console words in the agent's language.
        reversed.path("reverseReceipt.reversal.report.systemNote.kind")
                .entity(String.class)
                .isEqualTo("RECEIPT_TAKEN_BACK");
        reversed.path("reverseReceipt.reversal.report.systemNote.facts")
                .entityList(Object.class)
                .isEqualTo(List.of(
                        Map.of("key", "purchaseOrder", "value", purchaseOrder.number()),
                        Map.of("key", "receivedOn", "value", receivedOn.toString()),
                        Map.of("key", "units:CHAIR", "value", "2")));
        Waiting.until(
                () -> chair(older).status() == LineStatus.AWAITING_SUPPLIER
                        && chair(newer).status() == LineStatus.AWAITING_SUPPLIER,
                Duration.ofSeconds(20),
                "both chairs wait again");
        assertThat(po().status()).isEqualTo(PurchaseOrder.Status.OPEN);
        assertThat(po().line("CHAIR").orElseThrow().received()).isZero();
        assertThat(po().receipts()).isEmpty();
        for (OrderInputs input : List.of(older, newer)) {
            Order order = order(input);
            assertThat(order.proposedShipment())
                    .as("no parcel is proposed for goods not in")
                    .isEmpty();
            assertThat(order.timeline())
                    .anySatisfy(event -> assertThat(event.type()).isEqualTo(TimelineEvent.Type.RECEIPT_REVERSED));
        }
        // Customers are told exactly when their latest day moved, as the preview counted.
        long moved = List.of(older, newer).stream()
                .filter(input -> !chair(input).eta().latest().equals(latestBefore.get(input)))
                .count();
        assertThat(moved).isEqualTo(customersTold);
        assertThat(List.of(older, newer).stream()
                        .filter(input -> datesNews(order(input)) > 0)
                        .count())
                .isEqualTo(customersTold);
        assertThat(audited("REVERSE_RECEIPT")).contains(purchaseOrder.number());
        agent.documentName("reverseReceipt")
                .variable("input", receipt(recordedAt))
                .execute()
                .path("reverseReceipt.errors[0].code")
                .entity(String.class)
                .isEqualTo("UNKNOWN_RECEIPT");
    }

    @Test
    void theLineTheReceiptTakenBackMadeReadyGoesBackDueAsBeforeAnyReceiptNotAsEarlyAsTheOtherCame() {
        LocalDate promised = chair(older).eta().latest();
        // Each chair came ten days before the supplier's date, in a receipt of its own: the first for the older order,
        // the second for the newer.
        Instant first = receiveOneChair();
        assertThat(chair(older).status()).isEqualTo(LineStatus.READY);
        receiveOneChair();
        assertThat(chair(newer).status()).isEqualTo(LineStatus.READY);
        long newerNews = order(newer).notifications().size();

        reverse(first, older);

        // The chair the first receipt brought was booked on the wrong purchase order: the older order's chair, which it
        // made ready, waits again, for the part of the purchase order that has not come, of which the part that came
        // early says nothing (its date is as it was before any chair came, not ten days sooner). The newer order's
        // chair came with the receipt that stays: it stays ready, and its customer is told nothing.
        assertThat(chair(newer).status()).isEqualTo(LineStatus.READY);
        assertThat(order(newer).notifications()).hasSize((int) newerNews);
        assertThat(chair(older).eta().latest()).isEqualTo(promised);
    }

    @Test
    void aCustomerAskedWhetherToHaveAChairSentAheadIsToldTheReadyNewsWasAMistakeThoughTheOneDeliveryStays() {
        // A chair on a purchase order of its own, and a table the supplier has not been asked for yet: the order waits
        // for one delivery, and its customer, asked as the chair comes whether to have it sent ahead, hears so.
        PurchaseOrderInputs own = PurchasingSteps.placed(
                agent, aPurchaseOrder(supplierCode).withLine("CHAIR", 1).confirmedArrival(firstArrival));
        OrderInputs pair = anOrder()
                .customer("email", "pair@example.com")
                .withBackorderedLine("CHAIR", supplierCode)
                .withBackorderedLine("TABLE", supplierCode);
        clients.shop()
                .documentName("placeOrders")
                .variable("input", batch(pair))
                .execute();
        assertThat(chair(pair).purchaseOrder()).isEqualTo(own.number());
        agent.documentName("receiveGoods")
                .variable("input", Receipts.of(own.number(), "CHAIR", 1))
                .execute()
                .path("receiveGoods.errors")
                .entityList(Object.class)
                .hasSize(0);
        Waiting.until(() -> told(pair, "CHOICE_NEEDED").size() == 2, Duration.ofSeconds(20), "the customer is asked");
        LocalDate delivery = order(pair).line("L3").eta().latest();
        Instant recordedAt = catalog.purchaseOrder(own.number())
                .orElseThrow()
                .receipts()
                .get(0)
                .recordedAt();

        // The chair was booked against the wrong purchase order.
        agent.documentName("reverseReceipt")
                .variable("input", Map.of("purchaseOrder", own.number(), "recordedAt", recordedAt.toString()))
                .execute()
                .path("reverseReceipt.errors")
                .entityList(Object.class)
                .hasSize(0);

        // The one delivery's day does not move (the table sets it), but the customer was told the chair had come.
        Waiting.until(() -> !told(pair, "ETA_MOVED").isEmpty(), Duration.ofSeconds(20), "the customer is told");
        assertThat(order(pair).line("L3").eta().latest()).isEqualTo(delivery);
        // (In Danish, the customer's language: "Correction: our message that the chair had come ... was a mistake.")
        assertThat(told(pair, "ETA_MOVED"))
                .hasSize(2)
                .allSatisfy(text -> assertThat(text).startsWith("Rettelse: "))
                .anySatisfy(text -> assertThat(text).contains("var kommet og klar til afsendelse, var en fejl."));
    }

    /** The texts of the messages of that kind the order's customer got. */
    private List<String> told(OrderInputs order, String kind) {
        return agent.documentName("outbox")
                .variable("orderNumber", order.number())
                .execute()
                .path("outbox[?(@.kind == '" + kind + "')].text")
                .entityList(String.class)
                .get();
    }

    private Instant receiveOneChair() {
        agent.documentName("receiveGoods")
                .variable("input", Receipts.of(purchaseOrder.number(), "CHAIR", 1))
                .execute()
                .path("receiveGoods.linesReady")
                .entity(Integer.class)
                .isEqualTo(1);
        return po().receipts().get(po().receipts().size() - 1).recordedAt();
    }

    @Test
    void aReceiptTakenBackLeavesTheLinesAsLateAsTheSuppliersDelayStillInForceHasThem() {
        logDelay(Map.of("type", "SKU", "supplier", supplierCode, "sku", "CHAIR"), 9);
        LocalDate delayed = chair(older).eta().latest();
        Instant recordedAt = receiveBothChairs();
        assertThat(chair(older).eta().latest()).isBefore(delayed);

        reverse(recordedAt);

        // The chair's goods are due as the delay still says, not as the purchase order's date alone would have them.
        assertThat(chair(older).eta().latest()).isEqualTo(delayed);
    }

    @Test
    void afterAReceiptTakenBackAShorterDelayOfThePurchaseOrderLeavesTheLinesAsLateAsTheSkusDelay() {
        logDelay(Map.of("type", "SKU", "supplier", supplierCode, "sku", "CHAIR"), 9);
        LocalDate delayed = chair(older).eta().latest();
        reverse(receiveBothChairs());
        assertThat(chair(older).eta().latest()).isEqualTo(delayed);

        logDelay(Map.of("type", "PURCHASE_ORDER", "purchaseOrder", purchaseOrder.number()), 2);

        // The purchase order two days late does not bring the chair forward: its SKU is nine days late.
        assertThat(chair(older).eta().latest()).isEqualTo(delayed);
    }

    @Test
    void afterAReceiptTakenBackTheSkusDelayWithdrawnBringsTheLinesBackToThePurchaseOrdersDate() {
        LocalDate onTime = chair(older).eta().latest();
        String delay = logDelay(Map.of("type", "SKU", "supplier", supplierCode, "sku", "CHAIR"), 9);
        reverse(receiveBothChairs());
        assertThat(chair(older).eta().latest()).isAfter(onTime);

        agent.documentName("withdrawDelay")
                .variable("input", Map.of("delay", delay))
                .execute()
                .path("withdrawDelay.errors")
                .entityList(Object.class)
                .hasSize(0);

        Waiting.until(
                () -> chair(older).eta().latest().equals(onTime),
                Duration.ofSeconds(20),
                "the chair is back on the purchase order's date");
    }

    @Test
    void aSkusDelayWithdrawnGivesItsLinesBackTheWindowsTheyHadEvenWhenTheSuppliersRecordChangedMeanwhile() {
        EtaWindow before = chair(older).eta();
        String delay = logDelay(Map.of("type", "SKU", "supplier", supplierCode, "sku", "CHAIR"), 9);
        assertThat(chair(older).eta().latest()).isAfter(before.latest());
        // Meanwhile the supplier's stool comes six weeks late: what Leadline learns of the supplier changes.
        PurchaseOrderInputs stools = PurchasingSteps.placed(
                agent,
                aPurchaseOrder(supplierCode)
                        .withLine("STOOL", 1)
                        .sentOn(LocalDate.now().minusDays(60))
                        .confirmedArrival(LocalDate.now().minusDays(42)));
        agent.documentName("receiveGoods")
                .variable("input", Receipts.of(stools.number(), "STOOL", 1))
                .execute()
                .path("receiveGoods.errors")
                .entityList(Object.class)
                .hasSize(0);

        DelaySteps.withdrawn(agent, delay);

        assertThat(chair(older).eta()).as("the window before the delay").isEqualTo(before);
        assertThat(chair(older).isLate()).isFalse();
    }

    /** Takes the receipt back and waits until the older order's chair waits again. */
    private void reverse(Instant recordedAt) {
        reverse(recordedAt, older);
    }

    /** Takes the receipt back and waits until the chair of {@code waitingAgain} waits for its goods again. */
    private void reverse(Instant recordedAt, OrderInputs waitingAgain) {
        agent.documentName("reverseReceipt")
                .variable("input", receipt(recordedAt))
                .execute()
                .path("reverseReceipt.errors")
                .entityList(Object.class)
                .hasSize(0);
        Waiting.until(
                () -> chair(waitingAgain).status() == LineStatus.AWAITING_SUPPLIER,
                Duration.ofSeconds(20),
                "the chair waits again");
    }

    @Test
    void aReceiptWhoseGoodsHaveShippedCannotBeReversedAndNothingChanges() {
        Instant recordedAt = receiveBothChairs();
        agent.documentName("recordShipment")
                .variable("orderNumber", newer.number())
                .variable("lineIds", List.of("L1", "L2"))
                .execute()
                .path("recordShipment.errors")
                .entityList(Object.class)
                .hasSize(0);

        GraphQlTester.Response refused = agent.documentName("reverseReceipt")
                .variable("input", receipt(recordedAt))
                .execute();

        refused.path("reverseReceipt.errors[0].code").entity(String.class).isEqualTo("LINE_SHIPPED");
        refused.path("reverseReceipt.errors[0].field").entity(String.class).isEqualTo("input.recordedAt");
        assertThat(refused.path("reverseReceipt.errors[0].message")
                        .entity(String.class)
                        .get())
                .contains(newer.number())
                .contains("already shipped");
        refused.path("reverseReceipt.reversal").valueIsNull();
        assertThat(po().receipts()).hasSize(1);
        assertThat(po().line("CHAIR").orElseThrow().received()).isEqualTo(2);
        assertThat(chair(older).status()).isEqualTo(LineStatus.READY);
    }

    private String logTwoWeeksLate() {
        return logDelay(Map.of("type", "PURCHASE_ORDER", "purchaseOrder", purchaseOrder.number()), 14);
    }

    private String logDelay(Map<String, Object> scope, int daysLate) {
        return DelaySteps.logged(agent, scope, daysLate);
    }

    @Test
    void aDelayLoggedByMistakeIsWithdrawnAndItsLinesAndPurchaseOrderGoBack() {
        LocalDate olderBefore = chair(older).eta().latest();
        LocalDate newerBefore = chair(newer).eta().latest();
        String delay = logTwoWeeksLate();
        assertThat(chair(older).eta().latest()).isAfter(olderBefore);
        long newsAfterDelay = datesNews(order(older));

        GraphQlTester.Response previewed = agent.documentName("previewWithdrawDelay")
                .variable("input", Map.of("delay", delay))
                .execute();

        previewed.path("previewWithdrawDelay.errors").entityList(Object.class).hasSize(0);
        previewed
                .path("previewWithdrawDelay.withdrawal.preview.lines")
                .entity(Integer.class)
                .isEqualTo(2);
        previewed
                .path("previewWithdrawDelay.withdrawal.preview.customers")
                .entity(Integer.class)
                .isEqualTo(2);
        previewed
                .path("previewWithdrawDelay.withdrawal.arrivals[0].purchaseOrder")
                .entity(String.class)
                .isEqualTo(purchaseOrder.number());
        previewed
                .path("previewWithdrawDelay.withdrawal.arrivals[0].to")
                .entity(LocalDate.class)
                .isEqualTo(firstArrival);
        assertThat(previewed
                        .path("previewWithdrawDelay.withdrawal.preview.sample[*].to")
                        .entityList(LocalDate.class)
                        .get())
                .containsExactlyInAnyOrder(olderBefore, newerBefore);
        assertThat(po().expectedArrival()).as("a preview changes nothing").isEqualTo(firstArrival.plusDays(14));

        GraphQlTester.Response withdrawn = agent.documentName("withdrawDelay")
                .variable("input", Map.of("delay", delay))
                .execute();

        withdrawn.path("withdrawDelay.errors").entityList(Object.class).hasSize(0);
        withdrawn
                .path("withdrawDelay.withdrawal.report.kind")
                .entity(String.class)
                .isEqualTo("WITHDRAWAL");
        DelayReport logged = mongo.findById(delay, DelayReport.class);
        withdrawn
                .path("withdrawDelay.withdrawal.report.systemNote.facts")
                .entityList(Object.class)
                .isEqualTo(List.of(
                        Map.of("key", "delay", "value", delay),
                        Map.of("key", "loggedAt", "value", logged.createdAt().toString()),
                        Map.of("key", "loggedBy", "value", logged.createdBy())));
        Waiting.until(
                () -> chair(older).eta().latest().equals(olderBefore)
                        && chair(newer).eta().latest().equals(newerBefore),
                Duration.ofSeconds(20),
                "both chairs are back on their dates");
        assertThat(po().expectedArrival()).isEqualTo(firstArrival);
        // The lines it moved back carry the same note for the orders' agents.
        agent.documentName("agentOrder")
                .variable("number", older.number())
                .execute()
                .path("agentOrder.timeline[?(@.type == 'ETA_MOVED')].systemNote.kind")
                .entityList(String.class)
                .containsExactly("DELAY_WITHDRAWN");
        assertThat(datesNews(order(older)))
                .as("the customer is told the date moved back")
                .isGreaterThan(newsAfterDelay);
        assertThat(audited("WITHDRAW_DELAY")).contains(delay);
        // The entry names the delay as the delay's own entry did, not by its id alone, in facts the console words in
        // the reader's language.
        assertThat(auditedBefore("WITHDRAW_DELAY"))
                .containsEntry("purchaseOrder", purchaseOrder.number())
                .containsEntry("daysLate", "14")
                .containsEntry(purchaseOrder.number(), firstArrival.plusDays(14).toString());
        assertThat(auditedAfter("LOG_DELAY"))
                .containsEntry("purchaseOrder", purchaseOrder.number())
                .containsEntry("daysLate", "14")
                .containsEntry("reason", "The factory is behind.");
        agent.documentName("withdrawDelay")
                .variable("input", Map.of("delay", delay))
                .execute()
                .path("withdrawDelay.errors[0].code")
                .entity(String.class)
                .isEqualTo("ALREADY_WITHDRAWN");
    }

    @Test
    void anUnknownDelayCannotBeWithdrawn() {
        agent.documentName("previewWithdrawDelay")
                .variable("input", Map.of("delay", "no-such-delay"))
                .execute()
                .path("previewWithdrawDelay.errors[0]")
                .entity(Map.class)
                .satisfies(error -> {
                    assertThat(error.get("code")).isEqualTo("UNKNOWN_DELAY");
                    assertThat(error.get("field")).isEqualTo("input.delay");
                });
    }
}
