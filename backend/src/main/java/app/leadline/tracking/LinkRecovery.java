package app.leadline.tracking;

import app.leadline.notification.Message;
import app.leadline.notification.Notifications;
import app.leadline.order.Order;
import app.leadline.order.OrderQueries;
import app.leadline.order.OrderRuleViolation;
import app.leadline.order.TrackingLinks;
import io.github.bucket4j.BucketConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * "Find my order" for a customer whose link is lost or dead: the order number and the e-mail or phone on the order
 * send the order's link to that contact, never to the screen. The answer is the same whether anything matched, and
 * attempts are limited per client network and per order number, so that it tells a stranger nothing and cannot be
 * used to flood a customer.
 */
@Service
class LinkRecovery {

    private final OrderQueries orders;
    private final TrackingLinks links;
    private final Notifications notifications;
    private final StoredBuckets buckets;
    private final BucketConfiguration perClient;
    private final BucketConfiguration perOrder;

    LinkRecovery(
            OrderQueries orders,
            TrackingLinks links,
            Notifications notifications,
            MongoTemplate mongo,
            Clock clock,
            LinkRecoveryProperties limits) {
        this.orders = orders;
        this.links = links;
        this.notifications = notifications;
        // Swept with the tracking limiter's buckets (same collection): each is forgotten once it is full again.
        this.buckets = new StoredBuckets(mongo, clock, Duration.ofMinutes(1), false);
        this.perClient = hourly(limits.perClientPerHour());
        this.perOrder = hourly(limits.perOrderPerHour());
    }

    private static BucketConfiguration hourly(int attempts) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(attempts).refillGreedy(attempts, Duration.ofHours(1)))
                .build();
    }

    /**
     * Sends the link if the contact is the order's; refuses only when the client or the order number asked too
     * often.
     */
    void requestLink(String orderNumber, String contact, String client) {
        String number = orderNumber == null ? "" : orderNumber.strip();
        boolean allowed = buckets.builder()
                        .build("link:client:" + TrackingRateLimiter.network(client), () -> perClient)
                        .tryConsume(1)
                && buckets.builder()
                        .build("link:order:" + number.toLowerCase(Locale.ROOT), () -> perOrder)
                        .tryConsume(1);
        if (!allowed) {
            throw new OrderRuleViolation(
                    "RATE_LIMITED", "orderNumber", "Too many requests for a link; try again in an hour.");
        }
        // As the shop wrote it, or in capitals, as shops write their numbers and customers may not retype them.
        orders.byNumber(number)
                .or(() -> orders.byNumber(number.toUpperCase(Locale.ROOT)))
                .ifPresent(order -> channelOf(order, contact)
                        .ifPresent(channel -> links.linkOf(order)
                                .or(() -> links.reissue(order.number()))
                                .ifPresent(link -> notifications.sendTrackingLink(order, channel, link))));
    }

    /** The channel the given contact is on this order: its e-mail (any case) or its phone (any spacing). */
    private static Optional<Message.Channel> channelOf(Order order, String contact) {
        String given = contact == null ? "" : contact.strip();
        if (given.equalsIgnoreCase(order.customer().email())) {
            return Optional.of(Message.Channel.EMAIL);
        }
        String digits = digits(given);
        return order.customer()
                .phoneNumber()
                .filter(phone -> digits.length() >= 6 && digits(phone).endsWith(digits))
                .map(phone -> Message.Channel.SMS);
    }

    private static String digits(String text) {
        return text.replaceAll("\\D", "");
    }
}
