package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import app.leadline.platform.UserError;
import java.util.List;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The shop's GraphQL entry for handing orders over. */
@Controller
class OrderIntakeController {

    private final OrderIntake intake;

    OrderIntakeController(OrderIntake intake) {
        this.intake = intake;
    }

    @MutationMapping
    PlaceOrdersPayload placeOrders(@Argument PlaceOrdersInput input) {
        OrderIntake.Outcome outcome = intake.place(input.orders());
        return new PlaceOrdersPayload(
                outcome.orders().stream().map(PlacedOrderView::of).toList(), outcome.errors());
    }

    record PlaceOrdersInput(List<NewOrder> orders) {}

    record PlaceOrdersPayload(List<PlacedOrderView> orders, List<UserError> errors) {}

    record PlacedOrderView(
            String number, boolean created, Optional<String> trackingUrl, EtaWindow eta, List<OrderLine> lines) {

        static PlacedOrderView of(OrderIntake.PlacedOrder placed) {
            Order order = placed.order();
            return new PlacedOrderView(
                    order.number(), placed.created(), placed.trackingUrl(), order.eta(), order.lines());
        }
    }
}
