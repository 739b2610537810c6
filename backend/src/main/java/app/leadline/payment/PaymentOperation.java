package app.leadline.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One movement of money for some lines of an order.
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

    public enum Kind {
        AUTHORIZE,
        CAPTURE,
        VOID,
        REFUND
    }
}
