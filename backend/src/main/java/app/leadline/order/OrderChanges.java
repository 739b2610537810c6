package app.leadline.order;

import java.util.function.Function;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Every change to an order goes through here: load, change through the aggregate's own methods, store as one
 * atomic update guarded by the version. When someone else changed the order in between, the change is tried
 * again against the new state — where the aggregate may now refuse it — so two changes never both win silently.
 * Payment operations the change left in the order's outbox are sent afterwards.
 */
@Service
public class OrderChanges {

    static final int ATTEMPTS = 5;

    private final Orders orders;
    private final PaymentOutbox payments;

    OrderChanges(Orders orders, PaymentOutbox payments) {
        this.orders = orders;
        this.payments = payments;
    }

    /** The change's result and the order as stored after it. */
    public record Changed<T>(T result, Order order) {}

    public <T> Changed<T> apply(String orderId, Function<Order, T> change) {
        Changed<T> changed = applyOnly(orderId, change);
        if (!changed.order().pendingPayments().isEmpty()) {
            payments.send(changed.order(), this);
        }
        return changed;
    }

    <T> Changed<T> applyOnly(String orderId, Function<Order, T> change) {
        for (int attempt = 1; ; attempt++) {
            Order order = orders.findById(orderId)
                    .orElseThrow(() -> new OrderRuleViolation("UNKNOWN_ORDER", "order", "There is no such order."));
            T result = change.apply(order);
            try {
                return new Changed<>(result, orders.save(order));
            } catch (OptimisticLockingFailureException conflict) {
                if (attempt == ATTEMPTS) {
                    throw new OrderRuleViolation(
                            "BUSY", "order", "The order is being changed by someone else; try again.");
                }
            }
        }
    }
}
