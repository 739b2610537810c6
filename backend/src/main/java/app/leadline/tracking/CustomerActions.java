package app.leadline.tracking;

import app.leadline.notification.Message;
import app.leadline.notification.Notifications;
import app.leadline.order.DeliveryPreference;
import app.leadline.order.Order;
import app.leadline.order.OrderChanges;
import app.leadline.order.OrderQueries;
import app.leadline.order.OrderRuleViolation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What a customer may do from the tracking link: reversible choices with the link alone; anything that moves
 * money only with a one-time code sent to their own contact.
 */
@Service
class CustomerActions {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OrderQueries orders;
    private final OrderChanges changes;
    private final Notifications notifications;
    private final Clock clock;

    CustomerActions(OrderQueries orders, OrderChanges changes, Notifications notifications, Clock clock) {
        this.orders = orders;
        this.changes = changes;
        this.notifications = notifications;
        this.clock = clock;
    }

    Order chooseDelivery(String token, DeliveryPreference preference) {
        return changes.apply(order(token).id(), order -> order.chooseDelivery(preference, "customer", clock.instant()))
                .order();
    }

    Order chooseMessageChannels(String token, boolean email, boolean sms) {
        return changes.apply(order(token).id(), order -> {
                    order.chooseMessageChannels(email, sms);
                    return null;
                })
                .order();
    }

    Order answerFeedback(String token, int score, String comment) {
        return changes.apply(order(token).id(), order -> {
                    order.answerFeedback(score, comment, clock.instant());
                    return null;
                })
                .order();
    }

    record CodeSent(String sentTo, Instant expiresAt) {}

    CodeSent sendCode(String token, Message.Channel channel) {
        Order order = order(token);
        String recipient = switch (channel) {
            case EMAIL -> order.customer().email();
            case SMS ->
                order.customer()
                        .phoneNumber()
                        .orElseThrow(() -> new OrderRuleViolation(
                                "NO_PHONE", "channel", "The shop has no phone number for this order; use e-mail."));
        };
        if (channel == Message.Channel.SMS && notifications.smsOptedOut(recipient)) {
            // Checked before a code is issued: a code nobody can receive would only count against the customer.
            throw new OrderRuleViolation(
                    "SMS_OPTED_OUT",
                    "channel",
                    "SMS is off for this number (it replied STOP); get the code by e-mail, or reply START to turn SMS"
                            + " back on.");
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Instant now = clock.instant();
        changes.apply(order.id(), current -> {
            current.issueVerificationCode(hash(order.id(), code), channel.name(), now, CODE_LIFETIME);
            return null;
        });
        notifications.sendCode(order, channel, code);
        String shown = channel == Message.Channel.EMAIL
                ? TrackedOrder.maskEmail(recipient)
                : TrackedOrder.maskPhone(recipient);
        return new CodeSent(shown, now.plus(CODE_LIFETIME));
    }

    /**
     * Cancels lines once the code is right. A wrong code is remembered (it counts towards the limit) and nothing
     * else changes; asking again for lines already cancelled changes nothing and needs no code.
     */
    Order cancelLines(String token, List<String> lineIds, String code) {
        Order order = order(token);
        if (order.alreadyCancelled(lineIds)) {
            return order;
        }
        Instant now = clock.instant();
        String presented = hash(order.id(), code == null ? "" : code.trim());
        OrderChanges.Changed<Optional<OrderRuleViolation>> changed = changes.apply(order.id(), current -> {
            lineIds.forEach(current::line);
            if (lineIds.stream().noneMatch(id -> current.cancellable(current.line(id)))) {
                throw new OrderRuleViolation("LINE_NOT_CANCELLABLE", "lineIds", "These items cannot be cancelled now.");
            }
            Optional<OrderRuleViolation> refused = current.useVerificationCode(presented, now);
            if (refused.isEmpty()) {
                current.cancelLines(lineIds, now);
            }
            return refused;
        });
        changed.result().ifPresent(refusal -> {
            throw refusal;
        });
        return changed.order();
    }

    private Order order(String token) {
        return orders.byTrackingToken(token)
                .orElseThrow(() -> new OrderRuleViolation("NOT_FOUND", "token", "This link does not open an order."));
    }

    private static String hash(String orderId, String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((orderId + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
