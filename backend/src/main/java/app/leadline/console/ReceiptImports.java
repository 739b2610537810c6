package app.leadline.console;

import app.leadline.order.OrderRuleViolation;
import app.leadline.platform.CsvTable;
import app.leadline.platform.CsvTable.Change;
import app.leadline.platform.CsvTable.Outcome;
import app.leadline.platform.CsvTable.Row;
import app.leadline.platform.CsvTable.RowError;
import app.leadline.platform.UserError;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.SupplierCatalog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Goods received, from the shop's spreadsheet: one row per purchase order and SKU, with the day they arrived. The
 * file is checked whole (the purchase order exists and is open, carries the SKU, and all rows together do not
 * receive more than is still to come); if any row is wrong nothing is received. Rows of one purchase order and
 * day are one receipt, booked as {@code receiveGoods} books it, so waiting lines become ready oldest order first.
 */
@Service
@PreAuthorize("hasRole('AGENT')")
class ReceiptImports {

    /** A receipt the file would book (a preview): the lines it makes ready, and their orders. */
    public static final String RECEIVES = "RECEIVES";

    /** A receipt the file booked: the lines it made ready. */
    public static final String RECEIVED = "RECEIVED";

    /** A receipt the file could not book: another agent received against the purchase order since it was checked. */
    public static final String NOT_RECEIVED = "NOT_RECEIVED";

    /** Columns of a receipts file; receivedOn is optional (today). */
    public static final List<String> COLUMNS = List.of("purchaseOrder", "sku", "quantity");

    private final AgentDesk desk;
    private final SupplierCatalog suppliers;

    ReceiptImports(AgentDesk desk, SupplierCatalog suppliers) {
        this.desk = desk;
        this.suppliers = suppliers;
    }

    private record Key(String purchaseOrder, LocalDate receivedOn) {}

