package app.leadline.supplier;

import app.leadline.platform.CsvTable;
import java.security.Principal;
import java.time.LocalDate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The GraphQL face of the shop's spreadsheets: suppliers and purchase orders in, purchase-order history out. */
@Controller
class SupplierImportController {

    private final SupplierImports imports;
    private final PurchaseOrderHistory history;

    SupplierImportController(SupplierImports imports, PurchaseOrderHistory history) {
        this.imports = imports;
        this.history = history;
    }

    record CsvImportInput(String csv, Boolean dryRun) {

        boolean preview() {
            return Boolean.TRUE.equals(dryRun);
        }
    }

    @MutationMapping
    CsvTable.Outcome importSuppliers(@Argument CsvImportInput input, Principal admin) {
        return imports.suppliers(input.csv(), input.preview(), admin.getName());
    }

    @MutationMapping
    CsvTable.Outcome importPurchaseOrders(@Argument CsvImportInput input, Principal caller) {
        return imports.purchaseOrders(input.csv(), input.preview(), caller.getName());
    }

    @QueryMapping
    String purchaseOrderHistoryCsv(@Argument String supplier, @Argument LocalDate sentSince) {
        return history.csv(supplier, sentSince);
    }
}
