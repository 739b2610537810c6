package app.leadline.supplier;

import app.leadline.supplier.PurchaseOrder.Allocation;
import app.leadline.supplier.PurchaseOrder.Status;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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

    SupplierCatalog(Suppliers suppliers, PurchaseOrders purchaseOrders, MongoTemplate mongo) {
        this.suppliers = suppliers;
        this.purchaseOrders = purchaseOrders;
        this.mongo = mongo;
    }

    public Optional<Supplier> find(String code) {
        return suppliers.findById(code);
    }

    /** The open purchase order a backordered line of this SKU would wait for, if the supplier has one. */
    public Optional<PurchaseOrderRef> openPurchaseOrderFor(String supplier, String sku) {
        return purchaseOrders
                .findFirstBySupplierAndStatusAndSkusContainingOrderByExpectedArrivalAsc(supplier, Status.OPEN, sku)
                .or(() -> purchaseOrders.findFirstBySupplierAndStatusOrderByExpectedArrivalAsc(supplier, Status.OPEN))
                .map(po -> new PurchaseOrderRef(po.number(), po.expectedArrival()));
    }

    /**
     * Records that the given order lines wait for the purchase order. Idempotent: a line already allocated is
     * not added twice.
     */
    public void allocate(String purchaseOrder, Collection<Allocation> lines) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(purchaseOrder)),
                new Update().addToSet("allocations").each(lines.toArray()),
                PurchaseOrder.class);
    }

    public Optional<PurchaseOrder> purchaseOrder(String number) {
        return purchaseOrders.findById(number);
    }

    /** A supplier's new word on when a purchase order arrives; lines placed from now on are promised by it. */
    public void moveExpectedArrival(String purchaseOrder, java.time.LocalDate arrival) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(purchaseOrder)),
                new Update().set("expectedArrival", arrival),
                PurchaseOrder.class);
    }

    /** The purchase order has arrived in full: it closes, and delays can no longer be logged against it. */
    public void markReceived(String purchaseOrder) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(purchaseOrder)),
                new Update().set("status", PurchaseOrder.Status.RECEIVED),
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
