package app.leadline.supplier;

import app.leadline.delivery.LeadTime;
import app.leadline.platform.CsvTable;
import app.leadline.platform.CsvTable.Change;
import app.leadline.platform.CsvTable.Outcome;
import app.leadline.platform.CsvTable.Row;
import app.leadline.platform.CsvTable.RowError;
import app.leadline.platform.UserError;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
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

    /** A supplier not defined before. */
    public static final String SUPPLIER_NEW = "SUPPLIER_NEW";

    /** A supplier defined before whose terms the file changes. */
    public static final String SUPPLIER_CHANGED = "SUPPLIER_CHANGED";

    /** A supplier the file defines as it was. */
    public static final String SUPPLIER_UNCHANGED = "SUPPLIER_UNCHANGED";

    /** A purchase order the file would place (a preview). */
    public static final String PURCHASE_ORDER_PLACES = "PURCHASE_ORDER_PLACES";

    /** A purchase order the file placed. */
    public static final String PURCHASE_ORDER_PLACED = "PURCHASE_ORDER_PLACED";

    /** A purchase order in the file that was placed before: it stays as it is. */
    public static final String PURCHASE_ORDER_KEPT = "PURCHASE_ORDER_KEPT";

    /** How many orders an English sentence names before it counts the rest. */
    private static final int NAMED = 10;

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
        List<Change> changes = new ArrayList<>();
        for (SupplierDefinition definition : checked) {
            changes.add(change(definition, suppliers.findById(definition.code().trim())));
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
        Map<String, PurchaseOrder> placedBefore = new HashMap<>();
        purchaseOrders
                .findAllById(byNumber.keySet().stream().map(String::trim).toList())
                .forEach(po -> placedBefore.put(po.number(), po));
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
            PurchaseOrder kept = placedBefore.get(group.getKey().trim());
            if (kept != null) {
                // The same file again keeps what it placed; a purchase order of another supplier under that number is
                // another purchase order, which the number cannot name twice.
                if (first.get("supplier")
                        .filter(code -> !code.trim().equals(kept.supplier()))
                        .isPresent()) {
                    UserError taken = purchasing.numberTaken(kept);
                    cells.add(new RowError(first.number(), "number", taken.code(), taken.message()));
                }
                checked.add(order);
                errors.addAll(cells);
                continue;
            }
            List<UserError> problems = new ArrayList<>();
            purchasing.check(order, problems, supplierById);
            for (UserError problem : problems) {
                Matcher line = LINE_FIELD.matcher(problem.field());
                if (line.matches()) {
                    int place = Integer.parseInt(line.group(1));
                    add(
                            cells,
                            new RowError(
                                    rows.get(place).number(),
                                    line.group(2),
                                    problem.code(),
                                    problem.code().equals("DUPLICATE_SKU")
                                            ? twice(lines.get(place).sku().trim(), rows, place)
                                            : problem.message()));
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
        List<Change> changes = new ArrayList<>();
        // The lines the file's purchase orders before this one take: placed in turn, they do not wait for the next.
        Set<String> taken = new HashSet<>();
        for (NewPurchaseOrder order : checked) {
            String number = order.number().trim();
            if (placedBefore.containsKey(number)) {
                changes.add(CsvTable.facts()
                        .with("number", number)
                        .change(
                                PURCHASE_ORDER_KEPT,
                                "Purchase order " + number + " was placed before; it stays as it is."));
                continue;
            }
            if (dryRun) {
                // What it does to the customers waiting, as the buy list's review says it: before anything is stored.
                purchasing.draft(order, actor).purchaseOrder().ifPresent(draft -> {
                    Optional<PlacingEffects.Effects> effect = effects.of(draft, Set.copyOf(taken));
                    effect.ifPresent(taking -> taken.addAll(taking.lines()));
                    changes.add(placing(PURCHASE_ORDER_PLACES, "Places", draft, effect));
                });
            } else {
                // Worked out as in the preview, just before: what the result says placing it did.
                Optional<PlacingEffects.Effects> effect =
                        purchasing.draft(order, actor).purchaseOrder().flatMap(draft -> effects.of(draft, Set.of()));
                PurchaseOrder placed =
                        purchasing.place(order, actor).purchaseOrder().orElseThrow();
                changes.add(placing(PURCHASE_ORDER_PLACED, "Placed", placed, effect));
            }
        }
        return new Outcome(!dryRun, parsed.rows().size(), changes, List.of());
    }

    /**
     * A purchase order placed, or to be placed: its number, supplier, units per SKU ({@code units:<SKU>}), arrival and
     * whether that is estimated from the lead time; what it does to the lines waiting to be ordered ({@code
     * linesTaken}, and the orders {@code taking} them and {@code told} of a new latest date, comma-separated).
     */
    private static Change placing(
            String kind, String verb, PurchaseOrder po, Optional<PlacingEffects.Effects> effects) {
        CsvTable.Facts facts = CsvTable.facts().with("number", po.number()).with("supplier", po.supplier());
        po.lines().forEach(line -> facts.withUnits(line.sku(), line.ordered()));
        facts.with("arrival", po.expectedArrival()).with("estimated", po.estimated());
        effects.ifPresent(effect -> facts.with("linesTaken", effect.linesTaken())
                .with("taking", String.join(",", effect.taking()))
                .with("told", String.join(",", effect.told())));
        String lines = po.lines().stream()
                .map(line -> line.ordered() + " × " + line.sku())
                .collect(Collectors.joining(", "));
        return facts.change(
                kind,
                verb + " purchase order " + po.number() + " with " + po.supplier() + ": " + lines + "; arrival "
                        + po.expectedArrival() + (po.estimated() ? " (estimated)" : "") + "."
                        + effects.map(effect -> " Lines waiting to be ordered that it takes: " + effect.linesTaken()
                                        + " (" + named(effect.taking()) + "); customers told of a new latest date: "
                                        + effect.told().size()
                                        + (effect.told().isEmpty() ? "" : " (" + named(effect.told()) + ")") + ".")
                                .orElse(""));
    }

    private static String named(List<String> orders) {
        String first = String.join(", ", orders.subList(0, Math.min(NAMED, orders.size())));
        return orders.size() > NAMED ? first + " and " + (orders.size() - NAMED) + " more" : first;
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

    /**
     * A supplier new, changed or as it was: its code and, when new or changed, its terms as the file has them
     * ({@code name}, {@code country}, {@code contactEmail}, {@code dropships}, {@code leadTimeMinDays},
     * {@code leadTimeMaxDays}, {@code workingDays} when the file gives them, comma-separated); when changed, also
     * the terms before, each prefixed {@code before:}.
     */
    private static Change change(SupplierDefinition definition, Optional<Supplier> before) {
        String code = definition.code().trim();
        String lead = new LeadTime(definition.leadTimeMinDays(), definition.leadTimeMaxDays()).inWords();
        CsvTable.Facts facts = CsvTable.facts()
                .with("code", code)
                .with("name", definition.name().trim())
                .with("country", definition.country().trim().toUpperCase(Locale.ROOT))
                .with("contactEmail", definition.contactEmail().trim())
                .with("dropships", definition.dropships())
                .with("leadTimeMinDays", definition.leadTimeMinDays())
                .with("leadTimeMaxDays", definition.leadTimeMaxDays())
                .with("workingDays", days(definition.workingDays()));
        if (before.isEmpty()) {
            return facts.change(
                    SUPPLIER_NEW,
                    "New supplier " + code + " (" + definition.name().trim() + "), "
                            + (definition.dropships() ? "dropships" : "delivers to the shop") + ", lead time " + lead
                            + ".");
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
        if (changed.isEmpty()) {
            return CsvTable.facts()
                    .with("code", code)
                    .change(SUPPLIER_UNCHANGED, "Supplier " + code + " stays as it is.");
        }
        facts.with("before:name", old.name())
                .with("before:country", old.country())
                .with("before:contactEmail", old.contactEmail())
                .with("before:dropships", old.dropships())
                .with(
                        "before:leadTimeMinDays",
                        old.leadTime().map(LeadTime::minDays).orElse(null))
                .with(
                        "before:leadTimeMaxDays",
                        old.leadTime().map(LeadTime::maxDays).orElse(null))
                .with("before:workingDays", days(old.workingDays()));
        return facts.change(
                SUPPLIER_CHANGED,
                "Supplier " + code + " redefined (" + String.join(", ", changed) + "); promises already made stay.");
    }

    private static String days(List<DayOfWeek> days) {
        return days == null ? null : days.stream().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    /** A SKU on a purchase order twice, said on its second row with the row it is on first. */
    private static String twice(String sku, List<Row> rows, int place) {
        int first = 0;
        while (first < place
                && !rows.get(first).get("sku").map(String::trim).orElse("").equals(sku)) {
            first++;
        }
        return "SKU " + sku + " is on the purchase order twice: here and on row "
                + rows.get(first).number() + ".";
    }
}
