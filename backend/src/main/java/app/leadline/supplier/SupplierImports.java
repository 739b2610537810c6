package app.leadline.supplier;

import app.leadline.delivery.LeadTime;
import app.leadline.platform.CsvTable;
import app.leadline.platform.CsvTable.Outcome;
import app.leadline.platform.CsvTable.Row;
import app.leadline.platform.CsvTable.RowError;
import app.leadline.platform.UserError;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Suppliers and purchase orders from the shop's spreadsheets. A file is checked whole, row by row, by the same
 * rules as {@code defineSupplier} and {@code placePurchaseOrder}; if any row is wrong nothing is stored and every
 * problem is answered with its row and column. A preview ({@code dryRun}) says what importing would do.
 */
@Service
class SupplierImports {

    /** Columns of a suppliers file; workingDays is optional (e.g. "MON TUE WED THU FRI"). */
    public static final List<String> SUPPLIER_COLUMNS =
            List.of("code", "name", "country", "contactEmail", "dropships", "leadTimeMinDays", "leadTimeMaxDays");

    /** Columns of a purchase orders file, one row per SKU; rows with the same number are one purchase order. */
    public static final List<String> PURCHASE_ORDER_COLUMNS = List.of("number", "supplier", "sku", "quantity");

    private static final Pattern LINE_FIELD = Pattern.compile("^input\\.lines\\[(\\d+)]\\.(\\w+)$");

    private final SupplierDefinitions definitions;
    private final Purchasing purchasing;
    private final Suppliers suppliers;
    private final PurchaseOrders purchaseOrders;
    private final PlacingEffects effects;

    SupplierImports(
            SupplierDefinitions definitions,
            Purchasing purchasing,
            Suppliers suppliers,
            PurchaseOrders purchaseOrders,
            PlacingEffects effects) {
        this.definitions = definitions;
        this.purchasing = purchasing;
        this.suppliers = suppliers;
        this.purchaseOrders = purchaseOrders;
        this.effects = effects;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Outcome suppliers(String csv, boolean dryRun, String admin) {
        CsvTable.Parsed parsed = CsvTable.parse(csv, SUPPLIER_COLUMNS, List.of("workingDays"));
        if (!parsed.errors().isEmpty()) {
            return Outcome.refused(parsed.rows().size(), parsed.errors());
        }
        List<RowError> errors = new ArrayList<>();
        List<SupplierDefinition> checked = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Row row : parsed.rows()) {
            List<RowError> cells = new ArrayList<>();
            Boolean dropships = row.yesNo("dropships", cells);
            Integer min = row.integer("leadTimeMinDays", true, cells);
            Integer max = row.integer("leadTimeMaxDays", true, cells);
            List<DayOfWeek> days = workingDays(row, cells);
            SupplierDefinition definition = new SupplierDefinition(
                    row.get("code").orElse(null),
                    row.get("name").orElse(null),
                    row.get("country").orElse(null),
                    row.get("contactEmail").orElse(null),
                    Boolean.TRUE.equals(dropships),
                    min,
                    max,
                    days);
            for (UserError error : SupplierDefinitions.check(definition)) {
                String column = switch (error.field()) {
                    case "input.leadTime.minDays" -> "leadTimeMinDays";
                    case "input.leadTime.maxDays" -> "leadTimeMaxDays";
                    default -> error.field().substring("input.".length());
                };
                add(cells, new RowError(row.number(), column, error.code(), error.message()));
            }
            if (definition.code() != null) {
                Integer earlier = seen.putIfAbsent(definition.code().trim(), row.number());
                if (earlier != null) {
                    cells.add(new RowError(
                            row.number(),
                            "code",
                            "DUPLICATE_CODE",
                            "Supplier " + definition.code().trim() + " is on row " + earlier + " already."));
                }
            }
            errors.addAll(cells);
            checked.add(definition);
        }
        if (!errors.isEmpty()) {
            return Outcome.refused(parsed.rows().size(), errors);
        }
        List<String> changes = new ArrayList<>();
        for (SupplierDefinition definition : checked) {
            changes.add(
                    describe(definition, suppliers.findById(definition.code().trim())));
            if (!dryRun) {
                definitions.define(definition, admin);
            }
        }
        return new Outcome(!dryRun, parsed.rows().size(), changes, List.of());
    }

