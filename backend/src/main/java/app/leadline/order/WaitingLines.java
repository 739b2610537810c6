package app.leadline.order;

import app.leadline.delivery.EtaCalculator;
import app.leadline.delivery.EtaWindow;
import app.leadline.supplier.PurchaseOrder.Allocation;
import app.leadline.supplier.PurchaseOrderPlaced;
import app.leadline.supplier.PurchaseOrderRef;
import app.leadline.supplier.SupplierCatalog;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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
    private final Clock clock;

    WaitingLines(
            MongoTemplate mongo, SupplierCatalog suppliers, OrderChanges changes, EtaCalculator etas, Clock clock) {
        this.mongo = mongo;
        this.suppliers = suppliers;
        this.changes = changes;
        this.etas = etas;
        this.clock = clock;
    }

    @EventListener
    void allocate(PurchaseOrderPlaced placed) {
        for (Order order : waiting(placed.supplier(), placed.skus())) {
            for (OrderLine line : order.lines()) {
                if (line.waitsToBeOrdered()
                        && placed.supplier().equals(line.supplier())
                        && placed.skus().contains(line.sku())) {
                    allocate(order, line, placed.supplier());
                }
            }
        }
    }

    private void allocate(Order order, OrderLine line, String supplier) {
        Optional<PurchaseOrderRef> po =
                suppliers.reserve(supplier, new Allocation(order.id(), line.id(), line.sku(), line.quantity()));
        if (po.isEmpty()) {
            return;
        }
        EtaWindow window = etas.forBackorder(
                order.placedAt(),
                po.get().expectedArrival(),
                order.destination().country());
        boolean allocated = changes.apply(
                        order.id(),
                        current -> current.allocateToPurchaseOrder(
                                line.id(), po.get().number(), window, clock.instant()))
                .result();
        if (!allocated) {
            suppliers.release(po.get().number(), order.id(), line.id());
        }
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
                        .elemMatch(Criteria.where("supplier")
                                .is(supplier)
                                .and("source")
                                .is(LineSource.BACKORDER)
                                .and("status")
                                .is(LineStatus.AWAITING_SUPPLIER)
                                .and("purchaseOrder")
                                .is(null)
                                .and("sku")
                                .in(skus)))
                .with(Sort.by("placedAt", "_id"));
        return mongo.find(query, Order.class);
    }
}
