package app.leadline.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One movement of money for some lines of an order. Its amount and currency are kept apart as they are stored (in
 * the order's payment outbox) and sent; {@link #money()} reads them as one.
 *
 * @param id unique per operation; the provider's idempotency key
 */
public record PaymentOperation(
        String id,
        Kind kind,
        String orderNumber,
        List<String> lineIds,
        BigDecimal amount,
        String currency,
        Instant requestedAt) {

    /** An operation moving this amount, in its currency. */
    public PaymentOperation(
            String id, Kind kind, String orderNumber, List<String> lineIds, Money amount, Instant requestedAt) {
        this(id, kind, orderNumber, lineIds, amount.amount(), amount.currency(), requestedAt);
    }

    /** The amount moved, in its currency. */
    public Money money() {
        return Money.of(amount, currency);
    }

    public enum Kind {
        AUTHORIZE,
        CAPTURE,
        VOID,
        REFUND
    }
}
