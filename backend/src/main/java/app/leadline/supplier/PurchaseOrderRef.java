package app.leadline.supplier;

import java.time.LocalDate;

/**
 * What an order line needs to know of the purchase order it waits for.
 *
 * @param receivedInPart goods came for it already while it stays open: a line that takes it may find its units on the
 *     shelf
 */
public record PurchaseOrderRef(String number, LocalDate expectedArrival, boolean receivedInPart) {

    public static PurchaseOrderRef of(PurchaseOrder po) {
        return new PurchaseOrderRef(po.number(), po.expectedArrival(), po.receivedInPart());
    }
}
