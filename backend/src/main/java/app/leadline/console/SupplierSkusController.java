package app.leadline.console;

import app.leadline.order.OrderQueries;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.SupplierCatalog;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The SKUs a delay of one SKU at a supplier could reach, offered as an agent types one: those its open purchase
 * orders carry, and those of its dropshipped items customers still wait for.
 */
@Controller
class SupplierSkusController {

    private final SupplierCatalog suppliers;
    private final OrderQueries orders;

    SupplierSkusController(SupplierCatalog suppliers, OrderQueries orders) {
        this.suppliers = suppliers;
        this.orders = orders;
    }

    @QueryMapping
    @PreAuthorize("hasRole('AGENT')")
    List<String> supplierSkus(@Argument String supplier) {
        SortedSet<String> skus = new TreeSet<>(orders.openDropshipSkus(supplier));
        suppliers.openPurchaseOrders().stream()
                .filter(po -> po.supplier().equals(supplier))
                .map(PurchaseOrder::skus)
                .forEach(skus::addAll);
        return List.copyOf(skus);
    }
}