    @PreAuthorize("hasRole('AGENT') or hasAuthority('SCOPE_purchasing:write')")
    public Outcome purchaseOrders(String csv, boolean dryRun, String actor) {
        CsvTable.Parsed parsed = CsvTable.parse(csv, PURCHASE_ORDER_COLUMNS, List.of("sentOn", "confirmedArrival"));
        if (!parsed.errors().isEmpty()) {
            return Outcome.refused(parsed.rows().size(), parsed.errors());
        }
        Map<String, List<Row>> byNumber = parsed.rows().stream()
                .collect(Collectors.groupingBy(
                        row -> row.get("number").orElse(""), LinkedHashMap::new, Collectors.toList()));
        List<RowError> errors = new ArrayList<>();
        List<NewPurchaseOrder> checked = new ArrayList<>();
        Function<String, Optional<Supplier>> supplierById = purchasing.supplierLookup();
        Set<String> placedBefore = new HashSet<>();
        purchaseOrders
                .findAllById(byNumber.keySet().stream().map(String::trim).toList())
                .forEach(po -> placedBefore.add(po.number()));
        for (Map.Entry<String, List<Row>> group : byNumber.entrySet()) {
            List<Row> rows = group.getValue();
            Row first = rows.get(0);
            List<RowError> cells = new ArrayList<>();
            LocalDate sentOn = first.date("sentOn", cells);
            LocalDate arrival = first.date("confirmedArrival", cells);
            List<NewPurchaseOrder.Line> lines = new ArrayList<>();
            for (Row row : rows) {
                for (String column : List.of("supplier", "sentOn", "confirmedArrival")) {
                    if (row != first && !Objects.equals(row.get(column), first.get(column))) {
                        cells.add(new RowError(
                                row.number(),
                                column,
                                "INCONSISTENT",
                                "Purchase order " + group.getKey() + " says "
                                        + first.get(column).orElse("nothing") + " here on row " + first.number()
                                        + "."));
                    }
                }
                lines.add(new NewPurchaseOrder.Line(row.get("sku").orElse(null), row.integer("quantity", true, cells)));
            }
            NewPurchaseOrder order =
                    new NewPurchaseOrder(group.getKey(), first.get("supplier").orElse(null), lines, sentOn, arrival);
            if (placedBefore.contains(group.getKey().trim())) {
                checked.add(order);
                errors.addAll(cells);
                continue;
            }
            List<UserError> problems = new ArrayList<>();
            purchasing.check(order, problems, supplierById);
            for (UserError problem : problems) {
                Matcher line = LINE_FIELD.matcher(problem.field());
                if (line.matches()) {
                    add(
                            cells,
                            new RowError(
                                    rows.get(Integer.parseInt(line.group(1))).number(),
                                    line.group(2),
                                    problem.code(),
                                    problem.message()));
                } else if (!problem.field().equals("input.lines")) {
                    add(
                            cells,
                            new RowError(
                                    first.number(),
                                    problem.field().substring("input.".length()),
                                    problem.code(),
                                    problem.message()));
                }
            }
            errors.addAll(cells);
            checked.add(order);
        }
        if (!errors.isEmpty()) {
            return Outcome.refused(parsed.rows().size(), errors);
        }
        List<String> changes = new ArrayList<>();
        for (NewPurchaseOrder order : checked) {
            if (placedBefore.contains(order.number().trim())) {
                changes.add("Purchase order " + order.number().trim() + " was placed before; it stays as it is.");
                continue;
            }
            String lines = order.lines().stream()
                    .map(line -> line.quantity() + " × " + line.sku().trim())
                    .collect(Collectors.joining(", "));
            if (dryRun) {
                // What it does to the customers waiting, as the buy list's review says it: before anything is stored.
                Optional<PurchaseOrder> draft = purchasing.draft(order, actor).purchaseOrder();
                changes.add("Places purchase order " + order.number().trim() + " with "
                        + order.supplier().trim()
                        + ": " + lines
                        + draft.map(po -> "; arrival " + po.expectedArrival() + (po.estimated() ? " (estimated)" : ""))
                                .orElse("")
                        + "."
                        + draft.flatMap(effects::describe)
                                .map(effect -> " " + effect)
                                .orElse(""));
            } else {
                PurchaseOrder placed =
                        purchasing.place(order, actor).purchaseOrder().orElseThrow();
                changes.add("Placed purchase order " + placed.number() + " with " + placed.supplier() + ": " + lines
                        + "; arrival " + placed.expectedArrival() + (placed.estimated() ? " (estimated)" : "") + ".");
            }
        }
        return new Outcome(!dryRun, parsed.rows().size(), changes, List.of());
    }

