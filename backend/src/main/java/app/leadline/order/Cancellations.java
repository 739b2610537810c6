package app.leadline.order;

import app.leadline.payment.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which of an order's lines its customer may cancel now (or, once charged, ask to have refunded), when the policy
 * approves such a refund without an agent, and the cancellations and refund decisions themselves: what they do to
 * the lines and the payment ledger, what they record and what the customer is told.
 */
record Cancellations(OrderLines lines, PaymentLedger ledger, OrderPolicy policy) {

    /** What a cancellation or a refund decision did to the lines, and the ledger after it. */
    record Result(Outcome outcome, PaymentLedger ledger) {}

    /**
     * The customer cancels lines, each of which must be cancellable. Lines not yet charged are cancelled and their
     * authorisation voided at once; charged lines become one refund request, approved at once when the policy says
     * the delay is long enough. {@code extraShipping} is what cancelling them also releases of the extra shipping the
     * customer agreed to (no parcel could take it any more): the customer is told of both together.
     */
    Result cancel(List<String> lineIds, Money extraShipping, Instant at) {
        List<String> ids = OrderLines.distinct(lineIds, "lineIds");
        requireEach(ids);
        Outcome outcome = Outcome.from(lines);
        PaymentLedger after = ledger;
        List<String> charged = new ArrayList<>();
        List<String> released = new ArrayList<>();
        for (String lineId : ids) {
            OrderLine line = lines.line(lineId);
            if (line.payment() == PaymentState.CAPTURED) {
                charged.add(lineId);
                continue;
            }
            Money amount = line.amountIn(lines.currency());
            outcome = outcome.changing(lineId, current -> current.withStatus(LineStatus.CANCELLED, PaymentState.VOIDED))
                    .recording(new OrderEvent.LineCancelled(lineId, line.name(), amount.amount()), at);
            after = after.voided(lineId, amount, at);
            released.add(lineId);
        }
        if (!released.isEmpty()) {
            // Its id is the message's in the outbox, which sends an id once: lines are numbered within their order,
            // so the lines' ids alone would be another order's cancellation too, and its customer never told.
            outcome = outcome.telling(new NotificationIntent(
                    "cancelled:" + UUID.randomUUID(),
                    new CustomerNews.Cancelled(
                            List.copyOf(released),
                            lines.amountOf(released).plus(extraShipping).amount()),
                    at));
        }
        return charged.isEmpty() ? new Result(outcome, after) : requestRefund(outcome, after, charged, at);
    }

    /** An agent (or the policy) decides a refund request; approval refunds its lines through the payment port. */
    Result decide(String refundId, boolean approve, String by, String reason, Instant at) {
        return decide(Outcome.from(lines), ledger, refundId, approve, by, reason, at);
    }

    private Result requestRefund(Outcome outcome, PaymentLedger ledger, List<String> lineIds, Instant at) {
        Money amount = outcome.lines().amountOf(lineIds);
        RefundRequest request = RefundRequest.forDelay(lineIds, amount, at);
        Outcome requested =
                outcome.recording(new OrderEvent.RefundRequested(List.copyOf(lineIds), amount.amount()), at);
        PaymentLedger after = ledger.requested(request);
        if (!refundApprovedAtOnce(lineIds)) {
            return new Result(requested, after);
        }
        return decide(requested, after, request.id(), true, "policy", "The delay passed the shop's limit.", at);
    }

    private static Result decide(
            Outcome outcome,
            PaymentLedger ledger,
            String refundId,
            boolean approve,
            String by,
            String reason,
            Instant at) {
        PaymentLedger.Decision decision = ledger.decide(refundId, approve, by, reason, at);
        RefundRequest request = decision.request();
        Outcome decided = outcome;
        if (approve) {
            for (String lineId : request.lineIds()) {
                decided = decided.changing(lineId, line -> line.withStatus(LineStatus.REFUNDED, PaymentState.REFUNDED));
            }
        }
        decided = decided.recording(new OrderEvent.RefundDecided(approve, request.amount(), reason), at)
                .telling(new NotificationIntent(
                        "refund:" + request.id(),
                        approve
                                ? new CustomerNews.RefundApproved(request.lineIds(), request.amount(), reason)
                                : new CustomerNews.RefundRejected(request.lineIds(), request.amount(), reason),
                        at));
        return new Result(decided, decision.ledger());
    }

    /**
     * A late line may be cancelled, and under a policy that allows it any line not yet charged; never one already
     * cancelled or refunded, one with a refund open, or one whose refund the shop declined (the customer reads why
     * instead).
     */
    boolean cancellable(OrderLine line) {
        if (line.status() == LineStatus.CANCELLED
                || line.status() == LineStatus.REFUNDED
                || ledger.refundOpenFor(line.id())
                || ledger.refundDeclinedFor(line.id())) {
            return false;
        }
        boolean charged = line.payment() == PaymentState.CAPTURED;
        return line.isLate() || (!charged && policy.cancelAnyUnshippedLine());
    }

    /** Whether the given lines are all already cancelled or waiting for a refund: a replay of a request. */
    boolean alreadyCancelled(List<String> lineIds) {
        return !lineIds.isEmpty()
                && lineIds.stream()
                        .allMatch(id -> lines.has(id)
                                && (lines.line(id).status() == LineStatus.CANCELLED
                                        || lines.line(id).status() == LineStatus.REFUNDED
                                        || ledger.refundOpenFor(id)));
    }

    /** Refuses, naming the first such line, when any of the lines may not be cancelled. */
    void requireEach(List<String> lineIds) {
        for (String lineId : lineIds) {
            if (!cancellable(lines.line(lineId))) {
                throw new OrderRuleViolation(
                        "LINE_NOT_CANCELLABLE",
                        "lineIds",
                        "Line " + lineId + " cannot be cancelled: it is neither late nor open to cancellation.");
            }
        }
    }

    /** Refuses an unknown line, and a request of which no line may be cancelled. */
    void requireAny(List<String> lineIds) {
        lineIds.forEach(lines::line);
        if (lineIds.stream().noneMatch(id -> cancellable(lines.line(id)))) {
            throw new OrderRuleViolation("LINE_NOT_CANCELLABLE", "lineIds", "These items cannot be cancelled now.");
        }
    }

    /** Whether the policy approves a refund of these lines at once: the latest of them is later than it allows. */
    boolean refundApprovedAtOnce(List<String> lineIds) {
        long daysLate = lineIds.stream()
                .mapToLong(id -> lines.line(id).daysLate())
                .max()
                .orElse(0);
        return policy.autoApprovalThreshold()
                .filter(threshold -> daysLate > threshold)
                .isPresent();
    }
}
