package app.leadline.console;

import app.leadline.order.WaitingLines;
import app.leadline.supplier.PlacingEffects;
import app.leadline.supplier.PurchaseOrder;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A purchase order in a CSV file, as its import's review says it: which waiting lines it takes and which customers
 * are told a new latest date, worked out as the buy list's review works it out.
 */
@Component
class ImportedPurchaseOrderEffects implements PlacingEffects {

    /** How many orders a sentence names before it counts the rest. */
    private static final int NAMED = 10;

    private final WaitingLines waiting;

    ImportedPurchaseOrderEffects(WaitingLines waiting) {
        this.waiting = waiting;
    }

    @Override
    public Optional<String> describe(PurchaseOrder draft) {
        WaitingLines.Placing placing = waiting.previewAllocation(draft);
        if (placing.allocations().isEmpty()) {
            return Optional.empty();
        }
        List<String> taking = placing.allocations().stream()
                .map(WaitingLines.Allocated::orderNumber)
                .distinct()
                .toList();
        List<String> told = placing.allocations().stream()
                .filter(WaitingLines.Allocated::customerTold)
                .map(WaitingLines.Allocated::orderNumber)
                .distinct()
                .toList();
        return Optional.of("Lines waiting to be ordered that it takes: "
                + placing.allocations().size() + " (" + named(taking)
                + "); customers told of a new latest date: " + told.size()
                + (told.isEmpty() ? "" : " (" + named(told) + ")") + ".");
    }

    private static String named(List<String> orders) {
        String first = String.join(", ", orders.subList(0, Math.min(NAMED, orders.size())));
        return orders.size() > NAMED ? first + " and " + (orders.size() - NAMED) + " more" : first;
    }
}
