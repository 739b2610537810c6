package app.leadline.order;

import static app.leadline.order.OrderBuilder.PLACED_AT;
import static app.leadline.order.OrderBuilder.anOrder;
import static app.leadline.order.OrderBuilder.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.leadline.delivery.EtaWindow;
import app.leadline.order.CustomerNews.ChoiceNeeded;
import app.leadline.order.CustomerNews.DatesMoved;
import app.leadline.order.CustomerNews.PastPromise;
import app.leadline.order.CustomerNews.ReadyToShip;
import app.leadline.order.CustomerNews.RefundApproved;
import app.leadline.order.OrderEvent.Backordered;
import app.leadline.order.OrderEvent.EtaMoved;
import app.leadline.order.OrderEvent.Placed;
import app.leadline.payment.Money;
import app.leadline.payment.PaymentOperation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order's own rules, without a store: each change checks the state, changes it and records what happened. */
class OrderTests {

    private static final Instant NOW = PLACED_AT.plus(Duration.ofDays(1));
    /** When a line a delay pushed to days 30 to 32 leaves: late for its promise all the same. */
    private static final Instant LATER = PLACED_AT.plus(Duration.ofDays(29));

    private static List<OrderEvent> events(Order order) {
        return order.timeline().stream().map(TimelineEvent::event).toList();
    }

    private static List<CustomerNews> news(Order order) {
        return order.notifications().stream()
                .map(intent -> intent.news().orElseThrow())
                .toList();
    }

    @Test
    void aPlacedOrderRecordsItsBackorderedLinesWithTheirPromise() {
        Order order = anOrder()
                .withStockLine("Glass vase", "329.00")
                .withBackorderedLine("Oslo sofa", "8995.00", window(20, 25))
                .build();

        assertThat(events(order))
                .containsExactly(
                        new Placed(2),
                        new Backordered("L2", "Oslo sofa", window(20, 25).latest()));
        assertThat(order.isLate()).isFalse();
    }

    @Test
    void aDelayPastThePromiseMakesTheOrderLateAndTellsTheCustomerTheyMayCancel() {
        Order order = anOrder()
                .withBackorderedLine("Oslo sofa", "8995.00", window(20, 25))
                .build();

        List<String> moved = order.applyDelay("d1", Map.of("L1", window(30, 32)), "Late ship", "note", NOW);

        assertThat(moved).containsExactly("L1");
        assertThat(order.isLate()).isTrue();
        assertThat(events(order))
                .endsWith(new EtaMoved(
                        "L1",
                        "Oslo sofa",
                        window(20, 25).latest(),
                        window(30, 32).latest(),
                        "Late ship"));
        assertThat(order.timeline().get(order.timeline().size() - 1).note()).contains("note");
        assertThat(news(order)).containsExactly(new PastPromise("d1", List.of("L1"), "Late ship", 7));
    }

    @Test
    void aDelayInsideThePromiseIsNewsOfANewDate() {
        Order order = anOrder()
                .withBackorderedLine("Oslo sofa", "8995.00", window(20, 25))
                .build();

        order.applyDelay("d1", Map.of("L1", window(21, 24)), "Earlier", null, NOW);

        assertThat(news(order)).containsExactly(new DatesMoved("d1", List.of("L1"), "Earlier", 1));
        assertThat(order.isLate()).isFalse();
    }

    @Test
    void theSameDelayAppliedAgainChangesNothing() {
        Order order = anOrder().withBackorderedLine("Oslo sofa", "8995.00").build();
        order.applyDelay("d1", Map.of("L1", window(30, 32)), "Late ship", null, NOW);
        int events = order.timeline().size();

        List<String> again = order.applyDelay("d1", Map.of("L1", window(40, 42)), "Late ship", null, NOW);

        assertThat(again).isEmpty();
        assertThat(order.timeline()).hasSize(events);
        assertThat(order.line("L1").eta()).isEqualTo(window(30, 32));
        assertThat(order.notifications()).hasSize(1);
    }

    @Test
    void goodsForAnOrderThatWaitsForAllAskTheCustomerWhileOtherLinesStillWait() {
        Order order = anOrder()
                .withBackorderedLine("Oslo sofa", "8995.00")
                .withBackorderedLine("Oslo chair", "1995.00", window(30, 35))
                .build();

        order.markReady(List.of("L1"), window(4, 7), NOW);

        assertThat(order.proposedShipment()).isEmpty();
        assertThat(news(order)).containsExactly(new ChoiceNeeded(List.of("L1")));
    }

