package app.leadline.supplier;

import app.leadline.platform.UserError;
import java.security.Principal;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The GraphQL face of purchase orders: placing them and reading their history. */
@Controller
class PurchaseOrderController {

    private final Purchasing purchasing;

    PurchaseOrderController(Purchasing purchasing) {
        this.purchasing = purchasing;
    }

    record PlacePurchaseOrderPayload(PurchaseOrder purchaseOrder, Boolean created, List<UserError> errors) {}

    /** The input binds as the purchase order handed over, checked by {@link Purchasing#place}. */
    @MutationMapping
    PlacePurchaseOrderPayload placePurchaseOrder(@Argument NewPurchaseOrder input, Principal caller) {
        Purchasing.Outcome outcome = purchasing.place(input, caller.getName());
        return new PlacePurchaseOrderPayload(
                outcome.purchaseOrder().orElse(null),
                outcome.errors().isEmpty() ? outcome.created() : null,
                outcome.errors());
    }

    @QueryMapping
    PurchaseOrder purchaseOrder(@Argument String number) {
        return purchasing.purchaseOrder(number).orElse(null);
    }

    @SchemaMapping(typeName = "PurchaseOrder")
    int allocatedLines(PurchaseOrder purchaseOrder) {
        return purchaseOrder.allocations().size();
    }
}
