package app.leadline.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A note for agents that Leadline wrote itself, kept as facts in no language (the console words it in the agent's):
 * what {@code kind} of thing happened, and its facts by name. An agent's own note stays the text they wrote.
 *
 * @param kind what happened: one of the constants here
 * @param facts its facts by name, as strings (purchase order numbers, days, instants, SKUs)
 */
public record SystemNote(String kind, Map<String, String> facts) implements Note {

    /** A line that waited to be ordered now waits for this purchase order. */
    public static final String WAITS_FOR_PURCHASE_ORDER = "WAITS_FOR_PURCHASE_ORDER";

    /** The purchase order a line waited for was cancelled; it waits for the next one, or to be ordered. */
    public static final String PURCHASE_ORDER_CANCELLED = "PURCHASE_ORDER_CANCELLED";

    /** Lines took units spare on a purchase order other than the one they waited for. */
    public static final String TOOK_SPARE_UNITS = "TOOK_SPARE_UNITS";

    /** A delay logged by mistake was withdrawn. */
    public static final String DELAY_WITHDRAWN = "DELAY_WITHDRAWN";

    /** A receipt booked against the wrong purchase order was taken back. */
    public static final String RECEIPT_TAKEN_BACK = "RECEIPT_TAKEN_BACK";

    /** The prefix of the facts naming, per line, what it waited for before it took spare units ("" to be ordered). */
    public static final String WAITED = "waited:";

    /** The prefix of the facts naming, per SKU, the units a receipt taken back had brought. */
    public static final String UNITS = "units:";

    public SystemNote {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    public static SystemNote waitsFor(String purchaseOrder) {
        return new SystemNote(WAITS_FOR_PURCHASE_ORDER, Map.of("purchaseOrder", purchaseOrder));
    }

    public static SystemNote cancelled(String purchaseOrder) {
        return new SystemNote(PURCHASE_ORDER_CANCELLED, Map.of("purchaseOrder", purchaseOrder));
    }

    /**
     * Lines took units spare on {@code purchaseOrder}.
     *
     * @param waited per line id, the purchase order it waited for, or null when it waited to be ordered
     */
    public static SystemNote tookSpareUnits(String purchaseOrder, Map<String, String> waited) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("purchaseOrder", purchaseOrder);
        waited.forEach((line, from) -> facts.put(WAITED + line, from == null ? "" : from));
        return new SystemNote(TOOK_SPARE_UNITS, facts);
    }

    /** The delay {@code delayId}, logged by {@code by} at {@code loggedAt}, is withdrawn. */
    public static SystemNote withdrawn(String delayId, String by, Instant loggedAt) {
        return new SystemNote(
                DELAY_WITHDRAWN, Map.of("delay", delayId, "loggedBy", by, "loggedAt", loggedAt.toString()));
    }

    /** The receipt of {@code units} per SKU on {@code purchaseOrder}, come on {@code receivedOn}, is taken back. */
    public static SystemNote receiptTakenBack(String purchaseOrder, LocalDate receivedOn, Map<String, Integer> units) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("purchaseOrder", purchaseOrder);
        facts.put("receivedOn", receivedOn.toString());
        units.forEach((sku, quantity) -> facts.put(UNITS + sku, String.valueOf(quantity)));
        return new SystemNote(RECEIPT_TAKEN_BACK, facts);
    }
}
