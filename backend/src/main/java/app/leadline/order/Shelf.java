package app.leadline.order;

import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.PurchaseOrder.Allocation;
import app.leadline.supplier.SupplierCatalog;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The goods received on a purchase order and the lines waiting for it that they serve, oldest order first: what a
 * receipt makes ready, and what a line allocated later gets at once when its units are already on the shelf (a
 * purchase order received in part, units left over for no line then). The same rule for both, so a line never waits
 * for goods that are in the warehouse.
 */
@Component
public class Shelf {

    private static final Logger log = LoggerFactory.getLogger(Shelf.class);

    private final OrderQueries orders;
    private final OrderOperations operations;
    private final SupplierCatalog suppliers;
    private final Clock clock;

    Shelf(OrderQueries orders, OrderOperations operations, SupplierCatalog suppliers, Clock clock) {
        this.orders = orders;
        this.operations = operations;
        this.suppliers = suppliers;
        this.clock = clock;
    }

    /**
     * Which waiting lines the goods received so far ready, oldest order first.
     *
     * @param ready line ids per order id
     * @param orders the orders the purchase order's lines are in, as read, by order id
     * @param spare per SKU, the units received that no line takes now
     * @param waitingSkus the SKUs of the lines that would still wait: their spare units are too few for one of them
     * @param takers the lines waiting elsewhere that spare units of other SKUs serve then, oldest order first
     */
    public record Plan(
            Map<String, List<String>> ready,
            List<String> waiting,
            Map<String, Order> orders,
            Map<String, Integer> spare,
            Set<String> waitingSkus,
            List<Taker> takers) {

        /**
         * The spare units of SKUs no line waits for any longer, here or elsewhere, once the takers took theirs: for
         * stock, or for orders yet to come.
         */
        public Map<String, Integer> free() {
            Map<String, Integer> free = new LinkedHashMap<>(spare);
            free.keySet().removeAll(waitingSkus);
            takers.forEach(taker -> free.merge(taker.sku(), -taker.quantity(), Integer::sum));
            free.values().removeIf(units -> units <= 0);
            return free;
        }

        Plan withTakers(List<Taker> takers) {
            return new Plan(ready, waiting, orders, spare, waitingSkus, List.copyOf(takers));
        }

        /** Per order id, oldest first, the takers' line ids with the purchase order each waited for (null: none). */
        public Map<String, Map<String, String>> takersByOrder() {
            return byOrder(takers);
        }

        /**
         * The orders the goods make lines of ready, as read: those with lines of the purchase order's own, oldest
         * first, then those only taking spare units, oldest first.
         */
        public List<Order> ordersReady() {
            Map<String, Order> readied = new LinkedHashMap<>();
            ready.keySet().forEach(id -> readied.put(id, orders.get(id)));
            takers.forEach(taker -> readied.putIfAbsent(
                    taker.order().id(), orders.getOrDefault(taker.order().id(), taker.order())));
            return List.copyOf(readied.values());
        }

        /** How many lines the goods make ready: the purchase order's own and the takers. */
        public int linesReady() {
            return ready.values().stream().mapToInt(List::size).sum() + takers.size();
        }

        /** The spare units of SKUs lines still wait for: theirs once enough have come to make one ready. */
        public Map<String, Integer> held() {
            Map<String, Integer> held = new LinkedHashMap<>(spare);
            held.keySet().retainAll(waitingSkus);
            return held;
        }
    }

