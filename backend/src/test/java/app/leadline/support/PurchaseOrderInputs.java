package app.leadline.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds {@code PlacePurchaseOrderInput} variables: {@code aPurchaseOrder(supplier).withLine("CHAIR", 2)}. */
public final class PurchaseOrderInputs {

    private final Map<String, Object> input = new LinkedHashMap<>();
    private final List<Map<String, Object>> lines = new ArrayList<>();

    private PurchaseOrderInputs(String supplier) {
        input.put("number", "PO-" + UUID.randomUUID().toString().substring(0, 8));
        input.put("supplier", supplier);
    }

    /** A purchase order with the supplier, without lines and without a confirmed arrival. */
    public static PurchaseOrderInputs aPurchaseOrder(String supplier) {
        return new PurchaseOrderInputs(supplier);
    }

    public PurchaseOrderInputs withLine(String sku, Integer quantity) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sku", sku);
        line.put("quantity", quantity);
        lines.add(line);
        return this;
    }

    public PurchaseOrderInputs number(String number) {
        input.put("number", number);
        return this;
    }

    public String number() {
        return (String) input.get("number");
    }

    public PurchaseOrderInputs sentOn(LocalDate day) {
        input.put("sentOn", day.toString());
        return this;
    }

    public PurchaseOrderInputs confirmedArrival(LocalDate day) {
        input.put("confirmedArrival", day.toString());
        return this;
    }

    /** Sets any field of the input, e.g. {@code with("supplier", "NOBODY")}. */
    public PurchaseOrderInputs with(String field, Object value) {
        input.put(field, value);
        return this;
    }

    public Map<String, Object> build() {
        Map<String, Object> built = new LinkedHashMap<>(input);
        built.put("lines", lines.stream().map(LinkedHashMap::new).toList());
        return built;
    }
}