    @Test
    void goodsThatCompleteTheOrderProposeAShipmentAtOnce() {
        Order order = anOrder()
                .withStockLine("Glass vase", "329.00")
                .withBackorderedLine("Oslo sofa", "8995.00")
                .build();

        order.markReady(List.of("L2"), window(4, 7), NOW);

        assertThat(order.proposedShipment())
                .hasValueSatisfying(parcel -> assertThat(parcel.lineIds()).containsExactly("L1", "L2"));
        assertThat(news(order)).containsExactly(new ReadyToShip(List.of("L1", "L2")));
    }

    /** A stock line ready now and a backordered one, with a fee of 49.00 per extra parcel. */
    private static Order readyAndWaitingWithAFee() {
        return anOrder()
                .withStockLine("Glass vase", "329.00")
                .withBackorderedLine("Oslo sofa", "8995.00")
                .withExtraParcelFee("49.00")
                .build();
    }

    /** The customer chose ready items first with the code they were sent. */
    private static Order splitWithTheCode(Order order) {
        order.issueVerificationCode("code-hash", "EMAIL", NOW, Duration.ofMinutes(10));
        assertThat(order.chooseDelivery(DeliveryPreference.SHIP_AS_AVAILABLE, "customer", "code-hash", NOW))
                .isEmpty();
        return order;
    }

    private static List<String> operations(Order order) {
        return order.pendingPayments().stream()
                .map(operation -> operation.kind() + " " + operation.money() + " " + operation.lineIds())
                .toList();
    }

    @Test
    void readyItemsFirstAtACostNeedsTheCodeAndReservesTheExtraShippingOnTheCard() {
        Order order = readyAndWaitingWithAFee();
        DeliveryOptions options = order.deliveryOptions();

        assertThat(options.open()).isTrue();
        assertThat(options.extraCost()).isEqualTo(Money.of("49.00", "DKK"));
        assertThatThrownBy(() -> order.chooseDelivery(DeliveryPreference.SHIP_AS_AVAILABLE, "customer", null, NOW))
                .isInstanceOfSatisfying(
                        OrderRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("CODE_REQUIRED"));
        order.issueVerificationCode("code-hash", "EMAIL", NOW, Duration.ofMinutes(10));
        assertThat(order.chooseDelivery(DeliveryPreference.SHIP_AS_AVAILABLE, "customer", "wrong", NOW))
                .hasValueSatisfying(refused -> assertThat(refused.code()).isEqualTo("CODE_INVALID"));
        assertThat(order.delivery().preference()).isEqualTo(DeliveryPreference.WAIT_FOR_ALL);
        assertThat(order.pendingPayments()).isEmpty();

        assertThat(order.chooseDelivery(DeliveryPreference.SHIP_AS_AVAILABLE, "customer", "code-hash", NOW))
                .isEmpty();

        assertThat(order.delivery().preference()).isEqualTo(DeliveryPreference.SHIP_AS_AVAILABLE);
        assertThat(order.plannedParcels()).hasSize(2);
        assertThat(operations(order)).containsExactly("AUTHORIZE 49.00 DKK []");
        assertThat(order.extraShipping().orElseThrow().shown("DKK"))
                .isEqualTo(new ExtraShipping.Shown("49.00", "0.00", false));
        // The customer's timeline says what the choice reserved.
        assertThat(lastChoice(order))
                .containsEntry("preference", "SHIP_AS_AVAILABLE")
                .containsEntry("extraShippingReserved", "49.00")
                .doesNotContainKey("extraShippingReleased");
        // Choosing it again changes nothing and reserves nothing more.
        assertThat(order.chooseDelivery(DeliveryPreference.SHIP_AS_AVAILABLE, "customer", null, NOW))
                .isEmpty();
        assertThat(order.pendingPayments()).hasSize(1);
    }