    /**
     * The lines of {@code po} that the goods of {@code receivedSoFar} (the same purchase order, with a receipt about
     * to be recorded or not) make ready; with {@code all}, every line waiting for it (everything still to come came).
     */
    public Plan plan(PurchaseOrder po, PurchaseOrder receivedSoFar, boolean all) {
        List<OrderQueries.Allocated> oldestFirst = orders.allocatedOldestFirst(po);
        // Units on the shelf for waiting lines: all received so far, less what lines made ready before took (and kept:
        // a line refunded after it shipped took its unit, one cancelled on the shelf left it there).
        Map<String, Integer> left = new HashMap<>();
        receivedSoFar.lines().forEach(line -> left.put(line.sku(), line.received()));
        for (OrderQueries.Allocated allocated : oldestFirst) {
            OrderLine line = allocated.line();
            if (line.status() != LineStatus.AWAITING_SUPPLIER
                    && !allocated.order().gaveUpUnits(line.id())) {
                left.merge(line.sku(), -line.quantity(), Integer::sum);
            }
        }
        Map<String, List<String>> ready = new LinkedHashMap<>();
        List<String> waiting = new ArrayList<>();
        Set<String> waitingSkus = new HashSet<>();
        Map<String, Order> byId = new HashMap<>();
        for (OrderQueries.Allocated allocated : oldestFirst) {
            OrderLine line = allocated.line();
            byId.put(allocated.order().id(), allocated.order());
            if (line.status() != LineStatus.AWAITING_SUPPLIER) {
                continue;
            }
            int available = all ? Integer.MAX_VALUE : left.getOrDefault(line.sku(), 0);
            if (available >= line.quantity()) {
                left.merge(line.sku(), -line.quantity(), Integer::sum);
                ready.computeIfAbsent(allocated.order().id(), id -> new ArrayList<>())
                        .add(line.id());
            } else {
                waiting.add(allocated.order().number() + "/" + line.id());
                waitingSkus.add(line.sku());
            }
        }
        Map<String, Integer> spare = new LinkedHashMap<>();
        receivedSoFar.lines().forEach(line -> {
            int units = left.getOrDefault(line.sku(), 0);
            if (units > 0) {
                spare.put(line.sku(), units);
            }
        });
        return new Plan(ready, waiting, byId, spare, waitingSkus, List.of());
    }

    /**
     * A line that waits for another purchase order of the supplier ({@code from}), or to be ordered ({@code from}
     * null), and that units spare on this shelf serve instead: it moves to this purchase order and is ready.
     */
    public record Taker(Order order, String lineId, String sku, int quantity, String from) {

        Allocation allocation() {
            return new Allocation(order.id(), lineId, sku, quantity);
        }
    }

    /**
     * As {@link #plan}, and the lines waiting elsewhere for the same goods that its spare units then serve, oldest
     * order first: a line never waits for goods that are in the warehouse. Only units no line of this purchase order
     * waits for, and only as many as it may still allocate: what it ordered, less what its lines hold (a cancelled or
     * refunded line's units are spare, and its allocation is given back when they are taken).
     */
    public Plan planSharing(PurchaseOrder po, PurchaseOrder receivedSoFar, boolean all) {
        Plan plan = plan(po, receivedSoFar, all);
        return plan.withTakers(takers(receivedSoFar, plan));
    }

    private List<Taker> takers(PurchaseOrder po, Plan plan) {
        // Two limits per SKU: the units on the shelf, and the room to allocate them. A line reserved here already (a
        // move cut off before the line moved) takes units but no more room.
        Map<String, Integer> units = new HashMap<>(plan.free());
        Map<String, Integer> room = new HashMap<>();
        List<Allocation> freeing = freeing(po, plan);
        units.keySet()
                .forEach(sku -> room.put(
                        sku,
                        po.line(sku)
                                .flatMap(PurchaseOrder.Line::unallocated)
                                .map(unallocated -> unallocated + unitsHeld(freeing, sku))
                                .orElse(Integer.MAX_VALUE)));
        if (units.isEmpty() || !po.isOpen()) {
            return List.of();
        }
        Set<List<String>> reserved = new HashSet<>();
        po.allocations().forEach(allocation -> reserved.add(List.of(allocation.orderId(), allocation.lineId())));
        List<Taker> takers = new ArrayList<>();
        try (Stream<Order> waiting = orders.waitingElsewhere(po.supplier(), units.keySet(), po.number())) {
            for (Iterator<Order> oldestFirst = waiting.iterator(); oldestFirst.hasNext() && !units.isEmpty(); ) {
                Order order = oldestFirst.next();
                for (OrderLine line : order.lines()) {
                    boolean held = reserved.contains(List.of(order.id(), line.id()));
                    if (line.status() == LineStatus.AWAITING_SUPPLIER
                            && line.source() == LineSource.BACKORDER
                            && po.supplier().equals(line.supplier())
                            && !line.isOn(po.number())
                            && line.quantity() <= units.getOrDefault(line.sku(), 0)
                            && (held || line.quantity() <= room.getOrDefault(line.sku(), 0))) {
                        takers.add(new Taker(order, line.id(), line.sku(), line.quantity(), line.purchaseOrder()));
                        units.compute(
                                line.sku(),
                                (sku, before) -> before == line.quantity() ? null : before - line.quantity());
                        if (!held) {
                            room.merge(line.sku(), -line.quantity(), Integer::sum);
                        }
                    }
                }
            }
        }
        return takers;
    }

