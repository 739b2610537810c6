package app.leadline.supplier;

import java.util.List;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The open purchase orders agents receive goods against, with how many customer lines were allocated to each. */
@Controller
class PurchaseOrderSummaryController {

    private final SupplierCatalog suppliers;

    PurchaseOrderSummaryController(SupplierCatalog suppliers) {
        this.suppliers = suppliers;
    }

    @QueryMapping
    @PreAuthorize("hasRole('AGENT')")
    List<PurchaseOrder> purchaseOrders() {
        return suppliers.openPurchaseOrders();
    }

    @SchemaMapping(typeName = "PurchaseOrderSummary")
    int allocatedLines(PurchaseOrder purchaseOrder) {
        return purchaseOrder.allocations().size();
    }
}
