package app.leadline.order;

import java.util.List;

/**
 * Which of an order's lines its customer may cancel now (or, once charged, ask to have refunded), and when the
 * policy approves such a refund without an agent.
 */
record Cancellations(OrderLines lines, PaymentLedger ledger, OrderPolicy policy) {

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
