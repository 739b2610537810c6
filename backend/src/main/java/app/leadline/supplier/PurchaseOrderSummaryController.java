package app.leadline.supplier;

import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The open purchase orders agents receive goods against, with how many customer lines wait for each. */
@Controller
class PurchaseOrderSummaryController {

    private final SupplierCatalog suppliers;

    PurchaseOrderSummaryController(SupplierCatalog suppliers) {
        this.suppliers = suppliers;
    }

    record PurchaseOrderSummary(
            String number, String supplier, List<String> skus, LocalDate expectedArrival, int allocatedLines) {

        static PurchaseOrderSummary of(PurchaseOrder po) {
            return new PurchaseOrderSummary(
                    po.number(),
                    po.supplier(),
                    po.skus(),
                    po.expectedArrival(),
                    po.allocations().size());
        }
    }

    @QueryMapping
    @PreAuthorize("hasRole('AGENT')")
    List<PurchaseOrderSummary> purchaseOrders() {
        return suppliers.openPurchaseOrders().stream()
                .map(PurchaseOrderSummary::of)
                .toList();
    }
}
