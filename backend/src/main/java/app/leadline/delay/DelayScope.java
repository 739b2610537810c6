package app.leadline.delay;

import java.util.Map;
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

    /**
     * The scope as the audit log keeps it, in no language: {@code purchaseOrder}, or {@code supplier} with
     * {@code sku} for a SKU's delay. The console words it in the reader's language.
     */
    Map<String, String> audited() {
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        switch (type) {
            case PURCHASE_ORDER -> facts.put("purchaseOrder", purchaseOrder);
            case SKU -> {
                facts.put("supplier", supplier);
                facts.put("sku", sku);
            }
            case SUPPLIER -> facts.put("supplier", supplier);
        }
        return facts;
    }

    Optional<String> skuFilter() {
        return type == Type.SKU ? Optional.of(sku) : Optional.empty();
    }
}
