package app.leadline.order;

import app.leadline.payment.PaymentGateway;
import app.leadline.payment.PaymentOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the payment operations an order holds in its outbox. A change that moves money writes the operation into
 * the order in the same update; it is sent right after, and again by the sweep if the process died in between.
 * The gateway treats the operation id as an idempotency key, so sending twice moves money once.
 */
@Component
class PaymentOutbox {

    private static final Logger log = LoggerFactory.getLogger(PaymentOutbox.class);

    private final PaymentGateway gateway;
    private final org.springframework.beans.factory.ObjectProvider<OrderChanges> changes;
    private final StuckOrders stuck;
    private final java.time.Clock clock;
    private final OrderIndex index;

    PaymentOutbox(
            PaymentGateway gateway,
            org.springframework.beans.factory.ObjectProvider<OrderChanges> changes,
            StuckOrders stuck,
            java.time.Clock clock,
            OrderIndex index) {
        this.index = index;
        this.stuck = stuck;
        this.clock = clock;
        this.gateway = gateway;
        this.changes = changes;
    }

    void send(Order order, OrderChanges via) {
        for (PaymentOperation operation : order.pendingPayments()) {
            try {
                gateway.execute(operation);
            } catch (RuntimeException e) {
                log.warn(
                        "Payment operation {} ({}) for order {} not sent yet: {}",
                        operation.id(),
                        operation.kind(),
                        order.number(),
                        e.toString());
                continue;
            }
            via.applyOnly(order.id(), current -> {
                current.paymentSent(operation.id());
                return null;
            });
        }
    }

    /** Sends what a crash or a failing provider left behind. */
    @Scheduled(
            fixedDelayString = "${leadline.payments.sweep-interval:30s}",
            initialDelayString = "${leadline.payments.sweep-interval:30s}")
    void sweep() {
        // An order set aside (it could not be changed) waits for its retry; the others go on.
        java.util.Set<String> setAside = stuck.waiting(StuckOrders.Work.PAYMENTS, clock.instant());
        for (Order order : index.read(
                OrderIndex.Work.PAYMENTS,
                Criteria.where("pendingPayments.0").exists(true),
                setAside,
                100,
                Order.class)) {
            try {
                send(order, changes.getObject());
                stuck.cleared(java.util.List.of(order.id()), StuckOrders.Work.PAYMENTS);
            } catch (RuntimeException e) {
                stuck.setAside(order.id(), StuckOrders.Work.PAYMENTS, e);
            }
        }
    }
}
