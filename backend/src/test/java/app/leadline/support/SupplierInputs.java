package app.leadline.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds {@code DefineSupplierInput} variables: {@code aSupplier().leadTime(10, 15)}. */
public final class SupplierInputs {

    private final Map<String, Object> input = new LinkedHashMap<>();
    private final Map<String, Object> leadTime = new LinkedHashMap<>();

    private SupplierInputs() {
        input.put("code", "SUP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        input.put("name", "Fjord Furniture");
        input.put("country", "NO");
        input.put("contactEmail", "orders@fjord.example");
        input.put("dropships", false);
        leadTime.put("minDays", 10);
        leadTime.put("maxDays", 15);
    }

    /** A valid backorder supplier with a fresh code; change what the test is about. */
    public static SupplierInputs aSupplier() {
        return new SupplierInputs();
    }

    public SupplierInputs code(String code) {
        input.put("code", code);
        return this;
    }

    public String code() {
        return (String) input.get("code");
    }

    public SupplierInputs leadTime(Integer minDays, Integer maxDays) {
        leadTime.put("minDays", minDays);
        leadTime.put("maxDays", maxDays);
        return this;
    }

    public SupplierInputs dropshipping() {
        input.put("dropships", true);
        return this;
    }

    public SupplierInputs workingDays(String... days) {
        input.put("workingDays", List.of(days));
        return this;
    }

    /** Sets any field of the input, e.g. {@code with("country", "Denmark")}. */
    public SupplierInputs with(String field, Object value) {
        input.put(field, value);
        return this;
    }

    public Map<String, Object> build() {
        Map<String, Object> built = new LinkedHashMap<>(input);
        built.put("leadTime", new LinkedHashMap<>(leadTime));
        return built;
    }
}
