package app.leadline.console;

import app.leadline.order.WaitingLines;
import app.leadline.supplier.PlacingEffects;
import app.leadline.supplier.PurchaseOrder;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A purchase order in a CSV file, as its import's review says it: which waiting lines it takes and which customers
 * are told a new latest date, worked out as the buy list's review works it out.
 */
@Component
class ImportedPurchaseOrderEffects implements PlacingEffects {

    private final WaitingLines waiting;

    ImportedPurchaseOrderEffects(WaitingLines waiting) {
        this.waiting = waiting;
    }

    @Override
    public Optional<Effects> of(PurchaseOrder draft, Set<String> takenBefore) {
        WaitingLines.Placing placing = waiting.previewAllocation(draft, takenBefore);
        if (placing.allocations().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Effects(
                placing.allocations().stream()
                        .map(WaitingLines.Allocated::orderNumber)
                        .distinct()
                        .toList(),
                placing.allocations().stream()
                        .filter(WaitingLines.Allocated::customerTold)
                        .map(WaitingLines.Allocated::orderNumber)
                        .distinct()
                        .toList(),
                placing.allocations().stream()
                        .map(allocated -> WaitingLines.lineKey(allocated.orderNumber(), allocated.lineId()))
                        .collect(Collectors.toSet())));
    }
}
