package app.leadline.delay;

import app.leadline.delivery.EtaCalculator;
import app.leadline.delivery.SupplierSpreads;
import app.leadline.order.DelaysInForce;
import app.leadline.order.LineSource;
import app.leadline.order.OrderLine;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.SupplierCatalog;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Delays in force as their reports say. */
@Component
class StoredDelaysInForce implements DelaysInForce {

    private final MongoTemplate mongo;
    private final SupplierCatalog suppliers;
    private final EtaCalculator etas;

    StoredDelaysInForce(MongoTemplate mongo, SupplierCatalog suppliers, EtaCalculator etas) {
        this.mongo = mongo;
        this.suppliers = suppliers;
        this.etas = etas;
    }

    @Override
    public boolean holds(String delayId) {
        return Optional.ofNullable(mongo.findById(delayId, DelayReport.class))
                .map(DelayReport::holdsBeyondItsPurchaseOrders)
                .orElse(false);
    }

    /**
     * The newest delay of each SKU of these suppliers, of each whole supplier and of each of these purchase orders, not
     * withdrawn (a newer delay of the same scope corrects an older one). A line placed since is reached as the delay's cascade reached the lines it
     * found: a dropshipped item by the supplier's new dispatch date, a backordered item on a purchase order the delay
     * found open by the arrival the delay gives it. A delay given as days late reaches no dropshipped item placed
     * after it: late against what, for an order the supplier had not yet?
     */
    @Override
    public NewLines forNewLines(Collection<String> codes, Collection<String> purchaseOrders) {
        if (codes.isEmpty() && purchaseOrders.isEmpty()) {
            return DelaysInForce.super.forNewLines(codes, purchaseOrders);
        }
        List<DelayReport> inForce = mongo
                .find(
                        Query.query(new Criteria()
                                .orOperator(
                                        Criteria.where("scope.supplier")
                                                .in(codes)
                                                .and("scope.type")
                                                .in(DelayScope.Type.SKU, DelayScope.Type.SUPPLIER),
                                        Criteria.where("scope.purchaseOrder")
                                                .in(purchaseOrders)
                                                .and("scope.type")
                                                .is(DelayScope.Type.PURCHASE_ORDER))
                                .and("withdrawnBy")
                                .is(null)),
                        DelayReport.class)
                .stream()
                .filter(DelayReport::holdsNewLines)
                .collect(Collectors.groupingBy(report -> report.scope().key()))
                .values()
                .stream()
                .map(reports -> reports.stream()
                        .max(Comparator.comparing(DelayReport::createdAt))
                        .orElseThrow())
                .toList();
        if (inForce.isEmpty()) {
            return DelaysInForce.super.forNewLines(codes, purchaseOrders);
        }
        Map<String, Optional<PurchaseOrder>> read = new HashMap<>();
        return (line, from, country, spreads) -> inForce.stream()
                .filter(report -> reaches(report, line))
                .flatMap(report -> held(report, line, from, country, spreads, read).stream())
                .max(Comparator.comparing((Held held) -> held.window().latest()));
    }

    private static boolean reaches(DelayReport report, OrderLine line) {
        if (report.scope().type() == DelayScope.Type.PURCHASE_ORDER) {
            return line.purchaseOrderNumber()
                    .filter(report.scope().purchaseOrder()::equals)
                    .isPresent();
        }
        return line.supplierCode().filter(report.scope().supplier()::equals).isPresent()
                && report.scope().skuFilter().map(line.sku()::equals).orElse(true);
    }

    /**
     * The delay's window for the line, and for a line on a purchase order whose date a supplier-wide delay moved, the
     * window from the date it had before.
     */
    private Optional<Held> held(
            DelayReport report,
            OrderLine line,
            Instant from,
            String country,
            SupplierSpreads spreads,
            Map<String, Optional<PurchaseOrder>> purchaseOrders) {
        String supplier = line.supplierCode().orElse(report.scope().supplier());
        if (line.source() == LineSource.DROPSHIP) {
            return Optional.ofNullable(report.newDate())
                    .map(dispatch ->
                            new Held(report.id(), etas.forSupplierDispatch(dispatch, country, spreads.of(supplier))));
        }
        return line.purchaseOrderNumber()
                .flatMap(number -> purchaseOrders.computeIfAbsent(number, suppliers::purchaseOrder))
                .filter(po ->
                        po.isOpen() && (po.placedAt() == null || po.placedAt().isBefore(report.createdAt())))
                .map(po -> new Held(
                        report.id(),
                        etas.forPurchaseOrder(from, report.arrivalFor(po), country, supplier, spreads),
                        Optional.ofNullable(report.arrivalsBefore().get(po.number()))
                                .map(before -> etas.forPurchaseOrder(from, before, country, supplier, spreads))
                                .orElse(null)));
    }
}
