package app.leadline.order;

import app.leadline.platform.LeadlineProperties;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Issuing tracking links anew; the previous link of the order stops working at once. */
@Service
public class TrackingLinks {

    private final Orders orders;
    private final OrderChanges changes;
    private final TrackingLinkProperties properties;
    private final LeadlineProperties leadline;
    private final Clock clock;

    TrackingLinks(
            Orders orders,
            OrderChanges changes,
            TrackingLinkProperties properties,
            LeadlineProperties leadline,
            Clock clock) {
        this.orders = orders;
        this.changes = changes;
        this.properties = properties;
        this.leadline = leadline;
        this.clock = clock;
    }

    /** Revokes the order's link; true if there was such an order. */
    public boolean revoke(String orderNumber) {
        return orders.findByNumber(orderNumber)
                .map(order -> changes.apply(order.id(), current -> {
                    current.revokeTrackingLink(clock.instant());
                    return true;
                }))
                .isPresent();
    }

    /** The order's new tracking link, or empty if there is no such order. */
    public Optional<String> reissue(String orderNumber) {
        return orders.findByNumber(orderNumber).map(order -> {
            TrackingToken token = TrackingToken.generate();
            changes.apply(order.id(), current -> {
                current.reissueTrackingLink(token, clock.instant(), properties.linkLifetime());
                return null;
            });
            return leadline.link("/t/" + token.value());
        });
    }
}
