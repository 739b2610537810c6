package app.leadline.supplier;

import app.leadline.platform.UserError;
import app.leadline.supplier.PurchaseOrder.Allocation;
import app.leadline.supplier.PurchaseOrder.Status;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The supplier module's public face: who the suppliers are, and allocating order lines to purchase orders. */
@Service
public class SupplierCatalog {

    private final Suppliers suppliers;
    private final PurchaseOrders purchaseOrders;
    private final MongoTemplate mongo;
    private final java.time.Clock clock;

    SupplierCatalog(Suppliers suppliers, PurchaseOrders purchaseOrders, MongoTemplate mongo, java.time.Clock clock) {
        this.suppliers = suppliers;
        this.purchaseOrders = purchaseOrders;
        this.mongo = mongo;
        this.clock = clock;
    }

    public Optional<Supplier> find(String code) {
        return suppliers.findById(code);
    }

    /**
     * The open purchase order a backordered line of this SKU and quantity would wait for: one that carries the SKU
     * with that many units not yet allocated, earliest arrival first.
     */
    public Optional<PurchaseOrderRef> openPurchaseOrderFor(String supplier, String sku, int units) {
        return candidates(supplier, List.of(sku)).stream()
                .filter(po -> po.canTake(sku, units))
                .findFirst()
                .map(PurchaseOrderRef::of);
    }

    /** The supplier's open purchase order of the SKU expected last with units of it still to come. */
    public Optional<PurchaseOrderRef> lastToCome(String supplier, String sku) {
        return lastToCome(candidates(supplier, List.of(sku)), sku).map(PurchaseOrderRef::of);
    }

    /**
     * Of open purchase orders in order of arrival, earliest first, the one expected last with units of the SKU still
     * to come: a line of it not yet bought in does not overtake that one.
     */
    public static Optional<PurchaseOrder> lastToCome(List<PurchaseOrder> earliestFirst, String sku) {
        return earliestFirst.stream().filter(po -> po.bringsMore(sku)).reduce((earlier, later) -> later);
    }

    /**
     * Allocates a customer order line to the earliest open purchase order of its supplier that still has its
     * quantity of the SKU, and answers which one; empty when none has. Each attempt is a versioned update of one
     * purchase order, so two lines racing for the last units cannot both get them.
     */
    public Optional<PurchaseOrderRef> reserve(String supplier, Allocation line) {
        return reserveAll(supplier, List.of(line)).answers().get(0);
    }

    /**
     * Where {@link #reserveAll} put each line, the open purchase orders of those SKUs it saw received in part (units
     * may wait on their shelves for lines that went elsewhere), and for each SKU the open purchase order of it expected
     * last with units still to come: a line none had room for is not bought in sooner than that one comes.
     *
     * @param answers for each line, in the same order, the purchase order it waits for; empty when none had room
     */
    public record Reservations(
            List<Optional<PurchaseOrderRef>> answers,
            List<String> receivedInPart,
            Map<String, PurchaseOrderRef> lastToCome) {}

    /**
     * Allocates customer order lines of one supplier, in their order, each as {@link #reserve} would one after the
     * other: to the earliest open purchase order that still has its quantity of the SKU once the lines before it
     * took theirs. The purchase orders are read once, and each takes all its lines in one versioned update; one
     * someone else changed in between is read again and its lines planned anew.
     *
     */
    public Reservations reserveAll(String supplier, List<Allocation> lines) {
        List<Optional<PurchaseOrderRef>> answers = new ArrayList<>(Collections.nCopies(lines.size(), Optional.empty()));
        Set<String> skus = lines.stream().map(Allocation::sku).collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> receivedInPart = new ArrayList<>();
        List<PurchaseOrder> candidates = candidates(supplier, skus);
        Map<String, PurchaseOrderRef> lastToCome = new HashMap<>();
        skus.forEach(sku -> lastToCome(candidates, sku).ifPresent(po -> lastToCome.put(sku, PurchaseOrderRef.of(po))));
        for (PurchaseOrder candidate : candidates) {
            if (candidate.receivedInPart()) {
                receivedInPart.add(candidate.number());
            }
            PurchaseOrder po = candidate;
            while (po != null) {
                PurchaseOrderRef ref = PurchaseOrderRef.of(po);
                Set<List<String>> allocated = po.allocations().stream()
                        .map(taken -> List.of(taken.orderId(), taken.lineId()))
                        .collect(Collectors.toSet());
                List<Integer> planned = new ArrayList<>();
                PurchaseOrder taking = po;
                for (int i = 0; i < lines.size(); i++) {
                    Allocation line = lines.get(i);
                    if (answers.get(i).isPresent() || !taking.canTake(line.sku(), line.units())) {
                        continue;
                    }
                    if (allocated.contains(List.of(line.orderId(), line.lineId()))) {
                        answers.set(i, Optional.of(ref));
                        continue;
                    }
                    planned.add(i);
                    taking = withUnits(taking, line.sku(), line.units());
                }
                if (planned.isEmpty()) {
                    break;
                }
                List<Allocation> taken = planned.stream().map(lines::get).toList();
                if (mongo.updateFirst(unchanged(po), allocation(taking, taken), PurchaseOrder.class)
                                .getModifiedCount()
                        == 1) {
                    planned.forEach(i -> answers.set(i, Optional.of(ref)));
                    break;
                }
                po = purchaseOrders.findById(po.number()).orElse(null);
            }
        }
        return new Reservations(answers, receivedInPart, lastToCome);
    }

