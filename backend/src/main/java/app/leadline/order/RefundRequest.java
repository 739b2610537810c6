package app.leadline.order;

import app.leadline.payment.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer's request to have charged lines refunded.
 *
 * @param decidedBy the agent, or {@code policy} when approved automatically; {@code null} while open
 * @param decisionReason what the customer is told about the decision
 */
public record RefundRequest(
        String id,
        List<String> lineIds,
        BigDecimal amount,
        String reason,
        State state,
        Instant requestedAt,
        String decidedBy,
        Instant decidedAt,
        String decisionReason) {

    public enum State {
        REQUESTED,
        APPROVED,
        REJECTED,
        PAID
    }

    /** A request for charged lines the customer cancels because they are late. */
    static RefundRequest forDelay(List<String> lineIds, Money amount, Instant at) {
        return new RefundRequest(
                UUID.randomUUID().toString(),
                List.copyOf(lineIds),
                amount.amount(),
                "DELAY",
                State.REQUESTED,
                at,
                null,
                null,
                null);
    }

    boolean isOpen() {
        return state == State.REQUESTED;
    }

    RefundRequest decided(State state, String by, Instant at, String reason) {
        return new RefundRequest(id, lineIds, amount, this.reason, state, requestedAt, by, at, reason);
    }

    RefundRequest paid() {
        return new RefundRequest(
                id, lineIds, amount, reason, State.PAID, requestedAt, decidedBy, decidedAt, decisionReason);
    }
}
