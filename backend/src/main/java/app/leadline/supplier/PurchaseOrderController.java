package app.leadline.supplier;

import app.leadline.platform.UserError;
import java.security.Principal;
import java.time.LocalDate;
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

    record PurchaseOrderLineInput(String sku, Integer quantity) {}

    record PlacePurchaseOrderInput(
            String number,
            String supplier,
            List<PurchaseOrderLineInput> lines,
            LocalDate sentOn,
            LocalDate confirmedArrival) {}

    record PlacePurchaseOrderPayload(PurchaseOrder purchaseOrder, Boolean created, List<UserError> errors) {}

    @MutationMapping
    PlacePurchaseOrderPayload placePurchaseOrder(@Argument PlacePurchaseOrderInput input, Principal caller) {
        List<NewPurchaseOrder.Line> lines = input.lines() == null
                ? List.of()
                : input.lines().stream()
                        .map(line -> new NewPurchaseOrder.Line(line.sku(), line.quantity()))
                        .toList();
        Purchasing.Outcome outcome = purchasing.place(
                new NewPurchaseOrder(input.number(), input.supplier(), lines, input.sentOn(), input.confirmedArrival()),
                caller.getName());
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