    /**
     * Where {@link #reserveAll} would put these lines were {@code draft} placed too, nothing stored: each to the
     * earliest open purchase order, the draft among them, that still has its quantity once the lines before it took
     * theirs.
     *
     * @return for each line, in the same order, the purchase order it would wait for; empty when none has room
     */
    public List<Optional<PurchaseOrderRef>> planReserve(String supplier, List<Allocation> lines, PurchaseOrder draft) {
        Set<String> skus = lines.stream().map(Allocation::sku).collect(Collectors.toCollection(LinkedHashSet::new));
        List<PurchaseOrder> taking = new ArrayList<>(candidates(supplier, skus));
        taking.add(draft);
        taking.sort(Comparator.comparing(PurchaseOrder::expectedArrival).thenComparing(PurchaseOrder::number));
        List<Optional<PurchaseOrderRef>> answers = new ArrayList<>();
        for (Allocation line : lines) {
            Optional<PurchaseOrderRef> answer = Optional.empty();
            for (int i = 0; i < taking.size() && answer.isEmpty(); i++) {
                PurchaseOrder po = taking.get(i);
                boolean already = po.allocations().stream()
                        .anyMatch(taken -> taken.orderId().equals(line.orderId())
                                && taken.lineId().equals(line.lineId()));
                if (po.canTake(line.sku(), line.units()) || already) {
                    answer = Optional.of(PurchaseOrderRef.of(po));
                    if (!already) {
                        taking.set(i, withUnits(po, line.sku(), line.units()));
                    }
                }
            }
            answers.add(answer);
        }
        return answers;
    }

    /**
     * Customer order lines that waited elsewhere take units on the shelf of {@code po} (the version read), in one
     * versioned update: their allocations are added (those it has already are left as they are), and the allocations
     * of lines that no longer need their units ({@code freeing}: cancelled or refunded lines, whose units the shelf
     * counts as spare) are given back, so that no more are allocated than were ordered.
     *
     * @return false when the purchase order changed since it was read, or is no longer open: nothing was changed
     */
    public boolean takeOnShelf(PurchaseOrder po, List<Allocation> taking, List<Allocation> freeing) {
        Set<List<String>> allocated = po.allocations().stream()
                .map(held -> List.of(held.orderId(), held.lineId()))
                .collect(Collectors.toSet());
        List<Allocation> added = taking.stream()
                .filter(line -> !allocated.contains(List.of(line.orderId(), line.lineId())))
                .toList();
        PurchaseOrder after = po;
        for (Allocation line : added) {
            after = withUnits(after, line.sku(), line.units());
        }
        Set<List<String>> freed = new java.util.HashSet<>();
        for (Allocation line : freeing) {
            if (allocated.contains(List.of(line.orderId(), line.lineId()))) {
                after = withUnits(after, line.sku(), -line.units());
                freed.add(List.of(line.orderId(), line.lineId()));
            }
        }
        if (added.isEmpty() && freed.isEmpty()) {
            return po.isOpen();
        }
        java.time.Instant now = clock.instant();
        List<Allocation> kept = new ArrayList<>();
        po.allocations().stream()
                .filter(held -> !freed.contains(List.of(held.orderId(), held.lineId())))
                .forEach(kept::add);
        added.forEach(line -> kept.add(line.madeAt(now)));
        Query open = unchanged(po).addCriteria(Criteria.where("status").is(Status.OPEN));
        Update update = new Update()
                .set("lines", after.lines())
                .set("allocations", kept)
                .inc("version", 1);
        return mongo.updateFirst(open, update, PurchaseOrder.class).getModifiedCount() == 1;
    }

