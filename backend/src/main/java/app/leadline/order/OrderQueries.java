package app.leadline.order;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reading orders, for the modules that show them. */
@Service
public class OrderQueries {

    private final Orders orders;
    private final Clock clock;

    OrderQueries(Orders orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    /**
     * The order a tracking token opens. Unknown, expired, revoked and malformed tokens all give an empty answer,
     * so a caller cannot tell them apart.
     */
    public Optional<Order> byTrackingToken(String presented) {
        return TrackingToken.parse(presented)
                .flatMap(token -> orders.findByTrackingTokenHash(token.hash()))
                .filter(order -> order.trackableAt(clock.instant()));
    }

    public Optional<Order> byNumber(String number) {
        return orders.findByNumber(number);
    }

    public long count() {
        return orders.count();
    }
}
