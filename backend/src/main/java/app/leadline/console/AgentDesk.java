package app.leadline.console;

import app.leadline.order.Order;
import app.leadline.order.OrderChanges;
import app.leadline.order.OrderQueries;
import app.leadline.order.OrderRuleViolation;
import app.leadline.payment.RecordedPayment;
import app.leadline.payment.RecordingPaymentGateway;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** What an agent does to one order. Every method needs the {@code AGENT} role. */
@Service
@PreAuthorize("hasRole('AGENT')")
public class AgentDesk {

    private final OrderQueries orders;
    private final OrderChanges changes;
    private final RecordingPaymentGateway payments;
    private final Clock clock;

    AgentDesk(OrderQueries orders, OrderChanges changes, RecordingPaymentGateway payments, Clock clock) {
        this.payments = payments;
        this.orders = orders;
        this.changes = changes;
        this.clock = clock;
    }

    public List<RecordedPayment> payments(String orderNumber) {
        return payments.recordedFor(orderNumber);
    }

    public Optional<Order> order(String number) {
        return orders.byNumber(number);
    }

    /** Lines leave in a parcel: shipped, and their amount captured through the payment port. */
    public Order recordShipment(
            String orderNumber, List<String> lineIds, String carrier, String trackingNumber, String agent) {
        requireText(carrier, "carrier");
        requireText(trackingNumber, "trackingNumber");
        return changes.apply(
                        existing(orderNumber).id(),
                        order -> order.ship(lineIds, carrier.trim(), trackingNumber.trim(), clock.instant()))
                .order();
    }

    public Order decideRefund(String orderNumber, String refundId, boolean approve, String reason, String agent) {
        requireText(reason, "reason");
        return changes.apply(existing(orderNumber).id(), order -> {
                    order.decideRefund(refundId, approve, agent, reason.trim(), clock.instant());
                    return null;
                })
                .order();
    }

    private Order existing(String number) {
        return orders.byNumber(number)
                .orElseThrow(() ->
                        new OrderRuleViolation("UNKNOWN_ORDER", "orderNumber", "There is no order " + number + "."));
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new OrderRuleViolation("REQUIRED", field, field + " is required.");
        }
    }
}
