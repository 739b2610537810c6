package app.leadline.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds {@code OrderInput} variables for the intake mutation: {@code anOrder().withBackorderedLine(...)}. */
public final class OrderInputs {

    private final Map<String, Object> order = new LinkedHashMap<>();
    private final Map<String, Object> customer = new LinkedHashMap<>();
    private final Map<String, Object> destination = new LinkedHashMap<>();
    private final List<Map<String, Object>> lines = new ArrayList<>();

    private OrderInputs() {
        order.put("number", "T-" + UUID.randomUUID().toString().substring(0, 13));
        order.put("currency", "DKK");
        customer.put("name", "Mette Jensen");
        customer.put("email", "mette@example.com");
        customer.put("phone", "+4520123456");
        customer.put("locale", "da");
        destination.put("street", "Nørregade 1");
        destination.put("postalCode", "1165");
        destination.put("city", "København");
        destination.put("country", "DK");
    }

    /** A valid order with one stock line; add or change what the test is about. */
    public static OrderInputs anOrder() {
        return new OrderInputs().withStockLine("VASE-GLASS", 1);
    }

    public static OrderInputs anEmptyOrder() {
        return new OrderInputs();
    }

    public OrderInputs number(String number) {
        order.put("number", number);
        return this;
    }

    public String number() {
        return (String) order.get("number");
    }

    /** An order handed over from before Leadline: the customer gets no confirmation from it. */
    public OrderInputs withoutConfirmation() {
        order.put("sendConfirmation", false);
        return this;
    }

    public OrderInputs placedAt(Instant placedAt) {
        order.put("placedAt", placedAt.toString());
        return this;
    }

    public OrderInputs currency(String currency) {
        order.put("currency", currency);
        return this;
    }

    public OrderInputs customer(String field, Object value) {
        customer.put(field, value);
        return this;
    }

    public OrderInputs destination(String field, Object value) {
        destination.put(field, value);
        return this;
    }

    public OrderInputs withStockLine(String sku, int quantity) {
        return withLine(sku, quantity, "STOCK", null);
    }

    public OrderInputs withBackorderedLine(String sku, String supplier) {
        return withLine(sku, 1, "BACKORDER", supplier);
    }

    public OrderInputs withDropshippedLine(String sku, String supplier) {
        return withLine(sku, 1, "DROPSHIP", supplier);
    }

    public OrderInputs withLine(String sku, int quantity, String source, String supplier) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sku", sku);
        line.put("name", "Item " + sku);
        line.put("quantity", quantity);
        line.put("unitPrice", "129.95");
        line.put("source", source);
        if (supplier != null) {
            line.put("supplier", supplier);
        }
        lines.add(line);
        return this;
    }

    /** Changes a field of the most recently added line. */
    public OrderInputs line(String field, Object value) {
        lines.get(lines.size() - 1).put(field, value);
        return this;
    }

    public Map<String, Object> build() {
        Map<String, Object> built = new LinkedHashMap<>(order);
        built.put("customer", new LinkedHashMap<>(customer));
        built.put("destination", new LinkedHashMap<>(destination));
        built.put("lines", lines.stream().map(LinkedHashMap::new).toList());
        return built;
    }

    /** The mutation's {@code input} for the given orders. */
    public static Map<String, Object> batch(OrderInputs... orders) {
        return Map.of("orders", List.of(orders).stream().map(OrderInputs::build).toList());
    }
}
