package app.leadline.console;

import app.leadline.console.ReceiptController.ReceivedUnits;
import app.leadline.order.Shelf;
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
 * Cancelling a purchase order, or what is still to come on one received in part: first what it would do to the lines
 * waiting for it and to the goods that came, then doing it. The preview and the cancellation make the same choices, so
 * what the agent read is what happens.
 */
@Controller
class PurchaseOrderCancellationController {

    private final Purchasing purchasing;
    private final WaitingLines waiting;
    private final Shelf shelf;

    PurchaseOrderCancellationController(Purchasing purchasing, WaitingLines waiting, Shelf shelf) {
        this.purchasing = purchasing;
        this.waiting = waiting;
        this.shelf = shelf;
    }

    record CancelPurchaseOrderInput(String purchaseOrder, String reason) {}

    /**
     * @param notComing per SKU, the units that will not come: all it ordered, or what was still to come on one received
     *     in part
     * @param toStock per SKU, the units that came and that no line takes (too few for a line still waiting, or for no
     *     line): once it closes, they are the shop's stock
     */
    record CancelPurchaseOrderPayload(
            List<WaitingLines.Release> lines,
            Integer customersTold,
            List<ReceivedUnits> notComing,
            List<ReceivedUnits> toStock,
            List<UserError> errors) {

        static CancelPurchaseOrderPayload refused(List<UserError> errors) {
            return new CancelPurchaseOrderPayload(null, null, null, null, errors);
        }

        static CancelPurchaseOrderPayload of(
                List<WaitingLines.Release> lines, Map<String, Integer> notComing, Map<String, Integer> toStock) {
            return new CancelPurchaseOrderPayload(
                    lines,
                    (int) lines.stream()
                            .filter(WaitingLines.Release::customerTold)
                            .map(WaitingLines.Release::orderNumber)
                            .distinct()
                            .count(),
                    ReceivedUnits.of(notComing),
                    ReceivedUnits.of(toStock),
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
            return CancelPurchaseOrderPayload.refused(errors);
        }
        return planned(po.orElseThrow());
    }

    @MutationMapping
    CancelPurchaseOrderPayload cancelPurchaseOrder(@Argument CancelPurchaseOrderInput input, Principal caller) {
        List<UserError> errors = new ArrayList<>();
        Optional<PurchaseOrder> po = purchasing.cancellable(input.purchaseOrder(), input.reason(), errors);
        if (!errors.isEmpty()) {
            return CancelPurchaseOrderPayload.refused(errors);
        }
        CancelPurchaseOrderPayload planned = planned(po.orElseThrow());
        // Received in part, the lines its goods made ready keep their allocations; the others are released.
        Purchasing.Cancelled cancelled = purchasing.cancel(
                input.purchaseOrder(),
                input.reason(),
                caller.getName(),
                planned.audited(),
                po.get().receivedInPart() ? waiting.waitingNoLonger(po.get()) : java.util.Set.of());
        if (!cancelled.errors().isEmpty()) {
            return CancelPurchaseOrderPayload.refused(cancelled.errors());
        }
        return planned;
    }

    /** Where its waiting lines go, what will not come, and what came and goes to stock. */
    private CancelPurchaseOrderPayload planned(PurchaseOrder po) {
        Map<String, Integer> toStock = po.receivedInPart() ? shelf.unitsLeft(po) : Map.of();
        return CancelPurchaseOrderPayload.of(waiting.previewRelease(po), po.stillToCome(), toStock);
    }
}
