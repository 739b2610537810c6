package app.leadline.support;

import app.leadline.delivery.LeadTime;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.Supplier;
import app.leadline.supplier.SupplierCatalog;
import java.time.LocalDate;
import java.util.List;

/** Suppliers the tests order from: one that backorders with an open purchase order, one that dropships. */
public final class TestSuppliers {

    public static final String BACKORDER_SUPPLIER = "NORDIC-SOFA";
    public static final String DROPSHIP_SUPPLIER = "RHEIN-LICHT";
    public static final String SUPPLIER_WITHOUT_OPEN_PO = "IDLE-MILL";
    public static final String OPEN_PO = "PO-TEST-1";
    public static final LocalDate OPEN_PO_ARRIVAL = LocalDate.now().plusDays(20);

    private TestSuppliers() {}

    public static void register(SupplierCatalog catalog) {
        catalog.save(new Supplier(BACKORDER_SUPPLIER, "Nordic Sofa Works", null));
        catalog.save(new Supplier(DROPSHIP_SUPPLIER, "Rhein Licht", new LeadTime(2, 5)));
        catalog.save(new Supplier(SUPPLIER_WITHOUT_OPEN_PO, "Idle Mill", null));
        if (catalog.purchaseOrdersOf(BACKORDER_SUPPLIER).isEmpty()) {
            catalog.save(PurchaseOrder.open(
                    OPEN_PO, BACKORDER_SUPPLIER, List.of("SOFA-OSLO-3", "CHAIR-OSLO"), OPEN_PO_ARRIVAL));
        }
    }
}