    @Test
    void aChoiceThatCostsNothingNeedsNoCode() {
        Order order = anOrder()
                .withStockLine("Glass vase", "329.00")
                .withBackorderedLine("Oslo sofa", "8995.00")
                .build();

        assertThat(order.chooseDelivery(DeliveryPreference.SHIP_AS_AVAILABLE, "customer", null, NOW))
                .isEmpty();

        assertThat(order.delivery().preference()).isEqualTo(DeliveryPreference.SHIP_AS_AVAILABLE);
        assertThat(order.pendingPayments()).isEmpty();
        assertThat(order.extraShipping()).isEmpty();
    }

    @Test
    void theExtraParcelCapturesItsFeeWithItsLinesAndTheFirstParcelDoesNot() {
        Order order = splitWithTheCode(readyAndWaitingWithAFee());
        Money nothing = Money.zero("DKK");

        assertThat(order.extraShippingOfNextParcel()).isEqualTo(nothing);
        Shipment first = order.ship(List.of("L1"), "PostNord", "PN1", NOW, OrderFixtures.shippedOn(NOW));
        assertThat(order.extraShippingOfNextParcel()).isEqualTo(Money.of("49.00", "DKK"));
        Shipment second = order.ship(
                List.of("L2"),
                "PostNord",
                "PN2",
                NOW.plus(Duration.ofDays(20)),
                OrderFixtures.shippedOn(NOW.plus(Duration.ofDays(20))));

        assertThat(first.amountCaptured()).isEqualByComparingTo("329.00");
        assertThat(first.extraShipping()).isNull();
        assertThat(second.amountCaptured()).isEqualByComparingTo("9044.00");
        assertThat(second.extraShipping()).isEqualByComparingTo("49.00");
        assertThat(operations(order))
                .containsExactly("AUTHORIZE 49.00 DKK []", "CAPTURE 329.00 DKK [L1]", "CAPTURE 9044.00 DKK [L2]");
        assertThat(order.totalCharged()).isEqualTo(Money.of("9373.00", "DKK"));
        // All of it was taken: nothing is left to release.
        assertThat(order.extraShipping().orElseThrow().shown("DKK"))
                .isEqualTo(new ExtraShipping.Shown("49.00", "49.00", true));
    }

    @Test
    void goingBackToOneDeliveryReleasesTheReservationAndNeedsNoCode() {
        Order order = splitWithTheCode(readyAndWaitingWithAFee());

        assertThat(order.chooseDelivery(DeliveryPreference.WAIT_FOR_ALL, "customer", null, NOW))
                .isEmpty();

        assertThat(order.delivery().preference()).isEqualTo(DeliveryPreference.WAIT_FOR_ALL);
        assertThat(operations(order)).containsExactly("AUTHORIZE 49.00 DKK []", "VOID 49.00 DKK []");
        assertThat(order.pendingPayments().get(1).id())
                .isEqualTo(order.pendingPayments().get(0).id() + ":release");
        assertThat(order.extraShippingOfNextParcel()).isEqualTo(Money.zero("DKK"));
        assertThat(order.extraShipping().orElseThrow().shown("DKK"))
                .isEqualTo(new ExtraShipping.Shown("49.00", "0.00", true));
        assertThat(lastChoice(order))
                .containsEntry("preference", "WAIT_FOR_ALL")
                .containsEntry("extraShippingReleased", "49.00")
                .doesNotContainKey("extraShippingReserved");
    }

    /** The details of the order's latest delivery choice, as its timeline keeps them. */
    private static java.util.Map<String, String> lastChoice(Order order) {
        return order.timeline().stream()
                .filter(event -> event.type() == TimelineEvent.Type.CHOICE_MADE)
                .reduce((first, second) -> second)
                .orElseThrow()
                .details();
    }

    @Test
    void whatNoExtraParcelTookIsReleasedOnceNothingIsLeftToSend() {
        Order together = splitWithTheCode(readyAndWaitingWithAFee());
        together.ship(List.of("L1", "L2"), "PostNord", "PN1", NOW, OrderFixtures.shippedOn(NOW));

        Order cancelled = splitWithTheCode(anOrder()
                .withStockLine("Glass vase", "329.00")
                .withBackorderedLine("Oslo sofa", "8995.00")
                .withExtraParcelFee("49.00")
                .cancellingAnyUnshippedLine()
                .build());
        cancelled.ship(List.of("L1"), "PostNord", "PN1", NOW, OrderFixtures.shippedOn(NOW));
        cancelled.cancelLines(List.of("L2"), NOW);

        assertThat(operations(together))
                .containsExactly("AUTHORIZE 49.00 DKK []", "CAPTURE 9324.00 DKK [L1, L2]", "VOID 49.00 DKK []");
        assertThat(together.totalCharged()).isEqualTo(Money.of("9324.00", "DKK"));
        assertThat(operations(cancelled))
                .containsExactly(
                        "AUTHORIZE 49.00 DKK []",
                        "CAPTURE 329.00 DKK [L1]",
                        "VOID 8995.00 DKK [L2]",
                        "VOID 49.00 DKK []");
        assertThat(cancelled.extraShipping().orElseThrow().open()).isFalse();
    }

