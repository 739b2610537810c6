package app.leadline.order;

import app.leadline.delivery.EtaCalculator;
import app.leadline.delivery.EtaWindow;
import app.leadline.delivery.SupplierSpreads;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.PurchaseOrder.Allocation;
import app.leadline.supplier.PurchaseOrderCancelled;
import app.leadline.supplier.PurchaseOrderPlaced;
import app.leadline.supplier.PurchaseOrderRef;
import app.leadline.supplier.SupplierCatalog;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Backordered lines that wait to be ordered from their supplier. When a purchase order for their SKU is placed,
 * they are allocated to it oldest order first, as long as it has quantity left; a line too large for what is
 * left keeps waiting and younger, smaller lines may still be served. Grouped by supplier and SKU, they are the
 * buy list the shop orders from.
 */
@Component
public class WaitingLines {

    private final MongoTemplate mongo;
    private final SupplierCatalog suppliers;
    private final OrderChanges changes;
    private final EtaCalculator etas;
    private final SupplierSpreads.Source lateness;
    private final DelaysInForce delays;
    private final Shelf shelf;
    private final Clock clock;

    WaitingLines(
            MongoTemplate mongo,
            SupplierCatalog suppliers,
            OrderChanges changes,
            EtaCalculator etas,
            SupplierSpreads.Source lateness,
            DelaysInForce delays,
            Shelf shelf,
            Clock clock) {
        this.mongo = mongo;
        this.suppliers = suppliers;
        this.changes = changes;
        this.etas = etas;
        this.lateness = lateness;
        this.delays = delays;
        this.shelf = shelf;
        this.clock = clock;
    }

    @EventListener
    void allocate(PurchaseOrderPlaced placed) {
        allocateWaiting(placed.supplier(), placed.skus());
    }

    /**
     * The lines waiting to be ordered of these SKUs of the supplier take the room its purchase orders have, oldest
     * order first: reserved together (each purchase order read once, whatever the number of lines), then each line
     * moved to the purchase order that took it.
     */
    private void allocateWaiting(String supplier, List<String> skus) {
        ToOrder waiting = waitingToBeOrdered(supplier, skus);
        if (waiting.lines().isEmpty()) {
            return;
        }
        SupplierSpreads spreads = lateness.current();
        List<Optional<PurchaseOrderRef>> reserved =
                suppliers.reserveAll(supplier, waiting.lines()).answers();
        DelaysInForce.NewLines held = delays.forNewLines(Set.of(supplier), numbersOf(reserved));
        for (int i = 0; i < reserved.size(); i++) {
            Order order = waiting.owners().get(i);
            String lineId = waiting.lines().get(i).lineId();
            reserved.get(i).ifPresent(po -> take(order, lineId, po, supplier, spreads, held));
        }
    }

    private static Set<String> numbersOf(List<Optional<PurchaseOrderRef>> reserved) {
        Set<String> numbers = new LinkedHashSet<>();
        reserved.forEach(po -> po.map(PurchaseOrderRef::number).ifPresent(numbers::add));
        return numbers;
    }

    /** A line as a purchase-order file's check names the lines its purchase orders take: {@code <order>/<line>}. */
    public static String lineKey(String orderNumber, String lineId) {
        return orderNumber + "/" + lineId;
    }

    /** The lines waiting to be ordered of these SKUs of the supplier, oldest order first, each with its order. */
    private record ToOrder(List<Order> owners, List<Allocation> lines) {

