package app.leadline.order;

import java.time.Instant;
import java.util.List;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Agents' view of the orders background work has set aside. */
@Controller
class StuckOrdersController {

    private final StuckOrders stuck;

    StuckOrdersController(StuckOrders stuck) {
        this.stuck = stuck;
    }

    @QueryMapping
    @PreAuthorize("hasRole('AGENT')")
    List<StuckOrderView> stuckOrders() {
        return stuck.all().stream().map(StuckOrderView::of).toList();
    }

    record StuckOrderView(
            String orderNumber,
            StuckOrders.Work work,
            String error,
            int failures,
            Instant firstFailedAt,
            Instant retryAt) {

        static StuckOrderView of(StuckOrders.StuckOrder stuck) {
            return new StuckOrderView(
                    stuck.number(),
                    stuck.work(),
                    stuck.error(),
                    stuck.failures(),
                    stuck.firstFailedAt(),
                    stuck.retryAt());
        }
    }
}