    @Test
    void cancellingTheItemTheOthersWereToLeaveAheadOfReleasesTheExtraShippingAndSaysSoBefore() {
        Order order = splitWithTheCode(anOrder()
                .withStockLine("Glass vase", "329.00")
                .withBackorderedLine("Oslo sofa", "8995.00")
                .withExtraParcelFee("49.00")
                .cancellingAnyUnshippedLine()
                .build());
        Money fee = Money.of("49.00", "DKK");

        // Either item cancelled, the other leaves alone, as the shop's first parcel: no parcel would take the fee.
        assertThat(order.extraShippingReleasedByCancelling(order.line("L2"))).isEqualTo(fee);
        assertThat(order.extraShippingReleasedByCancelling(order.line("L1"))).isEqualTo(fee);
        order.cancelLines(List.of("L2"), NOW);

        assertThat(operations(order))
                .containsExactly("AUTHORIZE 49.00 DKK []", "VOID 8995.00 DKK [L2]", "VOID 49.00 DKK []");
        assertThat(order.extraShipping().orElseThrow().shown("DKK"))
                .isEqualTo(new ExtraShipping.Shown("49.00", "0.00", true));
        // The customer is told of all that was released on their card: the sofa's and the extra shipping's.
        assertThat(order.notifications())
                .filteredOn(intent -> intent.kind().equals("CANCELLED"))
                .singleElement()
                .satisfies(intent -> assertThat(intent.details()).containsEntry("amount", "9044.00"));
        assertThat(order.ship(List.of("L1"), "PostNord", "PN1", NOW, OrderFixtures.shippedOn(NOW))
                        .amountCaptured())
                .isEqualByComparingTo("329.00");
    }

    @Test
    void cancellingOneOfTwoItemsStillToComeApartKeepsTheExtraShippingTheOtherTakes() {
        EtaWindow later = OrderBuilder.window(40, 45);
        Order order = splitWithTheCode(anOrder()
                .withStockLine("Glass vase", "329.00")
                .withBackorderedLine("Oslo sofa", "8995.00")
                .withBackorderedLine("Baltic desk", "1499.00", later)
                .withExtraParcelFee("49.00")
                .cancellingAnyUnshippedLine()
                .build());
        assertThat(order.plannedParcels()).hasSize(3);

        assertThat(order.extraShippingReleasedByCancelling(order.line("L2"))).isEqualTo(Money.zero("DKK"));
        order.cancelLines(List.of("L2"), NOW);

        assertThat(order.extraShipping().orElseThrow().open()).isTrue();
        assertThat(operations(order)).containsExactly("AUTHORIZE 98.00 DKK []", "VOID 8995.00 DKK [L2]");
    }

    @Test
    void amountsReadInTheOrdersCurrencyAndAFeeFinerThanItIsRoundedHalfUp() {
        Order order = anOrder()
                .withStockLine("Glass vase", "329")
                .withBackorderedLine("Oslo sofa", "8995.5")
                .withExtraParcelFee("24.495")
                .build();

        assertThat(order.orderTotal().toPlainString()).isEqualTo("9324.50");
        assertThat(order.totalCharged().toPlainString()).isEqualTo("0.00");
        assertThat(order.deliveryOptions().extraCost()).isEqualTo(Money.of("24.50", "DKK"));
    }

    @Test
    void aPolicyThatShipsCompleteRefusesTheChoice() {
        Order order = anOrder()
                .withStockLine("Glass vase", "329.00")
                .withBackorderedLine("Oslo sofa", "8995.00")
                .alwaysComplete()
                .build();

        assertThatThrownBy(() -> order.chooseDelivery(DeliveryPreference.SHIP_AS_AVAILABLE, "customer", null, NOW))
                .isInstanceOfSatisfying(
                        OrderRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("POLICY_SHIPS_COMPLETE"));
        assertThat(order.delivery().preference()).isEqualTo(DeliveryPreference.WAIT_FOR_ALL);
    }

