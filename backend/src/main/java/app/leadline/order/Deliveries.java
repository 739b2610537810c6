package app.leadline.order;

import java.time.Clock;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Parcels reaching their customers, as the shop reports them. */
@Service
class Deliveries {

    private final Orders orders;
    private final OrderChanges changes;
    private final Clock clock;

    Deliveries(Orders orders, OrderChanges changes, Clock clock) {
        this.orders = orders;
        this.changes = changes;
        this.clock = clock;
    }

    /** The parcel is delivered; its lines become delivered on that day and the customer is told (once). */
    @PreAuthorize("hasAuthority('SCOPE_orders:write')")
    public Order markDelivered(String orderNumber, String trackingNumber, Instant deliveredAt) {
        return markDeliveredAsReported(orderNumber, trackingNumber, deliveredAt);
    }

    /** The same, reported by a carrier whose signature {@link DeliveryWebhook} has checked. */
    Order markDeliveredAsReported(String orderNumber, String trackingNumber, Instant deliveredAt) {
        Order order = orders.findByNumber(orderNumber)
                .orElseThrow(() ->
                        new OrderRuleViolation("UNKNOWN_ORDER", "orderNumber", "There is no order with that number."));
        return changes.apply(
                        order.id(),
                        current -> current.markDelivered(trackingNumber.strip(), deliveredAt, clock.instant()))
                .order();
    }
}
