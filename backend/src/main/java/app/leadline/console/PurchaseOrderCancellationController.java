package app.leadline.console;

import app.leadline.order.WaitingLines;
import app.leadline.platform.UserError;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.Purchasing;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Cancelling a purchase order: first what it would do to the lines waiting for it, then doing it. The preview and
 * the cancellation make the same choices, so what the agent read is what happens.
 */
@Controller
class PurchaseOrderCancellationController {

    private final Purchasing purchasing;
    private final WaitingLines waiting;

    PurchaseOrderCancellationController(Purchasing purchasing, WaitingLines waiting) {
        this.purchasing = purchasing;
        this.waiting = waiting;
    }

    record CancelPurchaseOrderInput(String purchaseOrder, String reason) {}

    record CancelPurchaseOrderPayload(List<WaitingLines.Release> lines, Integer customersTold, List<UserError> errors) {

        static CancelPurchaseOrderPayload of(List<WaitingLines.Release> lines) {
            return new CancelPurchaseOrderPayload(
                    lines,
                    (int) lines.stream()
                            .filter(WaitingLines.Release::customerTold)
                            .map(WaitingLines.Release::orderNumber)
                            .distinct()
                            .count(),
                    List.of());
        }

        /** Where the lines go and whom it tells, as the audit log keeps it beside the cancellation. */
        Map<String, String> audited() {
            long toBeOrdered = lines.stream()
                    .filter(line -> line.nextPurchaseOrder() == null)
                    .count();
            return Map.of(
                    "linesMoved", String.valueOf(lines.size() - toBeOrdered),
                    "linesToBeOrdered", String.valueOf(toBeOrdered),
                    "customersTold", String.valueOf(customersTold));
        }
    }

    @QueryMapping
    CancelPurchaseOrderPayload previewCancelPurchaseOrder(@Argument CancelPurchaseOrderInput input) {
        List<UserError> errors = new ArrayList<>();
        Optional<PurchaseOrder> po = purchasing.cancellable(input.purchaseOrder(), input.reason(), errors);
        if (!errors.isEmpty()) {
            return new CancelPurchaseOrderPayload(null, null, errors);
        }
        return CancelPurchaseOrderPayload.of(waiting.previewRelease(po.orElseThrow()));
    }

    @MutationMapping
    CancelPurchaseOrderPayload cancelPurchaseOrder(@Argument CancelPurchaseOrderInput input, Principal caller) {
        List<UserError> errors = new ArrayList<>();
        Optional<PurchaseOrder> po = purchasing.cancellable(input.purchaseOrder(), input.reason(), errors);
        if (!errors.isEmpty()) {
            return new CancelPurchaseOrderPayload(null, null, errors);
        }
        CancelPurchaseOrderPayload planned = CancelPurchaseOrderPayload.of(waiting.previewRelease(po.orElseThrow()));
        Purchasing.Cancelled cancelled =
                purchasing.cancel(input.purchaseOrder(), input.reason(), caller.getName(), planned.audited());
        if (!cancelled.errors().isEmpty()) {
            return new CancelPurchaseOrderPayload(null, null, cancelled.errors());
        }
        return planned;
    }
}
