package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Changes to stored orders at chosen moments, for tests of other modules that set an order up (a delay last week, a
 * claim a dispatcher made five minutes ago). Each is one versioned update, as in the application.
 */
public final class OrderFixtures {

    private final OrderChanges changes;

    public OrderFixtures(OrderChanges changes) {
        this.changes = changes;
    }

    public Order applyDelay(
            String orderId,
            String delayId,
            Map<String, EtaWindow> windows,
            String reason,
            String internalNote,
            Instant at) {
        return changes.apply(orderId, order -> order.applyDelay(delayId, windows, reason, internalNote, at))
                .order();
    }

    public Order moveEta(
            String orderId, String lineId, EtaWindow window, String delayId, String reason, String note, Instant at) {
        return changes.apply(orderId, order -> order.moveEta(lineId, window, delayId, reason, note, at))
                .order();
    }

    public List<NotificationIntent> claimNotifications(String orderId, Instant now, Duration lease) {
        return changes.apply(orderId, order -> order.claimNotifications(now, lease))
                .result();
    }

    public Order ship(String orderId, List<String> lineIds, String carrier, String trackingNumber, Instant at) {
        return changes.apply(orderId, order -> order.ship(lineIds, carrier, trackingNumber, at))
                .order();
    }

    /** Goods arrived for lines, which leave in the given window. */
    public Order markReady(String orderId, List<String> lineIds, EtaWindow leaving, Instant at) {
        return changes.apply(orderId, order -> order.markReady(lineIds, leaving, at))
                .order();
    }

    public Order chooseMessageChannels(String orderId, boolean email, boolean sms) {
        return changes.apply(orderId, order -> {
                    order.chooseMessageChannels(email, sms);
                    return null;
                })
                .order();
    }

    /** @return the order after the cancellation (a charged line becomes a refund request) */
    public Order cancelLines(String orderId, List<String> lineIds, Instant at) {
        return changes.apply(orderId, order -> {
                    order.cancelLines(lineIds, at);
                    return null;
                })
                .order();
    }

    public Order decideRefund(String orderId, String refundId, boolean approve, String by, String reason, Instant at) {
        return changes.apply(orderId, order -> {
                    order.decideRefund(refundId, approve, by, reason, at);
                    return null;
                })
                .order();
    }
}
