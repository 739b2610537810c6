package app.leadline.supplier;

import java.util.List;

/**
 * A purchase order was cancelled: the customer order lines that waited for it go back to waiting, for another open
 * purchase order with room or to be ordered again.
 */
public record PurchaseOrderCancelled(String number, String supplier, List<PurchaseOrder.Allocation> released) {}
