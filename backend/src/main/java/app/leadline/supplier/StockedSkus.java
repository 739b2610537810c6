package app.leadline.supplier;

import app.leadline.platform.UserError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The SKUs the shop marks as stocked, each with its supplier and safety stock. */
@Service
public class StockedSkus {

    static final int MAX_SAFETY_STOCK = 1_000_000;

    private final MongoTemplate mongo;
    private final Suppliers suppliers;
    private final Clock clock;

    StockedSkus(MongoTemplate mongo, Suppliers suppliers, Clock clock) {
        this.mongo = mongo;
        this.suppliers = suppliers;
        this.clock = clock;
    }

    /** The stocked SKU as stored, or the errors and nothing stored. */
    public record Outcome(Optional<StockedSku> stocked, List<UserError> errors) {}

    @PreAuthorize("hasRole('AGENT')")
    public List<StockedSku> all() {
        return mongo.findAll(StockedSku.class).stream()
                .sorted(java.util.Comparator.comparing(StockedSku::supplier).thenComparing(StockedSku::sku))
                .toList();
    }

    /** Marks a SKU as stocked (or changes its supplier or safety stock). */
    @PreAuthorize("hasRole('ADMIN')")
    public Outcome mark(String sku, String supplier, Integer safetyStock, String admin) {
        List<UserError> errors = new ArrayList<>();
        if (sku == null || sku.isBlank()) {
            errors.add(new UserError("REQUIRED", "input.sku", "Give the SKU."));
        } else if (sku.trim().length() > 200) {
            errors.add(new UserError("TOO_LONG", "input.sku", "At most 200 characters."));
        }
        Optional<Supplier> found =
                supplier == null || supplier.isBlank() ? Optional.empty() : suppliers.findById(supplier.trim());
        if (supplier == null || supplier.isBlank()) {
            errors.add(new UserError("REQUIRED", "input.supplier", "Choose the supplier the SKU is bought from."));
        } else if (found.isEmpty()) {
            errors.add(new UserError("UNKNOWN_SUPPLIER", "input.supplier", "There is no supplier " + supplier + "."));
        } else if (found.get().leadTime().isEmpty()) {
            errors.add(new UserError(
                    "NO_LEAD_TIME",
                    "input.supplier",
                    "Supplier " + supplier + " has no usual lead time to work a reorder point out from."));
        }
        if (safetyStock == null || safetyStock < 0 || safetyStock > MAX_SAFETY_STOCK) {
            errors.add(new UserError(
                    "INVALID_QUANTITY",
                    "input.safetyStock",
                    "Safety stock is a whole number from 0 to " + MAX_SAFETY_STOCK + "."));
        }
        if (!errors.isEmpty()) {
            return new Outcome(Optional.empty(), errors);
        }
        StockedSku stocked = new StockedSku(sku.trim(), found.get().code(), safetyStock, clock.instant(), admin);
        mongo.save(stocked);
        return new Outcome(Optional.of(stocked), List.of());
    }

    public Optional<Supplier> supplier(String code) {
        return suppliers.findById(code);
    }
}
