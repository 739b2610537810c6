package app.leadline.delay;

import app.leadline.platform.UserError;
import app.leadline.supplier.PurchaseOrder;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The GraphQL entry for a supplier's confirmation of a purchase order's arrival: preview, then confirm. */
@Controller
class PurchaseOrderConfirmationController {

    private final PurchaseOrderConfirmations confirmations;

    PurchaseOrderConfirmationController(PurchaseOrderConfirmations confirmations) {
        this.confirmations = confirmations;
    }

    record ConfirmPurchaseOrderInput(
            String purchaseOrder, LocalDate arrival, String reasonCode, String reasonText, String internalNote) {

        PurchaseOrderConfirmations.Confirmation confirmation() {
            return new PurchaseOrderConfirmations.Confirmation(
                    purchaseOrder, arrival, reasonCode, reasonText, internalNote);
        }
    }

    record ConfirmPurchaseOrderPayload(
            DelayPreview preview, DelayReport report, PurchaseOrder purchaseOrder, List<UserError> errors) {

        static ConfirmPurchaseOrderPayload of(PurchaseOrderConfirmations.Outcome outcome) {
            return new ConfirmPurchaseOrderPayload(
                    outcome.preview().orElse(null),
                    outcome.report().orElse(null),
                    outcome.purchaseOrder().orElse(null),
                    outcome.errors());
        }
    }

    @QueryMapping
    ConfirmPurchaseOrderPayload previewPurchaseOrderConfirmation(@Argument ConfirmPurchaseOrderInput input) {
        return ConfirmPurchaseOrderPayload.of(confirmations.preview(input.confirmation()));
    }

    @MutationMapping
    ConfirmPurchaseOrderPayload confirmPurchaseOrder(@Argument ConfirmPurchaseOrderInput input, Principal agent) {
        return ConfirmPurchaseOrderPayload.of(confirmations.confirm(input.confirmation(), agent.getName()));
    }
}
