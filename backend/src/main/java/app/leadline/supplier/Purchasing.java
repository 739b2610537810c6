package app.leadline.supplier;

import app.leadline.delivery.EtaCalculator;
import app.leadline.platform.AuditLog;
import app.leadline.platform.UserError;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Buying in what customers bought: purchase orders placed by agents or by the shop's own system. Placing one is
 * idempotent on its number; lines that waited to be ordered are then allocated to it (see
 * {@link PurchaseOrderPlaced}), and a process that dies before that is done leaves it to be done again
 * ({@link PurchaseOrderFollowUps}).
 */
@Service
public class Purchasing {

    static final int MAX_QUANTITY = 100_000;
    private static final int MAX_TEXT = 200;
    private static final Pattern NUMBER = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$");

    private final Suppliers suppliers;
    private final PurchaseOrders purchaseOrders;
    private final MongoTemplate mongo;
    private final PurchaseOrderFollowUps followUps;
    private final AuditLog audit;
    private final Clock clock;
    private final EtaCalculator etas;

    Purchasing(
            Suppliers suppliers,
            PurchaseOrders purchaseOrders,
            MongoTemplate mongo,
            PurchaseOrderFollowUps followUps,
            AuditLog audit,
            Clock clock,
            EtaCalculator etas) {
        this.suppliers = suppliers;
        this.purchaseOrders = purchaseOrders;
        this.mongo = mongo;
        this.followUps = followUps;
        this.audit = audit;
        this.clock = clock;
        this.etas = etas;
    }

    /** The purchase order as stored, whether this call created it, or the errors and nothing stored. */
    public record Outcome(Optional<PurchaseOrder> purchaseOrder, boolean created, List<UserError> errors) {}

    @PreAuthorize("hasRole('AGENT') or hasAuthority('SCOPE_purchasing:write')")
    public Outcome place(NewPurchaseOrder input, String actor) {
        if (input.number() != null) {
            Optional<PurchaseOrder> existing =
                    purchaseOrders.findById(input.number().trim());
            if (existing.isPresent()) {
                return new Outcome(existing, false, List.of());
            }
            Optional<PurchaseOrder> otherCase = keptInAnotherCase(input.number().trim());
            if (otherCase.isPresent()) {
                return new Outcome(Optional.empty(), false, List.of(numberTaken(otherCase.get())));
            }
        }
        List<UserError> errors = new ArrayList<>();
        Optional<Supplier> supplier = check(input, errors, suppliers::findById);
        if (!errors.isEmpty()) {
            return new Outcome(Optional.empty(), false, errors);
        }
        PurchaseOrder po = placed(input, supplier.get(), actor);
        org.bson.Document followUp = PurchaseOrderFollowUps.mark(PurchaseOrderFollowUps.Kind.PLACED, clock.instant());
        try {
            org.bson.Document stored = new org.bson.Document();
            mongo.getConverter().write(po, stored);
            // As inserting the purchase order itself would: its version starts at 0.
            stored.putIfAbsent("version", 0L);
            stored.put(PurchaseOrderFollowUps.FIELD, followUp);
            mongo.insert(stored, mongo.getCollectionName(PurchaseOrder.class));
        } catch (DuplicateKeyException raced) {
            return new Outcome(purchaseOrders.findById(po.number()), false, List.of());
        }
        String items = po.lines().stream()
                .map(line -> (line.ordered() == null ? "" : line.ordered() + " × ") + line.sku())
                .collect(java.util.stream.Collectors.joining(", "));
        Map<String, String> placed = new java.util.LinkedHashMap<>();
        placed.put("supplier", po.supplier());
        placed.put("items", items);
        placed.put("expected", po.expectedArrival().toString());
        if (po.estimated()) {
            placed.put("estimated", "true");
        }
        audit.record(actor, "PLACE_PURCHASE_ORDER", po.number(), Map.of(), placed);
        followUps.publish(po.number(), followUp, PurchaseOrderPlaced.of(po));
        return new Outcome(purchaseOrders.findById(po.number()), true, List.of());
    }

