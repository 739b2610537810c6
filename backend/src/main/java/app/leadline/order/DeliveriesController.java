package app.leadline.order;

import app.leadline.platform.UserError;
import java.time.Instant;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The shop's GraphQL entry for reporting deliveries. */
@Controller
class DeliveriesController {

    private final Deliveries deliveries;

    DeliveriesController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    record MarkDeliveredInput(String orderNumber, String trackingNumber, Instant deliveredAt) {}

    record Delivery(String orderNumber, String trackingNumber, Instant deliveredAt, List<String> lineIds) {}

    record MarkDeliveredPayload(Delivery delivery, List<UserError> errors) {}

    @MutationMapping
    MarkDeliveredPayload markDelivered(@Argument MarkDeliveredInput input) {
        try {
            Order order = deliveries.markDelivered(input.orderNumber(), input.trackingNumber(), input.deliveredAt());
            return order.shipments().stream()
                    .filter(shipment -> shipment.trackingNumber()
                            .equals(input.trackingNumber().strip()))
                    .findFirst()
                    .map(shipment -> new MarkDeliveredPayload(
                            new Delivery(
                                    order.number(),
                                    shipment.trackingNumber(),
                                    shipment.deliveredAt(),
                                    shipment.lineIds()),
                            List.of()))
                    .orElseThrow();
        } catch (OrderRuleViolation refused) {
            return new MarkDeliveredPayload(null, List.of(refused.asUserError()));
        }
    }
}