    /**
     * Gives back what a customer order line took of a purchase order, e.g. when its order was never stored.
     *
     * @return whether this gave it back: false when the purchase order held nothing for the line (given back before)
     */
    public boolean release(String purchaseOrder, String orderId, String lineId) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<PurchaseOrder> found = purchaseOrders.findById(purchaseOrder);
            if (found.isEmpty()) {
                return false;
            }
            PurchaseOrder po = found.get();
            Optional<Allocation> taken = po.allocations().stream()
                    .filter(a -> a.orderId().equals(orderId) && a.lineId().equals(lineId))
                    .findFirst();
            if (taken.isEmpty()) {
                return false;
            }
            if (release(po, taken.get()) == 1) {
                return true;
            }
        }
        throw new IllegalStateException("Purchase order " + purchaseOrder + " kept changing; allocation not released");
    }

    /** Removes one allocation, if the purchase order is still the version read. */
    private long release(PurchaseOrder po, Allocation line) {
        Update update = new Update()
                .set("lines", withUnits(po, line.sku(), -line.units()).lines())
                .inc("version", 1)
                .pull("allocations", new Document("orderId", line.orderId()).append("lineId", line.lineId()));
        return mongo.updateFirst(unchanged(po), update, PurchaseOrder.class).getModifiedCount();
    }

    /** Sets the SKU lines as {@code taking} has them and adds the lines allocated to it. */
    private Update allocation(PurchaseOrder taking, List<Allocation> lines) {
        java.time.Instant now = clock.instant();
        return new Update()
                .set("lines", taking.lines())
                .inc("version", 1)
                .push("allocations")
                .each(lines.stream().map(line -> line.madeAt(now)).toArray());
    }

    /** The purchase order with {@code units} more (or, negative, fewer) of the SKU allocated. */
    private static PurchaseOrder withUnits(PurchaseOrder po, String sku, int units) {
        List<PurchaseOrder.Line> lines = po.lines().stream()
                .map(l -> l.sku().equals(sku)
                        ? new PurchaseOrder.Line(l.sku(), l.ordered(), l.allocated() + units, l.received())
                        : l)
                .toList();
        return po.withLines(lines);
    }

    /** The purchase order as long as it is still the version read: the condition of every versioned update. */
    static Query unchanged(PurchaseOrder po) {
        Query current = Query.query(Criteria.where("_id").is(po.number()));
        current.addCriteria(
                po.version() == null
                        ? Criteria.where("version").exists(false)
                        : Criteria.where("version").is(po.version()));
        return current;
    }

    private List<PurchaseOrder> candidates(String supplier, Collection<String> skus) {
        return mongo.find(
                Query.query(Criteria.where("supplier")
                                .is(supplier)
                                .and("status")
                                .is(Status.OPEN)
                                .and("skus")
                                .in(skus))
                        .with(org.springframework.data.domain.Sort.by("expectedArrival", "_id")),
                PurchaseOrder.class);
    }

    public Optional<PurchaseOrder> purchaseOrder(String number) {
        return purchaseOrders.findById(number);
    }

    /** A supplier's new word on when a purchase order arrives; lines placed from now on are promised by it. */
    public void moveExpectedArrival(String purchaseOrder, LocalDate arrival) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(purchaseOrder)),
                new Update().set("expectedArrival", arrival).inc("version", 1),
                PurchaseOrder.class);
    }

    /**
     * The supplier's word on a purchase order's arrival, kept with when it was given and by whom; the arrival is no
     * longer an estimate. Moving the lines already waiting for it is the delay cascade's work, not this.
     */
    public void confirmArrival(String purchaseOrder, LocalDate arrival, java.time.Instant at, String by) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(purchaseOrder)),
                new Update()
                        .set("expectedArrival", arrival)
                        .set("estimated", false)
                        .push("confirmations", new PurchaseOrder.Confirmation(arrival, at, by))
                        .inc("version", 1),
                PurchaseOrder.class);
    }

    /**
     * Goods arrived against a purchase order: per SKU, how many, on the day they actually did. Refused whole, with
     * nothing kept, when a SKU is not on the purchase order or more would have arrived than was ordered; kept
     * through a versioned update, so two receipts at once cannot together exceed what was ordered. A purchase order
     * that has now received everything it ordered stays open until {@link #markReceived}, once the lines its goods
     * make ready are: a crash in between leaves it open with its units on the shelf, and the next start serves them.
     *
     * @return the purchase order after the receipt, or what is wrong
     */
    public Receipted recordReceipt(
            String purchaseOrder,
            java.util.Map<String, Integer> quantities,
            LocalDate receivedOn,
            java.time.Instant at,
            String by) {
        for (int attempt = 0; attempt < 100; attempt++) {
            PurchaseOrder po = purchaseOrders.findById(purchaseOrder).orElseThrow();
            List<UserError> errors = po.refusedReceipt(quantities);
            if (!errors.isEmpty()) {
                return new Receipted(Optional.empty(), errors);
            }
            List<PurchaseOrder.Line> lines = po.lines().stream()
                    .map(l -> new PurchaseOrder.Line(
                            l.sku(), l.ordered(), l.allocated(), l.received() + quantities.getOrDefault(l.sku(), 0)))
                    .toList();
            List<PurchaseOrder.Receipt> receipts = new java.util.ArrayList<>(po.receipts());
            quantities.forEach((sku, units) -> receipts.add(new PurchaseOrder.Receipt(sku, units, receivedOn, at, by)));
            Update update =
                    new Update().set("lines", lines).set("receipts", receipts).inc("version", 1);
            Query current = unchanged(po);
            if (mongo.updateFirst(current, update, PurchaseOrder.class).getModifiedCount() == 1) {
                return new Receipted(purchaseOrders.findById(purchaseOrder), List.of());
            }
        }
        throw new IllegalStateException("Purchase order " + purchaseOrder + " kept changing; receipt not recorded");
    }

    /**
     * Takes back a receipt booked against the wrong purchase order: the units it recorded leave the lines' received
     * counts, the receipt is no longer kept (nor learned from), and a purchase order it closed is open again. Kept
     * through a versioned update.
     *
     * @param recordedAt when the receipt was recorded: all SKUs recorded then are one receipt
     * @return the purchase order after the reversal; empty when there is no such receipt (any more)
     */
    public Optional<PurchaseOrder> reverseReceipt(String purchaseOrder, java.time.Instant recordedAt) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<PurchaseOrder> found = purchaseOrders.findById(purchaseOrder);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            PurchaseOrder po = found.get();
            java.util.Map<String, Integer> units = po.receiptUnits(recordedAt);
            if (units.isEmpty()) {
                return Optional.empty();
            }
            List<PurchaseOrder.Line> lines = po.lines().stream()
                    .map(l -> new PurchaseOrder.Line(
                            l.sku(),
                            l.ordered(),
                            l.allocated(),
                            Math.max(0, l.received() - units.getOrDefault(l.sku(), 0))))
                    .toList();
            List<PurchaseOrder.Receipt> kept = po.receipts().stream()
                    .filter(receipt -> !receipt.recordedAt().equals(recordedAt))
                    .toList();
            Update update =
                    new Update().set("lines", lines).set("receipts", kept).inc("version", 1);
            if (po.status() == Status.RECEIVED) {
                update.set("status", Status.OPEN);
            }
            if (mongo.updateFirst(unchanged(po), update, PurchaseOrder.class).getModifiedCount() == 1) {
                return purchaseOrders.findById(purchaseOrder);
            }
        }
        throw new IllegalStateException("Purchase order " + purchaseOrder + " kept changing; receipt not reversed");
    }

    /** The purchase order after a receipt, or why the receipt was refused. */
    public record Receipted(Optional<PurchaseOrder> purchaseOrder, List<UserError> errors) {}

    /** The purchase order has arrived in full: it closes, and delays can no longer be logged against it. */
    public void markReceived(String purchaseOrder) {
        mongo.updateFirst(
                Query.query(
                        Criteria.where("_id").is(purchaseOrder).and("status").is(Status.OPEN)),
                new Update().set("status", PurchaseOrder.Status.RECEIVED).inc("version", 1),
                PurchaseOrder.class);
    }

    public List<PurchaseOrder> openPurchaseOrders() {
        return mongo.find(
                Query.query(Criteria.where("status").is(PurchaseOrder.Status.OPEN))
                        .with(org.springframework.data.domain.Sort.by("expectedArrival")),
                PurchaseOrder.class);
    }

    public List<Supplier> suppliers() {
        return suppliers.findAll(org.springframework.data.domain.Sort.by("_id"));
    }

    /** Every purchase order anything was received against, of all suppliers, in one read. */
    public List<PurchaseOrder> purchaseOrdersWithReceipts() {
        return mongo.find(withReceipts(), PurchaseOrder.class);
    }

    /**
     * The version of every purchase order anything was received against, by number: what tells a reader of {@link
     * #purchaseOrdersWithReceipts} whether any of them changed since, on this instance or another, at the cost of
     * their numbers. Every write to a purchase order moves its version on.
     */
    public Map<String, Long> versionsWithReceipts() {
        Query numbers = withReceipts();
        numbers.fields().include("version");
        Map<String, Long> versions = new HashMap<>();
        for (Document po : mongo.find(numbers, Document.class, mongo.getCollectionName(PurchaseOrder.class))) {
            versions.put(po.getString("_id"), po.get("version") instanceof Number version ? version.longValue() : -1L);
        }
        return versions;
    }

    private static Query withReceipts() {
        return Query.query(Criteria.where("receipts.receivedOn").exists(true));
    }

    public List<PurchaseOrder> purchaseOrdersOf(String supplier) {
        return mongo.find(Query.query(Criteria.where("supplier").is(supplier)), PurchaseOrder.class);
    }

    public void save(Supplier supplier) {
        suppliers.save(supplier);
    }

    public void save(PurchaseOrder purchaseOrder) {
        purchaseOrders.save(purchaseOrder);
    }

    public boolean isEmpty() {
        return suppliers.count() == 0;
    }
}