    /**
     * The purchase order placing would store, checked by the same rules, nothing stored; or the errors, a number kept
     * already among them (placing it would change nothing).
     */
    @PreAuthorize("hasRole('AGENT') or hasAuthority('SCOPE_purchasing:write')")
    public Outcome draft(NewPurchaseOrder input, String actor) {
        List<UserError> errors = new ArrayList<>();
        Optional<Supplier> supplier = check(input, errors, suppliers::findById);
        if (!blank(input.number())) {
            String number = input.number().trim();
            purchaseOrders
                    .findById(number)
                    .or(() -> keptInAnotherCase(number))
                    .ifPresent(kept -> errors.add(numberTaken(kept)));
        }
        if (!errors.isEmpty()) {
            return new Outcome(Optional.empty(), false, errors);
        }
        return new Outcome(Optional.of(placed(input, supplier.get(), actor)), false, List.of());
    }

    /**
     * A purchase order kept under this number written in another case ("po-1" beside "PO-1"): agents and suppliers
     * read the two as one, so a second is not placed.
     */
    private Optional<PurchaseOrder> keptInAnotherCase(String number) {
        return Optional.ofNullable(mongo.findOne(
                        Query.query(Criteria.where("_id").regex("^" + Pattern.quote(number) + "$", "i")),
                        PurchaseOrder.class))
                .filter(kept -> !kept.number().equals(number));
    }

    /** The number is another purchase order's: named with its supplier as agents know it, by name. */
    UserError numberTaken(PurchaseOrder kept) {
        String supplier =
                suppliers.findById(kept.supplier()).map(Supplier::name).orElse(kept.supplier());
        return new UserError(
                "NUMBER_TAKEN",
                "input.number",
                "Purchase order " + kept.number() + " exists already (from " + supplier
                        + "); give this one a number of its own.");
    }

    /** The purchase order as placed from what was handed over, checked, with its supplier. */
    private PurchaseOrder placed(NewPurchaseOrder input, Supplier supplier, String actor) {
        LocalDate today = etas.today();
        LocalDate sentOn = input.sentOn() == null ? today : input.sentOn();
        boolean estimated = input.confirmedArrival() == null;
        LocalDate arrival =
                estimated ? supplier.arrivalIfOrderedOn(sentOn).orElseThrow().latest() : input.confirmedArrival();
        List<PurchaseOrder.Line> lines = input.lines().stream()
                .map(line -> new PurchaseOrder.Line(line.sku().trim(), line.quantity(), 0, 0))
                .toList();
        return new PurchaseOrder(
                input.number().trim(),
                supplier.code(),
                lines.stream().map(PurchaseOrder.Line::sku).toList(),
                arrival,
                PurchaseOrder.Status.OPEN,
                List.of(),
                arrival,
                lines,
                sentOn,
                estimated,
                estimated ? List.of() : List.of(new PurchaseOrder.Confirmation(arrival, clock.instant(), actor)),
                List.of(),
                clock.instant(),
                actor,
                null,
                null);
    }

    /** A purchase order that arrived in full before Leadline kept it: as placed, and the day everything came. */
    public record Arrived(NewPurchaseOrder order, LocalDate receivedOn) {}