    /**
     * The allocations of the purchase order's lines cancelled or refunded before they left, which still hold units they
     * no longer need: a cancellation is cut off before {@link WaitingLines#giveBackUnitsOf} gives them back.
     */
    private static List<Allocation> freeing(PurchaseOrder po, Plan plan) {
        return po.allocations().stream()
                .filter(allocation -> {
                    Order order = plan.orders().get(allocation.orderId());
                    return order != null
                            && order.line(allocation.lineId()).isOn(po.number())
                            && order.gaveUpUnits(allocation.lineId());
                })
                .toList();
    }

    private static int unitsHeld(List<Allocation> allocations, String sku) {
        return allocations.stream()
                .filter(allocation -> allocation.sku().equals(sku))
                .mapToInt(Allocation::units)
                .sum();
    }

    /** What serving a purchase order's goods did: its plan, and each order it made lines of ready, as it is now. */
    public record Served(Plan plan, List<OrderOperations.Arrived> arrived) {}

    /**
     * The lines of {@code po} that the goods of {@code receivedSoFar} make ready (with {@code all}, every line waiting
     * for it), and the lines waiting elsewhere that its spare units serve, made ready as goods that arrived on {@code
     * arrivedOn}, oldest order first, each order in one change, and their customers told. A purchase order that then
     * has everything it ordered closes, only now that its lines are served: cut off before, it stays open with its
     * goods on the shelf, and the next start serves them and closes it.
     */
    public Served serve(PurchaseOrder po, PurchaseOrder receivedSoFar, boolean all, LocalDate arrivedOn) {
        Plan plan = plan(po, receivedSoFar, all);
        Plan shared = reserveSpareUnits(receivedSoFar, plan);
        // The lines planned first, and the takers of the plan the reservation held (planned again if it changed).
        List<OrderOperations.Arrived> arrived = makeReady(po.number(), plan.withTakers(shared.takers()), arrivedOn);
        if (all || receivedSoFar.fullyReceived()) {
            suppliers.markReceived(po.number());
        }
        return new Served(shared, arrived);
    }

    /**
     * The spare units reserved for the lines waiting elsewhere that {@link #planSharing} finds, on this purchase order
     * (with the allocations of its cancelled and refunded lines given back), in one versioned update; {@link
     * #makeReady} then moves them here. Cut off before they move, an allocation is left for a line that is not on
     * that purchase order, which the next start gives back (see {@link StrayAllocations}), and this purchase order,
     * still open, shares its units again then. When it changed since it was read (another receipt, or a new order's
     * line), it is read and planned again.
     *
     * @return the plan with the lines that take spare units; none when there are none, or it kept changing
     */
    private Plan reserveSpareUnits(PurchaseOrder po, Plan plan) {
        PurchaseOrder current = po;
        Plan planned = plan;
        for (int attempt = 0; attempt < 5; attempt++) {
            List<Taker> takers = takers(current, planned);
            if (takers.isEmpty()) {
                return planned;
            }
            List<Allocation> taking = takers.stream().map(Taker::allocation).toList();
            if (suppliers.takeOnShelf(current, taking, freeing(current, planned))) {
                return planned.withTakers(takers);
            }
            current = suppliers.purchaseOrder(po.number()).orElse(null);
            if (current == null) {
                return plan;
            }
            planned = plan(current, current, false);
        }
        log.info("Purchase order {} kept changing; its spare units wait on its shelf", po.number());
        return plan;
    }

