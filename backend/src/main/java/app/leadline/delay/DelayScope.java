package app.leadline.delay;

import java.util.Optional;

/**
 * What a delay covers.
 *
 * @param purchaseOrder for {@code PURCHASE_ORDER}
 * @param supplier for {@code SKU} and {@code SUPPLIER}
 * @param sku for {@code SKU}
 */
public record DelayScope(Type type, String purchaseOrder, String supplier, String sku) {

    public enum Type {
        PURCHASE_ORDER,
        SKU,
        SUPPLIER
    }

    /** One key per scope, so that two delays for the same scope cannot run at once. */
    String key() {
        return switch (type) {
            case PURCHASE_ORDER -> "PO:" + purchaseOrder;
            case SKU -> "SKU:" + supplier + ":" + sku;
            case SUPPLIER -> "SUPPLIER:" + supplier;
        };
    }

    /** The scope as the audit log reads it: "purchase order PO-1", "SOFA at NORDIC-SOFA", "supplier NORDIC-SOFA". */
    String described() {
        return switch (type) {
            case PURCHASE_ORDER -> "purchase order " + purchaseOrder;
            case SKU -> sku + " at " + supplier;
            case SUPPLIER -> "supplier " + supplier;
        };
    }

    Optional<String> skuFilter() {
        return type == Type.SKU ? Optional.of(sku) : Optional.empty();
    }
}