    /**
     * Purchase orders that arrived in full before Leadline kept them, stored as received in one write, so that the
     * suppliers' lateness is learned from them from the first day (the demo's half year of history). Each is checked
     * as placing it would be, and cannot have arrived before it was sent or after today; numbers already kept are
     * passed over. When any is refused, nothing is stored.
     *
     * @return what is wrong, each field under {@code arrived[i]}; empty when they are stored
     */
    @PreAuthorize("hasRole('AGENT') or hasAuthority('SCOPE_purchasing:write')")
    public List<UserError> recordArrived(List<Arrived> arrived, String actor) {
        List<UserError> errors = new ArrayList<>();
        List<PurchaseOrder> received = new ArrayList<>();
        LocalDate today = etas.today();
        Function<String, Optional<Supplier>> supplierById = supplierLookup();
        for (int i = 0; i < arrived.size(); i++) {
            Arrived past = arrived.get(i);
            String at = "arrived[" + i + "]";
            List<UserError> refused = new ArrayList<>();
            Optional<Supplier> supplier = check(past.order(), refused, supplierById);
            LocalDate sentOn =
                    past.order().sentOn() == null ? today : past.order().sentOn();
            if (past.receivedOn() == null
                    || past.receivedOn().isBefore(sentOn)
                    || past.receivedOn().isAfter(today)) {
                refused.add(new UserError(
                        "INVALID_RECEIVED_ON",
                        "input.receivedOn",
                        "Goods arrive on a day from when the purchase order was sent to today."));
            }
            refused.forEach(error -> errors.add(
                    new UserError(error.code(), at + error.field().substring("input".length()), error.message())));
            if (refused.isEmpty()) {
                received.add(placed(past.order(), supplier.orElseThrow(), actor)
                        .arrivedInFull(past.receivedOn(), clock.instant()));
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        Set<String> kept = new HashSet<>();
        purchaseOrders
                .findAllById(received.stream().map(PurchaseOrder::number).toList())
                .forEach(po -> kept.add(po.number()));
        List<PurchaseOrder> fresh =
                received.stream().filter(po -> !kept.contains(po.number())).toList();
        if (!fresh.isEmpty()) {
            mongo.insertAll(fresh);
            audit.record(
                    actor,
                    "RECORD_ARRIVED_PURCHASE_ORDERS",
                    String.join(", ", fresh.stream().map(PurchaseOrder::number).toList()),
                    Map.of(),
                    Map.of("purchaseOrders", String.valueOf(fresh.size())));
        }
        return List.of();
    }

    /** The purchase order as cancelled, or the errors and nothing changed. */
    public record Cancelled(Optional<PurchaseOrder> purchaseOrder, List<UserError> errors) {}

    /**
     * Cancels an open purchase order, or, when goods arrived against it already, what is still to come on it: what
     * arrived stays received (and learned from), the rest will not come. Its units are freed and the customer order
     * lines that still waited for it go back to waiting ({@link PurchaseOrderCancelled}; a line its goods made ready
     * stays ready); one versioned update, so a line allocated at the same moment is either released with the rest or
     * never allocated.
     *
     * @param planned what the cancellation does to the lines, as its review said it (where they go, whom it tells):
     *     kept in the audit log beside the cancellation
     * @param waitingNoLonger on a purchase order received in part, the allocations (order id, line id) of lines its
     *     goods made ready: they stay with it; the others are released
     */
    @PreAuthorize("hasRole('AGENT') or hasAuthority('SCOPE_purchasing:write')")
    public Cancelled cancel(
            String number,
            String reason,
            String actor,
            Map<String, String> planned,
            Set<List<String>> waitingNoLonger) {
        for (int attempt = 0; attempt < 100; attempt++) {
            List<UserError> errors = new ArrayList<>();
            Optional<PurchaseOrder> found = cancellable(number, reason, errors);
            if (!errors.isEmpty()) {
                return new Cancelled(Optional.empty(), errors);
            }
            PurchaseOrder po = found.orElseThrow();
            List<PurchaseOrder.Allocation> kept = po.allocations().stream()
                    .filter(allocation -> waitingNoLonger.contains(List.of(allocation.orderId(), allocation.lineId())))
                    .toList();
            List<PurchaseOrder.Allocation> released = po.allocations().stream()
                    .filter(allocation -> !kept.contains(allocation))
                    .toList();
            PurchaseOrder.Cancellation cancellation =
                    new PurchaseOrder.Cancellation(clock.instant(), actor, reason.trim(), released);
            org.bson.Document followUp =
                    PurchaseOrderFollowUps.mark(PurchaseOrderFollowUps.Kind.CANCELLED, clock.instant());
            Update update = new Update()
                    .set("status", PurchaseOrder.Status.CANCELLED)
                    .set(PurchaseOrderFollowUps.FIELD, followUp)
                    .set("cancellation", cancellation)
                    .set("allocations", kept)
                    .set(
                            "lines",
                            po.lines().stream()
                                    .map(line -> new PurchaseOrder.Line(
                                            line.sku(),
                                            line.ordered(),
                                            kept.stream()
                                                    .filter(allocation ->
                                                            allocation.sku().equals(line.sku()))
                                                    .mapToInt(PurchaseOrder.Allocation::units)
                                                    .sum(),
                                            line.received()))
                                    .toList())
                    .inc("version", 1);
            Query current = SupplierCatalog.unchanged(po);
            if (mongo.updateFirst(current, update, PurchaseOrder.class).getModifiedCount() == 1) {
                Map<String, String> after = new java.util.TreeMap<>(planned);
                after.put("status", "CANCELLED");
                after.put("reason", reason.trim());
                after.put("linesReleased", String.valueOf(released.size()));
                if (po.receivedInPart()) {
                    after.put("notComing", notComing(po));
                }
                audit.record(actor, "CANCEL_PURCHASE_ORDER", po.number(), Map.of("status", "OPEN"), after);
                followUps.publish(
                        po.number(), followUp, new PurchaseOrderCancelled(po.number(), po.supplier(), released));
                return new Cancelled(purchaseOrders.findById(po.number()), List.of());
            }
        }
        throw new IllegalStateException("Purchase order " + number + " kept changing; not cancelled");
    }

    /** The purchase order, if it can be cancelled; else why not, in errors. */
    @PreAuthorize("hasRole('AGENT') or hasAuthority('SCOPE_purchasing:write')")
    public Optional<PurchaseOrder> cancellable(String number, String reason, List<UserError> errors) {
        if (reason == null || reason.isBlank()) {
            errors.add(new UserError("REQUIRED", "input.reason", "Say why the purchase order is cancelled."));
        } else if (reason.trim().length() > MAX_TEXT) {
            errors.add(new UserError("TOO_LONG", "input.reason", "At most " + MAX_TEXT + " characters."));
        }
        Optional<PurchaseOrder> po = blank(number) ? Optional.empty() : purchaseOrders.findById(number.trim());
        if (po.isEmpty()) {
            errors.add(new UserError(
                    "UNKNOWN_PURCHASE_ORDER", "input.purchaseOrder", "There is no purchase order " + number + "."));
        } else if (po.get().status() == PurchaseOrder.Status.CANCELLED) {
            errors.add(new UserError(
                    "PURCHASE_ORDER_CANCELLED",
                    "input.purchaseOrder",
                    "Purchase order " + number + " was cancelled already."));
        } else if (!po.get().isOpen()) {
            errors.add(new UserError(
                    "PURCHASE_ORDER_RECEIVED",
                    "input.purchaseOrder",
                    "Purchase order " + number + " was received; it cannot be cancelled."));
        }
        return po;
    }

    /** Per SKU, the units still to come on a purchase order received in part, as the audit log keeps them. */
    private static String notComing(PurchaseOrder po) {
        return String.join(
                ", ",
                po.stillToCome().entrySet().stream()
                        .map(units -> units.getKey() + " " + units.getValue())
                        .toList());
    }

    /** Open purchase orders, soonest arrival first. */
    @PreAuthorize("hasRole('AGENT') or hasAuthority('SCOPE_purchasing:write')")
    public List<PurchaseOrder> open() {
        return mongo.find(
                Query.query(Criteria.where("status").is(PurchaseOrder.Status.OPEN))
                        .with(org.springframework.data.domain.Sort.by("expectedArrival", "_id")),
                PurchaseOrder.class);
    }

    /** A purchase order with its history: date sent, every confirmed arrival, every receipt. */
    @PreAuthorize("hasRole('AGENT') or hasAuthority('SCOPE_purchasing:write')")
    public Optional<PurchaseOrder> purchaseOrder(String number) {
        return purchaseOrders.findById(number);
    }

    /** Finds suppliers by code, each looked up once: for checking many purchase orders in one go. */
    Function<String, Optional<Supplier>> supplierLookup() {
        Map<String, Optional<Supplier>> found = new HashMap<>();
        return code -> found.computeIfAbsent(code, suppliers::findById);
    }

    /**
     * Checks a purchase order before it is kept, adding what is wrong to {@code errors}.
     *
     * @param supplierById how its supplier is found
     * @return its supplier, when known
     */
    Optional<Supplier> check(
            NewPurchaseOrder input, List<UserError> errors, Function<String, Optional<Supplier>> supplierById) {
        if (blank(input.number())) {
            errors.add(new UserError("REQUIRED", "input.number", "Give the purchase order's number."));
        } else if (!NUMBER.matcher(input.number().trim()).matches()) {
            errors.add(new UserError(
                    "INVALID_NUMBER",
                    "input.number",
                    "A purchase order number is 1 to 64 letters, digits, '.', '_', '/' or '-'."));
        }
        Optional<Supplier> supplier = Optional.empty();
        if (blank(input.supplier())) {
            errors.add(new UserError("REQUIRED", "input.supplier", "Name the supplier."));
        } else {
            supplier = supplierById.apply(input.supplier().trim());
            if (supplier.isEmpty()) {
                errors.add(new UserError(
                        "UNKNOWN_SUPPLIER", "input.supplier", "There is no supplier " + input.supplier() + "."));
            }
        }
        List<NewPurchaseOrder.Line> lines = input.lines() == null ? List.of() : input.lines();
        if (lines.isEmpty()) {
            errors.add(new UserError("REQUIRED", "input.lines", "Name at least one SKU to buy."));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            NewPurchaseOrder.Line line = lines.get(i);
            String path = "input.lines[" + i + "]";
            if (blank(line.sku())) {
                errors.add(new UserError("REQUIRED", path + ".sku", "Give the SKU."));
            } else if (line.sku().trim().length() > MAX_TEXT) {
                errors.add(new UserError("TOO_LONG", path + ".sku", "At most " + MAX_TEXT + " characters."));
            } else if (!seen.add(line.sku().trim())) {
                errors.add(new UserError(
                        "DUPLICATE_SKU", path + ".sku", "SKU " + line.sku().trim() + " is on the order twice."));
            }
            if (line.quantity() == null || line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                errors.add(new UserError(
                        "INVALID_QUANTITY",
                        path + ".quantity",
                        "A quantity is a whole number from 1 to " + MAX_QUANTITY + "."));
            }
        }
        LocalDate today = etas.today();
        if (input.sentOn() != null && input.sentOn().isAfter(today)) {
            errors.add(new UserError("SENT_IN_FUTURE", "input.sentOn", "A purchase order cannot be sent after today."));
        }
        LocalDate sentOn = input.sentOn() == null ? today : input.sentOn();
        if (input.confirmedArrival() != null && input.confirmedArrival().isBefore(sentOn)) {
            // Sent today (no day given for it), an arrival before it is simply in the past.
            errors.add(
                    input.sentOn() == null
                            ? new UserError(
                                    "DATE_IN_PAST", "input.confirmedArrival", "The arrival cannot be in the past.")
                            : new UserError(
                                    "ARRIVAL_BEFORE_SENT",
                                    "input.confirmedArrival",
                                    "Goods cannot arrive before the purchase order was sent."));
        }
        if (input.confirmedArrival() == null
                && supplier.isPresent()
                && supplier.get().backorderLeadTime() == null) {
            errors.add(new UserError(
                    "REQUIRED",
                    "input.confirmedArrival",
                    "Supplier " + supplier.get().code() + " has no usual lead time: give the confirmed arrival."));
        }
        return supplier;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
