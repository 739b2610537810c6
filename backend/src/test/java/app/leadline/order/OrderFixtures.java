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

    /**
     * Mid-morning of the day after a line's promise: a parcel that leaves then comes late, which a refund request for
     * lateness needs (one that leaves in time for the promise is not late, whatever it was expected at before).
     */
    public static Instant dayAfterPromise(Order order, String lineId) {
        return order.line(lineId).promisedDate().plusDays(1).atTime(10, 0).toInstant(java.time.ZoneOffset.UTC);
    }

    /** The carrier's window for a parcel that left at {@code at} for Denmark, as Leadline counts it by default. */
    static EtaWindow shippedOn(Instant at) {
        return app.leadline.delivery.EtaCalculator.withDefaults().forShipped(at, "DK");
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

    /** The delay {@code delayId} withdrawn by {@code withdrawalId}: the lines go back to the given windows. */
    public Order withdraw(
            String orderId, String withdrawalId, String delayId, Map<String, EtaWindow> windows, Instant at) {
        return changes.apply(
                        orderId,
                        order -> order.applyDelay(
                                withdrawalId, windows, Map.of(), "", SystemNote.withdrawn(delayId, "agent", at), at))
                .order();
    }

    public Order moveEta(
            String orderId, String lineId, EtaWindow window, String delayId, String reason, String note, Instant at) {
        return changes.apply(orderId, order -> order.moveEta(lineId, window, delayId, reason, note, at))
                .order();
    }

    public List<NotificationIntent> claimNotifications(String orderId, Instant now, Duration lease) {
        return changes.apply(orderId, order -> order.claimNotifications(now, lease, Duration.ofDays(180)))
                .result();
    }

    public Order ship(String orderId, List<String> lineIds, String carrier, String trackingNumber, Instant at) {
        return changes.apply(
                        orderId, order -> order.ship(lineIds, carrier, trackingNumber, at, OrderFixtures.shippedOn(at)))
                .order();
    }

    /** Goods arrived for lines, which leave in the given window. */
    public Order markReady(String orderId, List<String> lineIds, EtaWindow leaving, Instant at) {
        return changes.apply(orderId, order -> order.markReady(lineIds, leaving, at))
                .order();
    }

    /** A line waiting to be ordered now waits for the purchase order, in the given window. */
    public Order allocate(String orderId, String lineId, String purchaseOrder, EtaWindow window, Instant at) {
        return changes.apply(orderId, order -> order.allocateToPurchaseOrder(lineId, purchaseOrder, window, at))
                .order();
    }

    /** A receipt against the purchase order was taken back: lines it made ready wait for it again. */
    public Order returnToWaiting(String orderId, String purchaseOrder, List<String> lineIds, Instant at) {
        return changes.apply(orderId, order -> order.returnToWaiting(purchaseOrder, lineIds, at, null))
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
