package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One line of an order with its own promise: the date first promised, the current ETA window and the delay
 * that last moved it.
 *
 * @param supplier the supplier's code for backordered and dropshipped lines, else {@code null}
 * @param purchaseOrder the purchase order a backordered line waits for, else {@code null}
 * @param lastDelay the delay report that last moved this line's ETA, else {@code null}
 */
public record OrderLine(
        String id,
        String sku,
        String name,
        int quantity,
        BigDecimal unitPrice,
        LineSource source,
        String supplier,
        String purchaseOrder,
        LocalDate promisedDate,
        EtaWindow eta,
        LineStatus status,
        PaymentState payment,
        String lastDelay) {

    public Optional<String> supplierCode() {
        return Optional.ofNullable(supplier);
    }

    public Optional<String> purchaseOrderNumber() {
        return Optional.ofNullable(purchaseOrder);
    }

    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
