package app.leadline.tracking;

import app.leadline.order.OrderQueries;
import graphql.GraphqlErrorException;
import java.util.Map;
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
            throw GraphqlErrorException.newErrorException()
                    .message("Too many lookups from this address; try again in a minute.")
                    .extensions(Map.of("code", "RATE_LIMITED"))
                    .build();
        }
        return orders.byTrackingToken(token).map(TrackedOrder::of).orElse(null);
    }
}
