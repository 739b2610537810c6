package app.leadline.order;

import static app.leadline.order.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.payment.Money;
import app.leadline.payment.PaymentOperation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentLedgerTests {

    private static final Instant NOW = Instant.parse("2026-11-20T10:15:30.123456Z");
    private static final Money SOFA = Money.of("8995.00", "DKK");

    private static PaymentLedger empty() {
        return new PaymentLedger("1042", "DKK", null, null, null);
    }

    private static RefundRequest sofaRefund() {
        return RefundRequest.forDelay(List.of("L2"), SOFA, NOW);
    }

    /** A ledger holding the request, decided by an agent. */
    private static PaymentLedger decided(RefundRequest request, boolean approve, String reason) {
        return empty().requested(request)
                .decide(request.id(), approve, "agent", reason, NOW)
                .ledger();
    }

    @Test
    void aShipmentIsCapturedUnderItsOwnIdInTheOrdersCurrency() {
        PaymentLedger ledger =
                empty().captured("shipment-1", List.of("L1", "L2"), Money.of("429.50", "DKK"), Money.zero("DKK"), NOW);

        assertThat(ledger.pending()).singleElement().satisfies(operation -> {
            assertThat(operation.id()).isEqualTo("shipment-1");
            assertThat(operation.kind()).isEqualTo(PaymentOperation.Kind.CAPTURE);
            assertThat(operation.orderNumber()).isEqualTo("1042");
            assertThat(operation.lineIds()).containsExactly("L1", "L2");
            assertThat(operation.money()).isEqualTo(Money.of("429.50", "DKK"));
            assertThat(operation.requestedAt()).isEqualTo(Instant.parse("2026-11-20T10:15:30.123Z"));
        });
    }

    @Test
    void aCancelledLineNeverChargedIsVoided() {
        PaymentLedger ledger = empty().voided("L3", Money.of("100.50", "DKK"), NOW);

        assertThat(ledger.pending()).singleElement().satisfies(operation -> {
            assertThat(operation.kind()).isEqualTo(PaymentOperation.Kind.VOID);
            assertThat(operation.lineIds()).containsExactly("L3");
            assertThat(operation.amount()).isEqualByComparingTo("100.50");
        });
    }

    @Test
    void anApprovedRefundIsPaidBackUnderTheRequestsIdAndIsPaidOnceSent() {
        RefundRequest request = sofaRefund();
        PaymentLedger asked = empty().requested(request);

        PaymentLedger.Decision decision = asked.decide(request.id(), true, "agent", "Sorry for the wait.", NOW);

        assertThat(asked.refundOpenFor("L2")).isTrue();
        assertThat(decision.request().state()).isEqualTo(RefundRequest.State.APPROVED);
        assertThat(decision.request().decidedBy()).isEqualTo("agent");
        assertThat(decision.ledger().refundOpenFor("L2")).isFalse();
        assertThat(decision.ledger().pending()).singleElement().satisfies(operation -> {
            assertThat(operation.id()).isEqualTo(request.id());
            assertThat(operation.kind()).isEqualTo(PaymentOperation.Kind.REFUND);
            assertThat(operation.money()).isEqualTo(SOFA);
        });

        PaymentLedger sent = decision.ledger().sent(request.id());

        assertThat(sent.pending()).isEmpty();
        assertThat(sent.refundFor("L2"))
                .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(RefundRequest.State.PAID));
    }

    @Test
    void aRejectedRefundMovesNoMoneyAndIsNotAskedAgain() {
        RefundRequest request = sofaRefund();

        PaymentLedger.Decision decision =
                empty().requested(request).decide(request.id(), false, "agent", "Already on its way.", NOW);

        assertThat(decision.ledger().pending()).isEmpty();
        assertThat(decision.ledger().refundDeclinedFor("L2")).isTrue();
        assertThat(decision.ledger().refundFor("L2"))
                .hasValueSatisfying(r -> assertThat(r.decisionReason()).isEqualTo("Already on its way."));
    }

    @Test
    void aRequestIsDecidedOnceAndAnUnknownOneIsRefused() {
        RefundRequest request = sofaRefund();
        PaymentLedger decided = decided(request, true, "");

        assertRefused(
                () -> decided.decide(request.id(), false, "agent", "", NOW), "REFUND_ALREADY_DECIDED", "refundId");
        assertRefused(() -> decided.decide("nope", true, "agent", "", NOW), "UNKNOWN_REFUND", "refundId");
    }

    @Test
    void sendingAnOperationLeavesTheOthersWaiting() {
        PaymentLedger ledger = empty().captured(
                        "shipment-1", List.of("L1"), Money.of("329.00", "DKK"), Money.zero("DKK"), NOW)
                .voided("L3", Money.of("100.50", "DKK"), NOW);

        PaymentLedger after = ledger.sent("shipment-1");

        assertThat(after.pending()).extracting(PaymentOperation::kind).containsExactly(PaymentOperation.Kind.VOID);
        assertThat(ledger.pending()).hasSize(2);
    }

    @Test
    void theLatestRequestNamingALineIsItsRefund() {
        RefundRequest first = sofaRefund();
        PaymentLedger ledger = decided(first, false, "No.");
        RefundRequest second = RefundRequest.forDelay(List.of("L2"), SOFA, NOW.plusSeconds(60));

        assertThat(ledger.requested(second).refundFor("L2"))
                .hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(second.id()));
        assertThat(ledger.refundFor("L1")).isEmpty();
    }
}
