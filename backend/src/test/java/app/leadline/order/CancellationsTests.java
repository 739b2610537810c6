package app.leadline.order;

import static app.leadline.order.OrderBuilder.PLACED_AT;
import static app.leadline.order.OrderBuilder.anOrder;
import static app.leadline.order.OrderBuilder.window;
import static app.leadline.order.Outcomes.events;
import static app.leadline.order.Outcomes.news;
import static app.leadline.order.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.CustomerNews.RefundRejected;
import app.leadline.order.OrderEvent.LineCancelled;
import app.leadline.order.OrderEvent.RefundDecided;
import app.leadline.order.OrderEvent.RefundRequested;
import app.leadline.payment.Money;
import app.leadline.payment.PaymentOperation;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CancellationsTests {

    /** L1 a vase on the shelf, on time; L2 a sofa promised in 25 days, now expected ten days later. */
    private static OrderLines vaseAndLateSofa() {
        Order order = anOrder()
                .withStockLine("Glass vase", "329.00")
                .withBackorderedLine("Oslo sofa", "8995.00", window(20, 25))
                .build();
        return new OrderLines(order.lines(), order.currency())
                .changed("L2", line -> line.withEta(window(30, 35), "delay-1"));
    }

    private static PaymentLedger noRefunds() {
        return new PaymentLedger("1042", "DKK", null, null, null);
    }

    private static OrderPolicy policy(boolean cancelAnyUnshippedLine, Integer approveAfterDaysLate) {
        return new OrderPolicy("B2C", true, List.of(), BigDecimal.ZERO, cancelAnyUnshippedLine, approveAfterDaysLate);
    }

    private static Cancellations under(OrderPolicy policy) {
        return new Cancellations(vaseAndLateSofa(), noRefunds(), policy);
    }

    @Test
    void aLateLineMayBeCancelledAndALineOnTimeOnlyWhenThePolicySaysAnyUnchargedLineMay() {
        OrderLines lines = vaseAndLateSofa();

        assertThat(under(policy(false, null)).cancellable(lines.line("L2"))).isTrue();
        assertThat(under(policy(false, null)).cancellable(lines.line("L1"))).isFalse();
        assertThat(under(policy(true, null)).cancellable(lines.line("L1"))).isTrue();
        assertThat(under(policy(true, null))
                        .cancellable(lines.line("L1").withStatus(LineStatus.SHIPPED, PaymentState.CAPTURED)))
                .isFalse();
    }

    @Test
    void aLineCancelledOrWithARefundOpenOrDeclinedIsNotOfferedAgain() {
        OrderLines lines = vaseAndLateSofa();
        RefundRequest request = RefundRequest.forDelay(List.of("L2"), lines.amountOf(List.of("L2")), PLACED_AT);
        PaymentLedger open = noRefunds().requested(request);
        PaymentLedger declined = open.decide(request.id(), false, "agent", "On its way.", PLACED_AT)
                .ledger();
        OrderLine sofa = lines.line("L2");

        assertThat(new Cancellations(lines, open, policy(true, null)).cancellable(sofa))
                .isFalse();
        assertThat(new Cancellations(lines, declined, policy(true, null)).cancellable(sofa))
                .isFalse();
        assertThat(under(policy(true, null)).cancellable(sofa.withStatus(LineStatus.CANCELLED, PaymentState.VOIDED)))
                .isFalse();
        assertThat(new Cancellations(lines, open, policy(true, null)).alreadyCancelled(List.of("L2")))
                .isTrue();
    }

    @Test
    void aRequestIsAReplayOnlyWhenEveryLineNamedIsAlreadyCancelled() {
        OrderLines lines =
                vaseAndLateSofa().changed("L2", line -> line.withStatus(LineStatus.CANCELLED, PaymentState.VOIDED));
        Cancellations cancellations = new Cancellations(lines, noRefunds(), policy(false, null));

        assertThat(cancellations.alreadyCancelled(List.of("L2"))).isTrue();
        assertThat(cancellations.alreadyCancelled(List.of("L2", "L1"))).isFalse();
        assertThat(cancellations.alreadyCancelled(List.of("L9"))).isFalse();
        assertThat(cancellations.alreadyCancelled(List.of())).isFalse();
    }

    @Test
    void aCancellationNamingALineThatMayNotGoIsRefusedWhole() {
        Cancellations cancellations = under(policy(false, null));

        assertRefused(() -> cancellations.requireEach(List.of("L2", "L1")), "LINE_NOT_CANCELLABLE", "lineIds");
        assertRefused(() -> cancellations.requireAny(List.of("L1")), "LINE_NOT_CANCELLABLE", "lineIds");
        assertRefused(() -> cancellations.requireAny(List.of("L2", "L9")), "UNKNOWN_LINE", "lineIds");
        cancellations.requireEach(List.of("L2"));
        cancellations.requireAny(List.of("L1", "L2"));
    }

    @Test
    void thePolicyApprovesARefundAtOnceOnlyPastItsLimitOfDaysLate() {
        assertThat(under(policy(false, 9)).refundApprovedAtOnce(List.of("L2"))).isTrue();
        assertThat(under(policy(false, 10)).refundApprovedAtOnce(List.of("L2"))).isFalse();
        assertThat(under(policy(false, null)).refundApprovedAtOnce(List.of("L2")))
                .isFalse();
        assertThat(under(policy(false, 0)).refundApprovedAtOnce(List.of("L1"))).isFalse();
    }

    @Test
    void cancellingVoidsWhatWasNotChargedAndAsksForOneRefundOfWhatWas() {
        OrderLines lines =
                vaseAndLateSofa().changed("L2", line -> line.withStatus(LineStatus.SHIPPED, PaymentState.CAPTURED));

        Cancellations.Result result = new Cancellations(lines, noRefunds(), policy(true, null))
                .cancel(List.of("L1", "L2", "L1"), Money.zero("DKK"), PLACED_AT);

        assertThat(result.outcome().line("L1").status()).isEqualTo(LineStatus.CANCELLED);
        assertThat(result.outcome().line("L2").status()).isEqualTo(LineStatus.SHIPPED);
        assertThat(result.ledger().pending()).singleElement().satisfies(operation -> {
            assertThat(operation.kind()).isEqualTo(PaymentOperation.Kind.VOID);
            assertThat(operation.lineIds()).containsExactly("L1");
        });
        assertThat(result.ledger().refunds()).singleElement().satisfies(refund -> {
            assertThat(refund.lineIds()).containsExactly("L2");
            assertThat(refund.state()).isEqualTo(RefundRequest.State.REQUESTED);
        });
        assertThat(events(result.outcome()))
                .containsExactly(
                        new LineCancelled("L1", "Glass vase", new BigDecimal("329.00")),
                        new RefundRequested(List.of("L2"), new BigDecimal("8995.00")));
        // The customer is told in writing what was released; of the refund, once it is decided.
        assertThat(result.outcome().news())
                .singleElement()
                .satisfies(intent -> assertThat(intent.news())
                        .contains(new CustomerNews.Cancelled(List.of("L1"), new BigDecimal("329.00"))));
    }

    @Test
    void aRefundDeclinedLeavesItsLinesAsTheyWereSendsNoMoneyAndTellsTheCustomerWhy() {
        OrderLines lines =
                vaseAndLateSofa().changed("L2", line -> line.withStatus(LineStatus.SHIPPED, PaymentState.CAPTURED));
        RefundRequest request = RefundRequest.forDelay(List.of("L2"), lines.amountOf(List.of("L2")), PLACED_AT);
        Cancellations cancellations = new Cancellations(lines, noRefunds().requested(request), policy(false, null));

        Cancellations.Result result = cancellations.decide(request.id(), false, "agent", "On its way.", PLACED_AT);

        assertThat(result.outcome().changed()).isEmpty();
        assertThat(result.outcome().line("L2").status()).isEqualTo(LineStatus.SHIPPED);
        assertThat(result.ledger().pending()).isEmpty();
        assertThat(result.ledger().refundDeclinedFor("L2")).isTrue();
        assertThat(events(result.outcome()))
                .containsExactly(new RefundDecided(false, new BigDecimal("8995.00"), "On its way."));
        assertThat(news(result.outcome()))
                .containsExactly(new RefundRejected(List.of("L2"), new BigDecimal("8995.00"), "On its way."));
        assertRefused(
                () -> new Cancellations(lines, result.ledger(), policy(false, null))
                        .decide(request.id(), true, "agent", "", PLACED_AT),
                "REFUND_ALREADY_DECIDED",
                "refundId");
    }
}
