package app.leadline.tracking;

import app.leadline.order.OrderQueries;
import app.leadline.platform.RequestRefused;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The customer's query behind a tracking link. */
@Controller
class TrackingController {

    private final OrderQueries orders;
    private final TrackingRateLimiter rateLimiter;

    TrackingController(OrderQueries orders, TrackingRateLimiter rateLimiter) {
        this.orders = orders;
        this.rateLimiter = rateLimiter;
    }

    @QueryMapping
    TrackedOrder trackOrder(@Argument String token, @ContextValue(name = ClientAddress.KEY) String client) {
        if (!rateLimiter.tryAcquire(client)) {
            throw new RequestRefused("RATE_LIMITED", "Too many lookups from this address; try again in a minute.");
        }
        return orders.byTrackingToken(token).map(TrackedOrder::of).orElse(null);
    }
}
