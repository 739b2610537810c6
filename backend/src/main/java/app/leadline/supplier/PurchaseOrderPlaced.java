package app.leadline.supplier;

import java.util.List;

/**
 * A purchase order was placed: lines of its supplier that waited to be ordered for these SKUs can now wait for it.
 */
public record PurchaseOrderPlaced(String number, String supplier, List<String> skus) {

    static PurchaseOrderPlaced of(PurchaseOrder po) {
        return new PurchaseOrderPlaced(po.number(), po.supplier(), po.skus());
    }
}
