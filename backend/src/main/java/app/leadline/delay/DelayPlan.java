package app.leadline.delay;

import app.leadline.delay.DelayChunk.Target;
import app.leadline.delivery.EtaCalculator;
import app.leadline.delivery.EtaWindow;
import app.leadline.delivery.SupplierSpread;
import app.leadline.delivery.SupplierSpreads;
import app.leadline.order.LineStatus;
import app.leadline.order.Order;
import app.leadline.order.OrderLine;
import app.leadline.order.OrderQueries;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.SupplierCatalog;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The lines a delay reaches and where it moves each. Lines are found through the purchase orders' allocations
 * (and, for dropshipped items, the supplier's open dropship lines), so the cost follows the affected lines, not
 * the number of orders in the store.
 */
final class DelayPlan {

    private final DelayRequest request;
    private final Map<String, PurchaseOrder> purchaseOrders;
    private final Map<String, List<String>> linesByOrder;

    private DelayPlan(
            DelayRequest request, Map<String, PurchaseOrder> purchaseOrders, Map<String, List<String>> linesByOrder) {
        this.request = request;
        this.purchaseOrders = purchaseOrders;
        this.linesByOrder = linesByOrder;
    }

    static DelayPlan of(DelayRequest request, SupplierCatalog suppliers, OrderQueries orders) {
        DelayScope scope = request.scope();
        List<PurchaseOrder> reached = switch (scope.type()) {
            case PURCHASE_ORDER ->
                suppliers.purchaseOrder(scope.purchaseOrder()).stream().toList();
            case SKU, SUPPLIER ->
                suppliers.purchaseOrdersOf(scope.supplier()).stream()
                        .filter(PurchaseOrder::isOpen)
                        .toList();
        };
        Map<String, PurchaseOrder> byNumber = new LinkedHashMap<>();
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (PurchaseOrder po : reached) {
            byNumber.put(po.number(), po);
            for (PurchaseOrder.Allocation allocation : po.allocations()) {
                if (scope.skuFilter().map(sku -> sku.equals(allocation.sku())).orElse(true)) {
                    lines.computeIfAbsent(allocation.orderId(), id -> new ArrayList<>())
                            .add(allocation.lineId());
                }
            }
        }
        if (scope.type() != DelayScope.Type.PURCHASE_ORDER) {
            for (OrderQueries.LineRef ref : orders.openDropshipLines(scope.supplier(), scope.skuFilter())) {
                lines.computeIfAbsent(ref.orderId(), id -> new ArrayList<>()).add(ref.lineId());
            }
        }
        return new DelayPlan(request, byNumber, lines);
    }

    /** The lines the delay reaches, by order id, in allocation order. */
    Map<String, List<String>> linesByOrder() {
        return java.util.Collections.unmodifiableMap(linesByOrder);
    }

    List<String> orderIds() {
        return List.copyOf(linesByOrder.keySet());
    }

    int lineCount() {
        return linesByOrder.values().stream().mapToInt(List::size).sum();
    }

    List<PurchaseOrder> purchaseOrders() {
        return List.copyOf(purchaseOrders.values());
    }

    List<List<Target>> chunks(int size) {
        List<List<Target>> chunks = new ArrayList<>();
        List<Target> current = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : linesByOrder.entrySet()) {
            current.add(new Target(entry.getKey(), List.copyOf(entry.getValue())));
            if (current.size() == size) {
                chunks.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /**
     * Where a report moves one order's lines, and which of the lines it reached stand on another delay still in
     * force: a receipt taken back leaves a line as late as a SKU's or supplier's delay has it, and that delay, not
     * the reversal, then goes on holding the line (a shorter delay of the purchase order does not bring it forward;
     * the delay's withdrawal moves it back).
     *
     * @param windows the new window of each line moved
     * @param heldBy the delay each reached line's window stands on, by line id, where it is not this report
     */
    record Moves(Map<String, EtaWindow> windows, Map<String, String> heldBy) {}

    /**
     * The new windows of the given (still open) lines of one order. A delay or a correction (a delay withdrawn, a
     * receipt reversed) moves only lines whose latest day it changes, so only their customers are told (a purchase
     * order confirmed earlier than promised moves no line that was never late); a withdrawal leaves
     * lines another delay moved since. A delay for the same scope as the one that last moved a line corrects it, to
     * an earlier date too; a delay for another scope never moves the line earlier than it is now, and leaves it, its
     * customer untold, when it would not move it later: a purchase order five days late does not bring forward the
     * chair of it that its supplier said is nine days late.
     */
    static Moves moves(
            DelayReport report,
            Order order,
            List<String> lineIds,
            Map<String, PurchaseOrder> purchaseOrders,
            EtaCalculator etas,
            SupplierSpreads spreads,
            EarlierDelays earlier) {
        Map<String, EtaWindow> windows = new LinkedHashMap<>();
        Map<String, String> heldBy = new LinkedHashMap<>();
        String country = order.destination().country();
        for (OrderLine line : order.lines()) {
            if (!lineIds.contains(line.id()) || !line.isOpen()) {
                continue;
            }
            if (report.kind() == DelayReport.Kind.WITHDRAWAL
                    && !report.reverses().equals(line.lastDelay())) {
                continue;
            }
            boolean onReachedPurchaseOrder =
                    line.purchaseOrder() != null && purchaseOrders.containsKey(line.purchaseOrder());
            if (onReachedPurchaseOrder
                    && line.status() != LineStatus.AWAITING_SUPPLIER
                    && report.kind() != DelayReport.Kind.RECEIPT_REVERSAL) {
                // Its goods are in: the purchase order's delay is no longer this line's.
                continue;
            }
            Optional<SupplierSpread> spread = line.supplierCode().flatMap(spreads::of);
            Optional<EtaWindow> before = report.kind() == DelayReport.Kind.WITHDRAWAL
                    ? line.windowBefore(report.reverses())
                            .filter(window -> !window.latest().isBefore(etas.today(asOf(report, order))))
                    : Optional.empty();
            EtaWindow window;
            if (before.isPresent()) {
                // A delay withdrawn gives the line back the window it moved it from (spreads learned since, say from a
                // receipt booked meanwhile, do not make it a re-projection); one that time has overtaken is projected
                // anew below.
                window = before.get();
            } else if (onReachedPurchaseOrder) {
                PurchaseOrder po = purchaseOrders.get(line.purchaseOrder());
                LocalDate arrival = report.arrivalFor(po);
                // A day already passed without the goods is projected as the promise watch has it.
                window = line.supplierCode()
                        .map(code -> etas.forPurchaseOrder(asOf(report, order), arrival, country, code, spreads))
                        .orElseGet(() -> etas.forBackorder(asOf(report, order), arrival, country, spread));
            } else if (report.kind() == DelayReport.Kind.WITHDRAWAL) {
                window = line.windowBeforeDelays();
            } else if (report.newDate() != null) {
                window = etas.forSupplierDispatch(report.newDate(), country, spread);
            } else {
                window = etas.shifted(line.windowBeforeDelays(), report.daysLate(), country);
            }
            if (report.kind() == DelayReport.Kind.RECEIPT_REVERSAL && onReachedPurchaseOrder) {
                // Waiting again, the line is as late as a supplier's delay still in force has it.
                Optional<Held> held = heldByDelay(
                        asOf(report, order),
                        order,
                        line,
                        purchaseOrders.get(line.purchaseOrder()),
                        spread,
                        etas,
                        earlier);
                if (held.isPresent() && !held.get().window().latest().isBefore(window.latest())) {
                    heldBy.put(line.id(), held.get().delay());
                }
                EtaWindow projected = window;
                window = held.map(delay -> projected.noEarlierThan(delay.window()))
                        .orElse(window);
            }
            EtaWindow landing = window.landingOn(order.receivingDays());
            if (report.kind() == DelayReport.Kind.DELAY) {
                // A supplier's delay never moves a line earlier than it was before any delay: a learned spread that
                // says the supplier comes early (say, since goods of the same purchase order came early) could
                // otherwise turn "three days late" into an earlier date.
                landing = landing.noEarlierThan(line.windowBeforeDelays());
                if (movedByAnotherScope(line, report, earlier)) {
                    landing = landing.noEarlierThan(line.eta());
                }
            }
            if (landing.latest().equals(line.eta().latest())) {
                // Its latest day stays: nothing moves and nobody is told "by 14 January instead of 14 January".
                continue;
            }
            windows.put(line.id(), landing);
        }
        return new Moves(windows, heldBy);
    }

    /**
     * Whether another delay than this one, for another scope, last moved the line. The promise watch's moves are not
     * a supplier's word (a supplier's date, whatever its scope, replaces the watch's guess); nor is a report no longer
     * there.
     */
    private static boolean movedByAnotherScope(OrderLine line, DelayReport report, EarlierDelays earlier) {
        return line.supplierDelay()
                .filter(last -> !last.equals(report.id()))
                .flatMap(earlier::scopeOf)
                .map(scope -> !scope.equals(report.scope().key()))
                .orElse(false);
    }

    /** A delay logged before, by its report's id; empty when there is no such report. */
    @FunctionalInterface
    interface EarlierDelays {

        Optional<DelayReport> report(String reportId);

        /** The scope key of a delay logged before; empty when there is no such report. */
        default Optional<String> scopeOf(String reportId) {
            return report(reportId).map(found -> found.scope().key());
        }

        /** Looks each report up once in the store, for one preview or one chunk of a cascade. */
        static EarlierDelays in(MongoTemplate mongo) {
            Map<String, Optional<DelayReport>> known = new HashMap<>();
            return reportId ->
                    known.computeIfAbsent(reportId, id -> Optional.ofNullable(mongo.findById(id, DelayReport.class)));
        }
    }

    /** A delay still in force, by its report's id, and the window it gives a line. */
    private record Held(String delay, EtaWindow window) {}

    /**
     * The window a supplier's delay still in force gives a line waiting for {@code po}, as that delay projected it:
     * what a receipt taken back must not undercut. Only a delay of a SKU or a supplier counts (a purchase order's
     * delay lives on in the purchase order's arrival); empty when the line's last move was no such delay, or that
     * delay was withdrawn.
     */
    private static Optional<Held> heldByDelay(
            Instant asOf,
            Order order,
            OrderLine line,
            PurchaseOrder po,
            Optional<SupplierSpread> spread,
            EtaCalculator etas,
            EarlierDelays earlier) {
        return line.supplierDelay()
                .flatMap(earlier::report)
                .filter(DelayReport::holdsBeyondItsPurchaseOrders)
                .map(delay -> new Held(
                        delay.id(),
                        etas.forBackorder(
                                asOf, delay.arrivalFor(po), order.destination().country(), spread)));
    }

    /**
     * The moment a report projects an order's lines from: when it was logged, or when the order was placed if that
     * came later. Goods not here yet come that day at the soonest, whatever the supplier's spread says of its date;
     * a cascade resumed after a crash projects as the report's preview did.
     */
    private static Instant asOf(DelayReport report, Order order) {
        return report.createdAt().isAfter(order.placedAt()) ? report.createdAt() : order.placedAt();
    }

    /** A correction's plan: the lines it reaches, by order id, and the purchase orders they wait for. */
    static DelayPlan of(Map<String, PurchaseOrder> purchaseOrders, Map<String, List<String>> linesByOrder) {
        return new DelayPlan(null, purchaseOrders, linesByOrder);
    }

    Map<String, PurchaseOrder> purchaseOrdersByNumber() {
        return purchaseOrders;
    }

    DelayRequest request() {
        return request;
    }
}
