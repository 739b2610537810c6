package app.leadline.order;

import app.leadline.payment.Money;
import app.leadline.payment.PaymentOperation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An order's money beyond its lines' prices: the refunds its customer asked for and how they were decided, and the
 * payment operations (capture, void, refund) still to be sent to the provider. Kept as the order stores them;
 * every change gives a new ledger.
 */
record PaymentLedger(String orderNumber, String currency, List<RefundRequest> refunds, List<PaymentOperation> pending) {

    PaymentLedger {
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    /** A decided refund request and the ledger after it. */
    record Decision(PaymentLedger ledger, RefundRequest request) {}

    /** Lines left in a parcel: their amount is to be captured, once per shipment. */
    PaymentLedger captured(String shipmentId, List<String> lineIds, Money amount, Instant at) {
        return withOperation(shipmentId, PaymentOperation.Kind.CAPTURE, lineIds, amount, at);
    }

    /** A line never charged was cancelled: its authorisation is to be released. */
    PaymentLedger voided(String lineId, Money amount, Instant at) {
        return withOperation(UUID.randomUUID().toString(), PaymentOperation.Kind.VOID, List.of(lineId), amount, at);
    }

    PaymentLedger requested(RefundRequest request) {
        List<RefundRequest> more = new ArrayList<>(refunds);
        more.add(request);
        return new PaymentLedger(orderNumber, currency, more, pending);
    }

    /**
     * Decides an open refund request; an approval is to be paid back through the provider under the request's id.
     * An unknown or already decided request is refused naming the refund.
     */
    Decision decide(String refundId, boolean approve, String by, String reason, Instant at) {
        RefundRequest request = refunds.stream()
                .filter(r -> r.id().equals(refundId))
                .findFirst()
                .orElseThrow(
                        () -> new OrderRuleViolation("UNKNOWN_REFUND", "refundId", "There is no such refund request."));
        if (!request.isOpen()) {
            throw new OrderRuleViolation(
                    "REFUND_ALREADY_DECIDED", "refundId", "This refund request was already decided.");
        }
        RefundRequest decided =
                request.decided(approve ? RefundRequest.State.APPROVED : RefundRequest.State.REJECTED, by, at, reason);
        PaymentLedger after = new PaymentLedger(
                orderNumber,
                currency,
                refunds.stream().map(r -> r == request ? decided : r).toList(),
                pending);
        if (approve) {
            after = after.withOperation(
                    request.id(),
                    PaymentOperation.Kind.REFUND,
                    request.lineIds(),
                    Money.of(request.amount(), currency),
                    at);
        }
        return new Decision(after, decided);
    }

    /** An operation reached the provider: it leaves the outbox, and an approved refund sent is now paid. */
    PaymentLedger sent(String operationId) {
        return new PaymentLedger(
                orderNumber,
                currency,
                refunds.stream()
                        .map(r ->
                                r.id().equals(operationId) && r.state() == RefundRequest.State.APPROVED ? r.paid() : r)
                        .toList(),
                pending.stream().filter(o -> !o.id().equals(operationId)).toList());
    }

    /** The latest refund request naming the line. */
    Optional<RefundRequest> refundFor(String lineId) {
        return refunds.stream().filter(r -> r.lineIds().contains(lineId)).reduce((first, second) -> second);
    }

    boolean refundOpenFor(String lineId) {
        return refunds.stream().anyMatch(r -> r.isOpen() && r.lineIds().contains(lineId));
    }

    /** The shop declined the line's latest refund request. */
    boolean refundDeclinedFor(String lineId) {
        return refundFor(lineId)
                .filter(r -> r.state() == RefundRequest.State.REJECTED)
                .isPresent();
    }

    private PaymentLedger withOperation(
            String id, PaymentOperation.Kind kind, List<String> lineIds, Money amount, Instant at) {
        List<PaymentOperation> more = new ArrayList<>(pending);
        more.add(new PaymentOperation(
                id, kind, orderNumber, List.copyOf(lineIds), amount, at.truncatedTo(ChronoUnit.MILLIS)));
        return new PaymentLedger(orderNumber, currency, refunds, more);
    }
}