    @Test
    void shippingCapturesTheLinesAmountAndTellsTheCustomer() {
        Order order = anOrder()
                .withStockLine("Glass vase", "329.00")
                .withStockLine("Lamp", "100.50")
                .build();

        Shipment shipment = order.ship(List.of("L1", "L2"), "PostNord", "PN1", NOW, OrderFixtures.shippedOn(NOW));

        assertThat(shipment.amountCaptured()).isEqualByComparingTo("429.50");
        assertThat(order.totalCharged()).isEqualTo(Money.of("429.50", "DKK"));
        assertThat(order.pendingPayments()).singleElement().satisfies(operation -> {
            assertThat(operation.kind()).isEqualTo(PaymentOperation.Kind.CAPTURE);
            assertThat(operation.money()).isEqualTo(Money.of("429.50", "DKK"));
        });
        assertThat(news(order)).containsExactly(new OrderEvent.Shipped(List.of("L1", "L2"), "PostNord", "PN1"));
    }

    @Test
    void aLineAlreadyShippedCannotShipAgain() {
        Order order = anOrder().withStockLine("Glass vase", "329.00").build();
        order.ship(List.of("L1"), "PostNord", "PN1", NOW, OrderFixtures.shippedOn(NOW));

        assertThatThrownBy(() -> order.ship(List.of("L1"), "GLS", "GLS1", NOW, OrderFixtures.shippedOn(NOW)))
                .isInstanceOfSatisfying(
                        OrderRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("LINE_NOT_SHIPPABLE"));
        assertThat(order.shipments()).hasSize(1);
    }

    @Test
    void aDeliveryIsToldOnceAndNeverBeforeTheParcelShipped() {
        Order order = anOrder().withStockLine("Glass vase", "329.00").build();
        order.ship(List.of("L1"), "PostNord", "PN1", NOW, OrderFixtures.shippedOn(NOW));

        assertThatThrownBy(() -> order.markDelivered("PN1", NOW.minusSeconds(60), NOW))
                .isInstanceOfSatisfying(
                        OrderRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("INVALID_DELIVERY_TIME"));
        assertThat(order.markDelivered("PN1", NOW.plusSeconds(60), NOW.plusSeconds(120)))
                .isTrue();
        assertThat(order.markDelivered("PN1", NOW.plusSeconds(90), NOW.plusSeconds(120)))
                .isFalse();
        assertThat(order.line("L1").status()).isEqualTo(LineStatus.DELIVERED);
        assertThat(news(order))
                .filteredOn(OrderEvent.Delivered.class::isInstance)
                .hasSize(1);
        assertThat(order.feedbackAsked()).isTrue();
    }

    @Test
    void cancellingALateUnchargedLineVoidsItsAuthorisationAtOnce() {
        Order order = anOrder().withBackorderedLine("Oslo sofa", "8995.00").build();
        order.applyDelay("d1", Map.of("L1", window(30, 32)), "Late ship", null, NOW);

        order.cancelLines(List.of("L1"), NOW);

        assertThat(order.line("L1").status()).isEqualTo(LineStatus.CANCELLED);
        assertThat(order.pendingPayments())
                .singleElement()
                .satisfies(operation -> assertThat(operation.kind()).isEqualTo(PaymentOperation.Kind.VOID));
        assertThat(order.alreadyCancelled(List.of("L1"))).isTrue();
    }

    @Test
    void aLineOnTimeIsNotCancellableUnlessThePolicySaysSo() {
        Order strict = anOrder().withBackorderedLine("Oslo sofa", "8995.00").build();
        Order lenient = anOrder()
                .withBackorderedLine("Oslo sofa", "8995.00")
                .cancellingAnyUnshippedLine()
                .build();

        assertThatThrownBy(() -> strict.cancelLines(List.of("L1"), NOW))
                .isInstanceOfSatisfying(
                        OrderRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("LINE_NOT_CANCELLABLE"));
        lenient.cancelLines(List.of("L1"), NOW);
        assertThat(strict.line("L1").status()).isEqualTo(LineStatus.AWAITING_SUPPLIER);
        assertThat(lenient.line("L1").status()).isEqualTo(LineStatus.CANCELLED);
    }

