package app.leadline.tracking;

import app.leadline.order.OrderQueries;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * An order's tracking page as its customer sees it, for agents: the console shows it beside the order, so that an
 * agent on the phone reads what the customer reads without a link of the customer's. Not counted as a customer's
 * view, and not rate-limited per address as the customer's lookups are: agents sign in.
 */
@Controller
class CustomerViewController {

    private final OrderQueries orders;

    CustomerViewController(OrderQueries orders) {
        this.orders = orders;
    }

    @QueryMapping
    @PreAuthorize("hasRole('AGENT')")
    public TrackedOrder customerView(@Argument String orderNumber) {
        return orders.byNumber(orderNumber).map(TrackedOrder::of).orElse(null);
    }
}