    /** Adds a rule's problem unless the cell already has one (a number that is not a number is not also zero). */
    private static void add(List<RowError> errors, RowError error) {
        boolean known = errors.stream()
                .anyMatch(other -> other.row() == error.row() && other.column().equals(error.column()));
        if (!known) {
            errors.add(error);
        }
    }

    private static List<DayOfWeek> workingDays(Row row, List<RowError> errors) {
        Optional<String> cell = row.get("workingDays");
        if (cell.isEmpty()) {
            return null;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Set<String> unknown = new HashSet<>();
        for (String word : cell.get().split("[\\s,;|/]+")) {
            String day = word.toUpperCase(Locale.ROOT);
            Optional<DayOfWeek> match = day.length() < 2
                    ? Optional.empty()
                    : EnumSet.allOf(DayOfWeek.class).stream()
                            .filter(candidate -> candidate.name().startsWith(day))
                            .findFirst();
            match.ifPresentOrElse(days::add, () -> unknown.add(word));
        }
        if (!unknown.isEmpty()) {
            errors.add(new RowError(
                    row.number(),
                    "workingDays",
                    "UNKNOWN_DAY",
                    "Not days of the week: " + String.join(", ", unknown) + ". Write e.g. MON TUE WED THU FRI."));
        }
        return List.copyOf(days);
    }

    private static String describe(SupplierDefinition definition, Optional<Supplier> before) {
        String code = definition.code().trim();
        String lead = new LeadTime(definition.leadTimeMinDays(), definition.leadTimeMaxDays()).inWords();
        if (before.isEmpty()) {
            return "New supplier " + code + " (" + definition.name().trim() + "), "
                    + (definition.dropships() ? "dropships" : "delivers to the shop") + ", lead time " + lead + ".";
        }
        Supplier old = before.get();
        List<String> changed = new ArrayList<>();
        if (!definition.name().trim().equals(old.name())) {
            changed.add("name");
        }
        if (!definition.country().trim().equalsIgnoreCase(String.valueOf(old.country()))) {
            changed.add("country");
        }
        if (!definition.contactEmail().trim().equals(old.contactEmail())) {
            changed.add("contact e-mail");
        }
        if (definition.dropships() != old.dropships()) {
            changed.add("dropships");
        }
        String oldLead = old.leadTime().map(LeadTime::inWords).orElse("none");
        if (!oldLead.equals(lead)) {
            changed.add("lead time " + oldLead + " → " + lead);
        }
        if (definition.workingDays() != null && !definition.workingDays().equals(old.workingDays())) {
            changed.add("working days");
        }
        return changed.isEmpty()
                ? "Supplier " + code + " stays as it is."
                : "Supplier " + code + " redefined (" + String.join(", ", changed) + "); promises already made stay.";
    }
}