    @Test
    void aChargedLateLineBecomesARefundThePolicyApprovesPastItsLimit() {
        Order late = anOrder()
                .withBackorderedLine("Oslo sofa", "8995.00")
                .approvingRefundsAfterDaysLate(3)
                .build();
        late.applyDelay("d1", Map.of("L1", window(30, 32)), "Late ship", null, NOW);
        late.ship(List.of("L1"), "PostNord", "PN1", LATER, OrderFixtures.shippedOn(LATER));
        late.cancelLines(List.of("L1"), LATER);

        assertThat(late.refunds())
                .singleElement()
                .satisfies(refund -> assertThat(refund.state()).isEqualTo(RefundRequest.State.APPROVED));
        assertThat(late.line("L1").status()).isEqualTo(LineStatus.REFUNDED);
        assertThat(news(late))
                .last()
                .isEqualTo(new RefundApproved(
                        List.of("L1"), new BigDecimal("8995.00"), "The delay passed the shop's limit."));
    }

    @Test
    void aDelayedLineThatShipsInTimeForItsPromiseIsNotLateAndOffersNoRefund() {
        Order order = anOrder().withBackorderedLine("Oslo sofa", "8995.00").build();
        order.applyDelay("d1", Map.of("L1", window(30, 32)), "Late ship", null, NOW);
        assertThat(order.line("L1").isLate()).isTrue();

        order.ship(List.of("L1"), "PostNord", "PN1", NOW, OrderFixtures.shippedOn(NOW));

        assertThat(order.line("L1").eta()).isEqualTo(OrderFixtures.shippedOn(NOW));
        assertThat(order.line("L1").isLate()).isFalse();
        assertThat(order.cancellable(order.line("L1"))).isFalse();
    }

    @Test
    void aRefundIsDecidedOnce() {
        Order order = anOrder().withBackorderedLine("Oslo sofa", "8995.00").build();
        order.applyDelay("d1", Map.of("L1", window(30, 32)), "Late ship", null, NOW);
        order.ship(List.of("L1"), "PostNord", "PN1", LATER, OrderFixtures.shippedOn(LATER));
        order.cancelLines(List.of("L1"), LATER);
        String refund = order.refunds().get(0).id();

        order.decideRefund(refund, false, "agent", "Delivered already", NOW);

        assertThatThrownBy(() -> order.decideRefund(refund, true, "agent", "", NOW))
                .isInstanceOfSatisfying(
                        OrderRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("REFUND_ALREADY_DECIDED"));
        assertThat(order.line("L1").status()).isEqualTo(LineStatus.SHIPPED);
        assertThat(order.cancellable(order.line("L1"))).isFalse();
    }

    @Test
    void aPurchaseOrderThatMovesAWaitingLinesDateTellsTheCustomer() {
        Order order = anOrder()
                .withBackorderedLine("Oslo sofa", "8995.00", window(20, 25))
                .build();

        boolean allocated = order.allocateToPurchaseOrder("L1", "PO-1", window(18, 22), NOW);

        assertThat(allocated).isTrue();
        assertThat(order.line("L1").purchaseOrderNumber()).contains("PO-1");
        assertThat(news(order)).containsExactly(new DatesMoved("po:PO-1", List.of("L1"), "", 3));
        assertThat(order.allocateToPurchaseOrder("L1", "PO-2", window(18, 22), NOW))
                .isFalse();
    }

    @Test
    void feedbackIsTakenOnlyOnceEverythingIsDeliveredAndScoredOneToFive() {
        Order order = anOrder().withStockLine("Glass vase", "329.00").build();

        assertThatThrownBy(() -> order.answerFeedback(5, null, NOW))
                .isInstanceOfSatisfying(
                        OrderRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("FEEDBACK_CLOSED"));
        order.ship(List.of("L1"), "PostNord", "PN1", NOW, OrderFixtures.shippedOn(NOW));
        order.markDelivered("PN1", NOW.plusSeconds(60), NOW.plusSeconds(60));
        assertThatThrownBy(() -> order.answerFeedback(6, null, NOW))
                .isInstanceOfSatisfying(
                        OrderRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("INVALID_SCORE"));
        order.answerFeedback(4, "  Kept me posted  ", NOW.plusSeconds(120));

        assertThat(order.feedback())
                .hasValueSatisfying(feedback -> assertThat(feedback.comment()).isEqualTo("Kept me posted"));
        assertThat(events(order))
                .last()
                .isEqualTo(new OrderEvent.FeedbackGiven(4, java.util.Optional.of("Kept me posted"), false));
    }