    public Outcome receipts(String csv, boolean dryRun, String agent) {
        CsvTable.Parsed parsed = CsvTable.parse(csv, COLUMNS, List.of("receivedOn"));
        if (!parsed.errors().isEmpty()) {
            return Outcome.refused(parsed.rows().size(), parsed.errors());
        }
        List<RowError> errors = new ArrayList<>();
        LocalDate today = desk.today();
        Map<String, Optional<PurchaseOrder>> purchaseOrders = new LinkedHashMap<>();
        Map<String, Integer> units = new LinkedHashMap<>();
        Map<Key, Map<String, Integer>> receipts = new LinkedHashMap<>();
        for (Row row : parsed.rows()) {
            List<RowError> cells = new ArrayList<>();
            String number = row.text("purchaseOrder", cells);
            String sku = row.text("sku", cells);
            Integer quantity = row.integer("quantity", true, cells);
            LocalDate receivedOn = row.date("receivedOn", cells);
            if (quantity != null && (quantity < 1 || quantity > 100_000)) {
                cells.add(new RowError(
                        row.number(),
                        "quantity",
                        "INVALID_QUANTITY",
                        "A quantity is a whole number from 1 to 100000."));
            }
            if (receivedOn != null && receivedOn.isAfter(today)) {
                cells.add(new RowError(
                        row.number(), "receivedOn", "RECEIVED_IN_FUTURE", "Goods cannot have arrived after today."));
            }
            if (number != null) {
                Optional<PurchaseOrder> po = purchaseOrders.computeIfAbsent(number, suppliers::purchaseOrder);
                Optional<String> beforeSent =
                        receivedOn == null ? Optional.empty() : po.flatMap(found -> found.sentAfter(receivedOn));
                if (po.isEmpty()) {
                    cells.add(new RowError(
                            row.number(),
                            "purchaseOrder",
                            "UNKNOWN_PURCHASE_ORDER",
                            "There is no purchase order " + number + "."));
                } else if (beforeSent.isPresent()) {
                    cells.add(new RowError(row.number(), "receivedOn", "RECEIVED_BEFORE_SENT", beforeSent.get()));
                } else if (po.get().status() == PurchaseOrder.Status.CANCELLED) {
                    cells.add(new RowError(
                            row.number(),
                            "purchaseOrder",
                            "PURCHASE_ORDER_CANCELLED",
                            "Purchase order " + number + " is closed (cancelled)."));
                } else if (!po.get().isOpen()) {
                    cells.add(new RowError(
                            row.number(),
                            "purchaseOrder",
                            "PURCHASE_ORDER_RECEIVED",
                            "Purchase order " + number + " is closed (received)."));
                } else if (sku != null) {
                    Optional<PurchaseOrder.Line> line = po.get().line(sku);
                    if (line.isEmpty()) {
                        cells.add(new RowError(
                                row.number(), "sku", "UNKNOWN_SKU", sku + " is not on purchase order " + number + "."));
                    } else if (quantity != null && cells.isEmpty()) {
                        int total = units.merge(number + "\u0000" + sku, quantity, Integer::sum);
                        Integer ordered = line.get().ordered();
                        if (ordered != null && line.get().received() + total > ordered) {
                            cells.add(new RowError(
                                    row.number(),
                                    "quantity",
                                    "OVER_RECEIPT",
                                    "Purchase order " + number + " has only "
                                            + (ordered - line.get().received())
                                            + " of " + sku
                                            + (total > quantity
                                                    ? " still to come, counting the rows above."
                                                    : " still to come.")));
                        }
                    }
                }
            }
            if (cells.isEmpty()) {
                receipts.computeIfAbsent(
                                new Key(number, receivedOn == null ? today : receivedOn), key -> new LinkedHashMap<>())
                        .merge(sku, quantity, Integer::sum);
            }
            errors.addAll(cells);
        }
        if (!errors.isEmpty()) {
            return Outcome.refused(parsed.rows().size(), errors);
        }
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<Key, Map<String, Integer>> receipt : receipts.entrySet()) {
            Key key = receipt.getKey();
            CsvTable.Facts facts =
                    CsvTable.facts().with("purchaseOrder", key.purchaseOrder()).with("receivedOn", key.receivedOn());
            receipt.getValue().forEach((sku, quantity) -> facts.withUnits(sku, quantity));
            String what = receipt.getValue().entrySet().stream()
                    .map(entry -> entry.getValue() + " × " + entry.getKey())
                    .collect(Collectors.joining(", "));
            try {
                if (dryRun) {
                    AgentDesk.ReceiptPreview preview =
                            desk.previewReceipt(key.purchaseOrder(), receipt.getValue(), key.receivedOn());
                    changes.add(facts.with("linesReady", preview.linesReady())
                            .with("orders", String.join(",", preview.ordersReady()))
                            .with("toldReady", String.join(",", preview.toldReadyToShip()))
                            .with("askedToChoose", String.join(",", preview.askedToChoose()))
                            .change(
                                    RECEIVES,
                                    "Receives " + what + " on purchase order " + key.purchaseOrder() + ", arrived "
                                            + key.receivedOn() + ": "
                                            + ready(preview.linesReady(), preview.ordersReady())));
                } else {
                    AgentDesk.Received received =
                            desk.receiveGoods(key.purchaseOrder(), receipt.getValue(), key.receivedOn(), agent);
                    changes.add(facts.with("linesReady", received.linesReady())
                            .change(
                                    RECEIVED,
                                    "Received " + what + " on purchase order " + key.purchaseOrder() + ", arrived "
                                            + key.receivedOn() + ": " + received.linesReady() + " lines ready."));
                }
            } catch (OrderRuleViolation refused) {
                // Another agent received against the same purchase order since the file was checked.
                UserError error = refused.asUserError();
                changes.add(facts.with("code", error.code())
                        .with("message", error.message())
                        .change(
                                NOT_RECEIVED,
                                "Not received on purchase order " + key.purchaseOrder() + ": " + error.message()));
            }
        }
        return new Outcome(!dryRun, parsed.rows().size(), changes, List.of());
    }

    private static String ready(int lines, List<String> orders) {
        if (lines == 0) {
            return "no line becomes ready.";
        }
        return (lines == 1 ? "1 line becomes" : lines + " lines become") + " ready, of "
                + (orders.size() == 1 ? "order " : "orders ") + String.join(", ", orders) + ".";
    }
}