    private static Map<String, Map<String, String>> byOrder(List<Taker> takers) {
        Map<String, Map<String, String>> byOrder = new LinkedHashMap<>();
        takers.forEach(taker -> byOrder.computeIfAbsent(taker.order().id(), id -> new LinkedHashMap<>())
                .put(taker.lineId(), taker.from()));
        return byOrder;
    }

    /**
     * Each order's lines made ready in one change, in the plan's order: its own lines on {@code purchaseOrder}, and
     * those that take spare units there. Then each taker's allocation on the purchase order it waited for is given
     * back, or, where it no longer waited there (cancelled, or goods came), the one reserved for it here.
     */
    private List<OrderOperations.Arrived> makeReady(String purchaseOrder, Plan plan, LocalDate arrivedOn) {
        Map<String, Map<String, String>> takers = plan.takersByOrder();
        List<OrderOperations.Arrived> arrived = new ArrayList<>();
        for (Order order : plan.ordersReady()) {
            String orderId = order.id();
            Map<String, String> from = takers.getOrDefault(orderId, Map.of());
            OrderOperations.Taken taken = operations.goodsArrived(
                    orderId, plan.ready().getOrDefault(orderId, List.of()), from, purchaseOrder, arrivedOn);
            arrived.add(taken.arrived());
            from.forEach((lineId, waitedFor) -> {
                if (!taken.lineIds().contains(lineId)) {
                    suppliers.release(purchaseOrder, orderId, lineId);
                } else if (waitedFor != null) {
                    suppliers.release(waitedFor, orderId, lineId);
                }
            });
        }
        return arrived;
    }

    /**
     * Lines these purchase orders took that their goods already on the shelf cover become ready, oldest order first,
     * as if those goods arrived now: counted from the day the last of them was received, and the customer told. Only
     * open purchase orders received in part have such goods.
     *
     * @return the orders with lines made ready, as they are now, by id
     */
    public Map<String, Order> serve(Collection<String> purchaseOrders) {
        return serveEach(new LinkedHashSet<>(purchaseOrders)
                .stream()
                        .flatMap(number -> suppliers.purchaseOrder(number).stream())
                        .toList());
    }

    private Map<String, Order> serveEach(List<PurchaseOrder> purchaseOrders) {
        Map<String, Order> served = new LinkedHashMap<>();
        for (PurchaseOrder po : purchaseOrders) {
            if (po.receivedInPart()) {
                serve(po, po, false, lastReceived(po))
                        .arrived()
                        .forEach(arrived -> served.put(arrived.order().id(), arrived.order()));
            }
        }
        return served;
    }

    /** The units on the purchase order's shelf per SKU that no line waiting for it takes now. */
    public Map<String, Integer> unitsLeft(PurchaseOrder po) {
        return plan(po, po, false).spare();
    }

    /**
     * The line of {@code order} made ready from {@code po}'s shelf, as {@link #serve} would: worked out on the order
     * given, which this changes and the caller discards; nothing is stored.
     */
    public void readyOnCopy(Order order, String lineId, PurchaseOrder po) {
        operations.newsIfReady(order, List.of(lineId), lastReceived(po));
    }

    /** The day the last of the purchase order's goods came; today for one received before receipts were kept. */
    private LocalDate lastReceived(PurchaseOrder po) {
        return po.receipts().stream()
                .map(PurchaseOrder.Receipt::receivedOn)
                .max(Comparator.naturalOrder())
                .orElseGet(() -> LocalDate.now(clock));
    }

    /**
     * At start, the lines that took units already on a shelf while this process went down before serving them (a crash
     * between storing an order and this, or between recording a receipt and serving its lines) are served now: each
     * purchase order received in part is planned once, and one that has received everything it ordered then closes.
     */
    @EventListener(ApplicationReadyEvent.class)
    void serveWhatWasLeft() {
        Map<String, Order> served = serveEach(suppliers.openPurchaseOrders());
        if (!served.isEmpty()) {
            log.info(
                    "Made ready the lines of {} orders left waiting beside their goods when Leadline stopped",
                    served.size());
        }
    }
}