    @Test
    void theOrderWaitingForAllIsExpectedWhenItsLastLineIs() {
        Order order = anOrder()
                .withStockLine("Glass vase", "329.00")
                .withBackorderedLine("Oslo sofa", "8995.00", window(20, 25))
                .build();

        assertThat(order.eta())
                .isEqualTo(
                        new EtaWindow(window(20, 25).earliest(), window(20, 25).latest()));
    }

    @Test
    void aLineTimeOvertookRunsLateOnceAndItsCustomerIsToldOncePerMove() {
        Order order = anOrder()
                .withBackorderedLine("Oslo sofa", "8995.00", window(20, 25))
                .build();

        List<String> moved = order.runLate(Map.of("L1", window(27, 31)), Map.of("L1", 3L), NOW);
        List<String> again = order.runLate(Map.of("L1", window(27, 31)), Map.of("L1", 4L), NOW);

        assertThat(moved).containsExactly("L1");
        assertThat(again).isEmpty();
        assertThat(order.line("L1").eta()).isEqualTo(window(27, 31));
        assertThat(order.line("L1").isRunningLate()).isTrue();
        assertThat(events(order))
                .containsOnlyOnce(new OrderEvent.RunningLate(
                        "L1",
                        "Oslo sofa",
                        window(20, 25).latest(),
                        window(27, 31).latest(),
                        3));
        assertThat(news(order)).containsExactly(new PastPromise(CustomerNews.RUNNING_LATE, List.of("L1"), "", 6));
    }

    @Test
    void aRunningLateLineMovesAgainOnlyWhenItsNewWindowReachesFurther() {
        Order order = anOrder()
                .withBackorderedLine("Oslo sofa", "8995.00", window(20, 25))
                .build();
        order.runLate(Map.of("L1", window(22, 30)), Map.of("L1", 1L), NOW);

        List<String> earlier = order.runLate(Map.of("L1", window(21, 28)), Map.of("L1", 2L), NOW);
        List<String> later = order.runLate(Map.of("L1", window(26, 34)), Map.of("L1", 6L), NOW);

        assertThat(earlier).isEmpty();
        assertThat(later).containsExactly("L1");
        assertThat(order.line("L1").eta()).isEqualTo(window(26, 34));
        assertThat(news(order)).hasSize(2);
    }

    @Test
    void aSmallMoveInsideThePromiseIsNewsOfADateNotAnOfferToCancel() {
        Order order = anOrder()
                .withBackorderedLine("Oslo sofa", "8995.00", window(20, 25))
                .build();
        order.moveEta("L1", window(10, 12), "delay-earlier", "Earlier", null, NOW);

        order.runLate(Map.of("L1", window(13, 14)), Map.of("L1", 1L), NOW);

        assertThat(news(order)).last().isEqualTo(new DatesMoved(CustomerNews.RUNNING_LATE, List.of("L1"), "", 2));
        assertThat(order.line("L1").isLate()).isFalse();
    }

    @Test
    void aSuppliersNewDateEndsRunningLate() {
        Order order = anOrder()
                .withBackorderedLine("Oslo sofa", "8995.00", window(20, 25))
                .build();
        order.runLate(Map.of("L1", window(27, 31)), Map.of("L1", 3L), NOW);

        order.applyDelay("delay-confirmed", Map.of("L1", window(24, 26)), "Confirmed by the supplier", null, NOW);

        assertThat(order.line("L1").isRunningLate()).isFalse();
        assertThat(order.line("L1").eta()).isEqualTo(window(24, 26));
    }

    @Test
    void closedLinesDoNotRunLate() {
        Order order = anOrder().withStockLine("Glass vase", "329.00").build();
        order.ship(List.of("L1"), "PostNord", "00370", NOW, OrderFixtures.shippedOn(NOW));

        assertThat(order.runLate(Map.of("L1", window(5, 8)), Map.of("L1", 2L), NOW))
                .isEmpty();
        assertThat(order.line("L1").eta()).isEqualTo(window(2, 3));
    }
}