        /** Without the lines named by {@link #lineKey}. */
        ToOrder without(Set<String> lineKeys) {
            if (lineKeys.isEmpty()) {
                return this;
            }
            List<Order> keptOwners = new ArrayList<>();
            List<Allocation> keptLines = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!lineKeys.contains(
                        lineKey(owners.get(i).number(), lines.get(i).lineId()))) {
                    keptOwners.add(owners.get(i));
                    keptLines.add(lines.get(i));
                }
            }
            return new ToOrder(keptOwners, keptLines);
        }
    }

    private ToOrder waitingToBeOrdered(String supplier, List<String> skus) {
        List<Order> owners = new ArrayList<>();
        List<Allocation> lines = new ArrayList<>();
        for (Order order : waiting(supplier, skus)) {
            for (OrderLine line : order.lines()) {
                if (line.waitsToBeOrdered() && supplier.equals(line.supplier()) && skus.contains(line.sku())) {
                    owners.add(order);
                    lines.add(new Allocation(order.id(), line.id(), line.sku(), line.quantity()));
                }
            }
        }
        return new ToOrder(owners, lines);
    }

    /**
     * What the order's lines cancelled or refunded before they left held of purchase orders goes back: the lines
     * waiting to be ordered of those SKUs take the room, oldest order first, and units already on a shelf go to the
     * lines waiting for them, made ready now. Only what this gives back moves anything: a line given up at an earlier
     * cancellation of the order holds nothing any more. Done after the order's change; cut off before the units went
     * back, the next start gives them back ({@link StrayAllocations}) and serves the shelves, and the room waits for
     * the next order or purchase order of the SKU.
     */
    public void giveBackUnitsOf(Order order) {
        Set<String> freed = new LinkedHashSet<>();
        Map<String, Set<String>> skusBySupplier = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            if (order.gaveUpUnits(line.id())) {
                line.purchaseOrderNumber()
                        .filter(po -> suppliers.release(po, order.id(), line.id()))
                        .ifPresent(po -> {
                            freed.add(po);
                            skusBySupplier
                                    .computeIfAbsent(line.supplier(), supplier -> new LinkedHashSet<>())
                                    .add(line.sku());
                        });
            }
        }
        skusBySupplier.forEach((supplier, skus) -> allocateWaiting(supplier, List.copyOf(skus)));
        shelf.serve(freed);
    }

    /**
     * What placing a purchase order would do to one line that waits to be ordered.
     *
     * @param purchaseOrder the purchase order it would wait for: the one placed, or an earlier one of the supplier
     *     with room
     * @param customerTold whether its customer would be told (its latest date moves)
     */
    public record Allocated(
            String orderNumber,
            String lineId,
            String sku,
            int quantity,
            String purchaseOrder,
            java.time.LocalDate latestBefore,
            java.time.LocalDate latestAfter,
            boolean customerTold) {}

    /** A line of a SKU a purchase order buys that would go on waiting to be ordered once it is placed. */
    public record KeptWaiting(String orderNumber, String lineId, String sku, int quantity) {}

    /**
     * What placing a purchase order would do to the lines of its SKUs waiting to be ordered.
     *
     * @param allocations the lines it, or an earlier purchase order of the supplier with room, would take
     * @param keptWaiting the lines that would go on waiting: more units than there is room for (a line takes all its
     *     units at once), oldest order first
     */
    public record Placing(List<Allocated> allocations, List<KeptWaiting> keptWaiting) {}

    /**
     * What placing {@code draft} would do, before anything changes: the lines waiting to be ordered that it would
     * allocate, oldest order first, as {@link #allocate(PurchaseOrderPlaced)} would, worked out on copies of the
     * orders, and those it would leave waiting.
     */
    @org.springframework.security.access.prepost.PreAuthorize(
            "hasRole('AGENT') or hasAuthority('SCOPE_purchasing:write')")
    public Placing previewAllocation(PurchaseOrder draft) {
        return previewAllocation(draft, Set.of());
    }

    /**
     * As {@link #previewAllocation(PurchaseOrder)}, after purchase orders placed before it (in the same file) took the
     * lines named by {@link #lineKey}: those wait for them, no longer to be ordered.
     */
    @org.springframework.security.access.prepost.PreAuthorize(
            "hasRole('AGENT') or hasAuthority('SCOPE_purchasing:write')")
    public Placing previewAllocation(PurchaseOrder draft, Set<String> takenBefore) {
        SupplierSpreads spreads = lateness.current();
        ToOrder waiting = waitingToBeOrdered(draft.supplier(), draft.skus()).without(takenBefore);
        List<Order> owners = waiting.owners();
        List<Allocation> lines = waiting.lines();
        List<Optional<PurchaseOrderRef>> planned = suppliers.planReserve(draft.supplier(), lines, draft);
        DelaysInForce.NewLines held = delays.forNewLines(Set.of(draft.supplier()), numbersOf(planned));
        List<Allocated> allocated = new ArrayList<>();
        List<KeptWaiting> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Order order = owners.get(i);
            OrderLine before = order.line(lines.get(i).lineId());
            if (planned.get(i).isEmpty()) {
                kept.add(new KeptWaiting(order.number(), before.id(), before.sku(), before.quantity()));
                continue;
            }
            PurchaseOrderRef po = planned.get(i).get();
            EtaWindow window = windowOn(order, po, draft.supplier(), spreads);
            Optional<DelaysInForce.Held> delay = heldOn(order, before, po, window, held, spreads);
            boolean told = !order.newsOf(() ->
                            order.allocateToPurchaseOrder(before.id(), po.number(), window, delay, clock.instant()))
                    .isEmpty();
            allocated.add(new Allocated(
                    order.number(),
                    before.id(),
                    before.sku(),
                    before.quantity(),
                    po.number(),
                    before.eta().latest(),
                    order.line(before.id()).eta().latest(),
                    told));
        }
        return new Placing(allocated, kept);
    }

    /**
     * A line of the order waiting for the supplier's purchase order: expected as its goods are, sent to the order's
     * country, counted from now, not from when the order was placed: goods not here yet come today at the soonest,
     * whatever the supplier's learned spread says of its date, and a purchase order past its date is projected as the
     * promise watch would.
     */
    private EtaWindow windowOn(Order order, PurchaseOrderRef po, String supplier, SupplierSpreads spreads) {
        return etas.forPurchaseOrder(
                clock.instant(), po.expectedArrival(), order.destination().country(), supplier, spreads);
    }

    /**
     * The supplier's delay in force that holds the lines on {@code po} (one it found open), as it would hold this line
     * there: a line that takes room a cancellation freed on a delayed purchase order is no sooner than its neighbours.
     */
    private Optional<DelaysInForce.Held> heldOn(
            Order order,
            OrderLine line,
            PurchaseOrderRef po,
            EtaWindow window,
            DelaysInForce.NewLines held,
            SupplierSpreads spreads) {
        return held.of(
                line.waitingFor(po.number(), window),
                clock.instant(),
                order.destination().country(),
                spreads);
    }

    /** The line takes the purchase order reserved for it; a reservation it did not take goes back. */
    private void take(
            Order order,
            String lineId,
            PurchaseOrderRef po,
            String supplier,
            SupplierSpreads spreads,
            DelaysInForce.NewLines held) {
        EtaWindow window = windowOn(order, po, supplier, spreads);
        Optional<DelaysInForce.Held> delay = heldOn(order, order.line(lineId), po, window, held, spreads);
        OrderChanges.Changed<Boolean> allocated = changes.apply(
                order.id(),
                current -> current.allocateToPurchaseOrder(lineId, po.number(), window, delay, clock.instant()));
        // A reservation the line did not take (someone else moved it first) is given back; not one the line holds,
        // which this listener, done again after a crash, finds made.
        if (!allocated.result() && !allocated.order().line(lineId).isOn(po.number())) {
            suppliers.release(po.number(), order.id(), lineId);
        }
    }

    /**
     * A purchase order was cancelled: each line that waited for it, oldest order first, goes to another open purchase
     * order of its supplier with room for it, or waits to be ordered again, promised from the supplier's lead time
     * counted from today (a supplier without one leaves the line's dates as they were). A line a supplier's delay of
     * its SKU or of the whole supplier moved stays at least as late as that delay has it. Customers are told only when
     * their latest date moves.
     */
    @EventListener
    void release(PurchaseOrderCancelled cancelled) {
        Map<String, Order> byId = ordersOf(cancelled.released());
        SupplierSpreads spreads = lateness.current();
        java.util.Set<String> receivedInPart = new java.util.TreeSet<>();
        Map<String, Optional<LocalDate>> lastBySku = new java.util.HashMap<>();
        for (Allocation allocation : oldestFirst(cancelled.released(), byId)) {
            Order order = byId.get(allocation.orderId());
            if (!order.line(allocation.lineId()).isOn(cancelled.number())) {
                // Moved already: by this cancellation before the process died, or since.
                continue;
            }
            Optional<PurchaseOrderRef> next = suppliers.reserve(cancelled.supplier(), allocation);
            Optional<LocalDate> lastToCome = next.isPresent()
                    ? Optional.empty()
                    : lastBySku.computeIfAbsent(
                            allocation.sku(),
                            sku -> suppliers
                                    .lastToCome(cancelled.supplier(), sku)
                                    .map(PurchaseOrderRef::expectedArrival));
            EtaWindow window = windowAfterCancellation(
                    order, allocation.lineId(), cancelled.supplier(), next, lastToCome, spreads);
            OrderChanges.Changed<Boolean> left = changes.apply(
                    order.id(),
                    current -> current.leaveCancelledPurchaseOrder(
                            allocation.lineId(),
                            cancelled.number(),
                            next.map(PurchaseOrderRef::number).orElse(null),
                            window,
                            clock.instant()));
            boolean moved = left.result();
            if (!moved
                    && next.isPresent()
                    && !left.order().line(allocation.lineId()).isOn(next.get().number())) {
                suppliers.release(next.get().number(), order.id(), allocation.lineId());
            }
            if (moved) {
                next.filter(PurchaseOrderRef::receivedInPart).ifPresent(po -> receivedInPart.add(po.number()));
            }
        }
        // A line gone to a purchase order received in part may find its units on the shelf there.
        shelf.serve(receivedInPart);
    }

    /**
     * What cancelling a purchase order would do to one line that waits for it.
     *
     * @param nextPurchaseOrder the purchase order it would wait for instead; null when it would wait to be ordered
     * @param readyAtOnce whether that purchase order has its units on the shelf already, so it would be ready now
     * @param customerTold whether its customer is told: the day it reaches them moves (one waiting for the order's one
     *     delivery may move inside it untold), or it is ready
     */
    public record Release(
            String orderNumber,
            String lineId,
            String sku,
            int quantity,
            String nextPurchaseOrder,
            boolean readyAtOnce,
            java.time.LocalDate latestBefore,
            java.time.LocalDate latestAfter,
            boolean customerTold) {}

    /**
     * What cancelling the purchase order would do, before anything changes: the same choices as the cancellation,
     * worked out on copies of the orders.
     */
    @org.springframework.security.access.prepost.PreAuthorize(
            "hasRole('AGENT') or hasAuthority('SCOPE_purchasing:write')")
    public List<Release> previewRelease(PurchaseOrder po) {
        Map<String, Order> byId = ordersOf(po.allocations());
        Map<String, Integer> room = new java.util.HashMap<>();
        List<PurchaseOrder> others = suppliers.openPurchaseOrders().stream()
                .filter(other -> other.supplier().equals(po.supplier())
                        && !other.number().equals(po.number()))
                .sorted(java.util.Comparator.comparing(PurchaseOrder::expectedArrival)
                        .thenComparing(PurchaseOrder::number))
                .toList();
        List<Release> releases = new ArrayList<>();
        // Per purchase order received in part, the units on its shelf no line takes yet, as the lines moved take them.
        Map<String, Map<String, Integer>> shelves = new java.util.HashMap<>();
        SupplierSpreads spreads = lateness.current();
        for (Allocation allocation : oldestFirst(po.allocations(), byId)) {
            Order order = byId.get(allocation.orderId());
            OrderLine before = order.line(allocation.lineId());
            if (before.status() != LineStatus.AWAITING_SUPPLIER) {
                continue;
            }
            Optional<PurchaseOrder> next = others.stream()
                    .filter(other -> other.line(allocation.sku())
                            .map(line -> line.ordered() == null
                                    || room.computeIfAbsent(
                                                    other.number() + "\u0000" + line.sku(),
                                                    key -> line.unallocated().orElse(0))
                                            >= allocation.units())
                            .orElse(false))
                    .findFirst();
            next.flatMap(other -> other.line(allocation.sku()))
                    .filter(line -> line.ordered() != null)
                    .ifPresent(line ->
                            room.merge(next.get().number() + "\u0000" + line.sku(), -allocation.units(), Integer::sum));
            Optional<PurchaseOrderRef> ref = next.map(PurchaseOrderRef::of);
            Optional<LocalDate> lastToCome =
                    SupplierCatalog.lastToCome(others, allocation.sku()).map(PurchaseOrder::expectedArrival);
            EtaWindow window =
                    windowAfterCancellation(order, allocation.lineId(), po.supplier(), ref, lastToCome, spreads);
            // Whom it tells is what the order tells of the change: a line that waits for the order's one delivery and
            // moves inside it tells nobody, as placing a purchase order's review says.
            List<CustomerNews> news = new ArrayList<>(order.newsOf(() -> order.leaveCancelledPurchaseOrder(
                    allocation.lineId(),
                    po.number(),
                    ref.map(PurchaseOrderRef::number).orElse(null),
                    window,
                    clock.instant())));
            Optional<PurchaseOrder> fromShelf = next.filter(PurchaseOrder::receivedInPart)
                    .filter(other -> {
                        Map<String, Integer> left = shelves.computeIfAbsent(
                                other.number(), number -> new java.util.HashMap<>(shelf.unitsLeft(other)));
                        if (left.getOrDefault(allocation.sku(), 0) < allocation.units()) {
                            return false;
                        }
                        left.merge(allocation.sku(), -allocation.units(), Integer::sum);
                        return true;
                    });
            fromShelf.ifPresent(
                    other -> news.addAll(order.newsOf(() -> shelf.readyOnCopy(order, allocation.lineId(), other))));
            OrderLine after = order.line(allocation.lineId());
            releases.add(new Release(
                    order.number(),
                    before.id(),
                    before.sku(),
                    before.quantity(),
                    ref.map(PurchaseOrderRef::number).orElse(null),
                    fromShelf.isPresent(),
                    before.eta().latest(),
                    after.eta().latest(),
                    !news.isEmpty()));
        }
        return releases;
    }

    /**
     * @param lastToCome the day the supplier's open purchase order of the line's SKU expected last is expected, the
     *     cancelled one not counted: a line waiting to be ordered again is not promised sooner than its goods
     */
    private EtaWindow windowAfterCancellation(
            Order order,
            String lineId,
            String supplier,
            Optional<PurchaseOrderRef> next,
            Optional<LocalDate> lastToCome,
            SupplierSpreads spreads) {
        String country = order.destination().country();
        OrderLine line = order.line(lineId);
        Instant now = clock.instant();
        EtaWindow window = next.map(po -> windowOn(order, po, supplier, spreads))
                .or(() -> suppliers
                        .find(supplier)
                        .flatMap(found -> found.arrivalIfOrderedOn(etas.today()))
                        .map(arrival -> etas.forToBeOrderedAfter(
                                now, arrival.earliest(), arrival.latest(), lastToCome, country, supplier, spreads)))
                .orElse(line.eta());
        // Back to being ordered, nothing is on order for it: the lead time from today says when it could come if it
        // were ordered now, not that it will, so it is not promised sooner than the purchase order called off had it.
        // Nor is a line a supplier's delay in force holds: the supplier is no quicker for a purchase order called off.
        boolean noSooner =
                next.isEmpty() || line.supplierDelay().filter(delays::holds).isPresent();
        return noSooner ? window.noEarlierThan(line.eta()) : window;
    }

    /**
     * The allocations of the purchase order whose lines no longer wait for its goods (they came, or the line left or
     * was cancelled): a cancellation of what is still to come keeps these, and releases the rest. As (order id, line
     * id) pairs.
     */
    @org.springframework.security.access.prepost.PreAuthorize(
            "hasRole('AGENT') or hasAuthority('SCOPE_purchasing:write')")
    public java.util.Set<List<String>> waitingNoLonger(PurchaseOrder po) {
        Map<String, Order> byId = ordersOf(po.allocations());
        java.util.Set<List<String>> done = new java.util.HashSet<>();
        for (Allocation allocation : po.allocations()) {
            Order order = byId.get(allocation.orderId());
            if (order != null) {
                OrderLine line = order.line(allocation.lineId());
                if (line.status() != LineStatus.AWAITING_SUPPLIER || !line.isOn(po.number())) {
                    done.add(List.of(allocation.orderId(), allocation.lineId()));
                }
            }
        }
        return done;
    }

    private Map<String, Order> ordersOf(List<Allocation> allocations) {
        Map<String, Order> byId = new java.util.HashMap<>();
        mongo.find(
                        Query.query(Criteria.where("_id")
                                .in(allocations.stream()
                                        .map(Allocation::orderId)
                                        .distinct()
                                        .toList())),
                        Order.class)
                .forEach(order -> byId.put(order.id(), order));
        return byId;
    }

    private static List<Allocation> oldestFirst(List<Allocation> allocations, Map<String, Order> byId) {
        return allocations.stream()
                .filter(allocation -> byId.containsKey(allocation.orderId()))
                .sorted(java.util.Comparator.comparing((Allocation allocation) ->
                                byId.get(allocation.orderId()).placedAt())
                        .thenComparing(Allocation::orderId))
                .toList();
    }

    /**
     * What customers bought that no purchase order covers yet, per supplier and SKU.
     *
     * @param oldestPlacedAt when the order waiting longest was placed
     */
    public record ToBuy(
            String supplier,
            String sku,
            int quantity,
            int lines,
            String oldestOrder,
            java.time.Instant oldestPlacedAt) {}

    /** The buy list: waiting lines grouped by supplier and SKU, by supplier, then the longest waiting first. */
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('AGENT')")
    public List<ToBuy> buyList() {
        Query query = Query.query(Criteria.where("lines")
                        .elemMatch(Criteria.where("source")
                                .is(LineSource.BACKORDER)
                                .and("status")
                                .is(LineStatus.AWAITING_SUPPLIER)
                                .and("purchaseOrder")
                                .is(null)))
                .with(Sort.by("placedAt", "_id"));
        query.fields().include("_id", "number", "placedAt", "lines");
        java.util.Map<String, ToBuy> grouped = new java.util.LinkedHashMap<>();
        for (Order order : mongo.find(query, Order.class)) {
            for (OrderLine line : order.lines()) {
                if (line.waitsToBeOrdered()) {
                    grouped.merge(
                            line.supplier() + "\u0000" + line.sku(),
                            new ToBuy(
                                    line.supplier(), line.sku(), line.quantity(), 1, order.number(), order.placedAt()),
                            (older, more) -> new ToBuy(
                                    older.supplier(),
                                    older.sku(),
                                    older.quantity() + more.quantity(),
                                    older.lines() + 1,
                                    older.oldestOrder(),
                                    older.oldestPlacedAt()));
                }
            }
        }
        return grouped.values().stream()
                .sorted(java.util.Comparator.comparing(ToBuy::supplier)
                        .thenComparing(ToBuy::oldestPlacedAt)
                        .thenComparing(ToBuy::sku))
                .toList();
    }

    private List<Order> waiting(String supplier, List<String> skus) {
        Query query = Query.query(Criteria.where("lines")
                        .elemMatch(OrderQueries.backorderedAwaiting(supplier, skus)
                                .and("purchaseOrder")
                                .is(null)))
                .with(Sort.by("placedAt", "_id"));
        return mongo.find(query, Order.class);
    }
}
