package app.leadline.tracking;

import app.leadline.notification.Message;
import app.leadline.notification.Notifications;
import app.leadline.order.DeliveryPreference;
import app.leadline.order.Order;
import app.leadline.order.OrderOperations;
import app.leadline.order.OrderQueries;
import app.leadline.order.OrderRuleViolation;
import app.leadline.order.WaitingLines;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
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
    private final OrderOperations operations;
    private final WaitingLines waitingLines;
    private final Notifications notifications;
    private final Clock clock;

    CustomerActions(
            OrderQueries orders,
            OrderOperations operations,
            WaitingLines waitingLines,
            Notifications notifications,
            Clock clock) {
        this.waitingLines = waitingLines;
        this.orders = orders;
        this.operations = operations;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * The customer's choice of delivery; the code confirms extra shipping when ready items first costs some (it is
     * not needed, and not used, otherwise).
     */
    Order chooseDelivery(String token, DeliveryPreference preference, String code) {
        Order order = order(token);
        String presented = code == null || code.isBlank() ? null : hash(order.id(), code.trim());
        return operations.chooseDelivery(order.id(), preference, "customer", presented);
    }

    Order chooseMessageChannels(String token, boolean email, boolean sms) {
        return operations.chooseMessageChannels(order(token).id(), email, sms);
    }

    Order chooseMessageLanguage(String token, String language) {
        return operations.chooseMessageLanguage(order(token).id(), language);
    }

    Order answerFeedback(String token, int score, String comment) {
        return operations.answerFeedback(order(token).id(), score, comment);
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
        operations.issueVerificationCode(order.id(), hash(order.id(), code), channel.name(), CODE_LIFETIME);
        notifications.sendCode(order, channel, code);
        String shown = channel == Message.Channel.EMAIL
                ? TrackedOrder.maskEmail(recipient)
                : TrackedOrder.maskPhone(recipient);
        return new CodeSent(shown, now.plus(CODE_LIFETIME));
    }

    /**
     * Cancels lines once the code is right, and gives back what they held of purchase orders. A wrong code is
     * remembered (it counts towards the limit) and nothing else changes; asking again for lines already cancelled
     * needs no code and only gives back what a cut-off request had not.
     */
    Order cancelLines(String token, List<String> lineIds, String code) {
        Order order = order(token);
        Order cancelled = order.alreadyCancelled(lineIds)
                ? order
                : operations.cancelLinesWithCode(
                        order.id(), lineIds, hash(order.id(), code == null ? "" : code.trim()));
        waitingLines.giveBackUnitsOf(cancelled);
        return cancelled;
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
