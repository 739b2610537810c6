package app.leadline.console;

import app.leadline.order.WaitingLines;
import app.leadline.platform.UserError;
import app.leadline.supplier.NewPurchaseOrder;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.Purchasing;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * A purchase order before it is placed: checked as placing it would be, its expected arrival, and the waiting lines
 * it would take with what their customers would be told.
 */
@Controller
class PlacingPreviewController {

    private final Purchasing purchasing;
    private final WaitingLines waiting;

    PlacingPreviewController(Purchasing purchasing, WaitingLines waiting) {
        this.purchasing = purchasing;
        this.waiting = waiting;
    }

    record PlacePurchaseOrderPreview(
            String number,
            String supplier,
            LocalDate expectedArrival,
            boolean estimated,
            List<WaitingLines.Allocated> allocations,
            List<WaitingLines.KeptWaiting> keptWaiting) {}

    record PlacePurchaseOrderPreviewPayload(PlacePurchaseOrderPreview preview, List<UserError> errors) {}

    /** The input is placePurchaseOrder's, bound as placing it takes it. */
    @QueryMapping
    PlacePurchaseOrderPreviewPayload previewPlacePurchaseOrder(@Argument NewPurchaseOrder input, Principal caller) {
        Purchasing.Outcome draft = purchasing.draft(input, caller.getName());
        if (!draft.errors().isEmpty()) {
            return new PlacePurchaseOrderPreviewPayload(null, draft.errors());
        }
        PurchaseOrder po = draft.purchaseOrder().orElseThrow();
        WaitingLines.Placing placing = waiting.previewAllocation(po);
        return new PlacePurchaseOrderPreviewPayload(
                new PlacePurchaseOrderPreview(
                        po.number(),
                        po.supplier(),
                        po.expectedArrival(),
                        po.estimated(),
                        placing.allocations(),
                        placing.keptWaiting()),
                List.of());
    }
}
