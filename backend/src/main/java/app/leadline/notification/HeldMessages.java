package app.leadline.notification;

import app.leadline.order.CustomerNews;
import app.leadline.order.NotificationIntent;
import app.leadline.order.Order;
import app.leadline.order.OrderQueries;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * News for customers that waits for the end of their quiet hours: not in the outbox yet, as it is not written until
 * it goes, but what an agent is asked about when a customer says they were told nothing.
 */
@Service
public class HeldMessages {

    /** Orders read at most, of those with news not sent yet. */
    private static final int ORDERS_READ = 500;

    private final OrderQueries orders;
    private final QuietHours quietHours;
    private final Clock clock;

    HeldMessages(OrderQueries orders, QuietHours quietHours, Clock clock) {
        this.orders = orders;
        this.quietHours = quietHours;
        this.clock = clock;
    }

    /**
     * One piece of held news: the order, its customer, the kind of message (as in the outbox), when it was written
     * and when it goes, in the customer's time zone.
     */
    public record HeldMessage(
            String orderNumber,
            String customerName,
            String kind,
            Instant createdAt,
            Instant sendsAt,
            String timeZone) {}

    /** The held news that goes first, up to {@code limit} of it. */
    @PreAuthorize("hasRole('AGENT')")
    public List<HeldMessage> first(int limit) {
        Instant now = clock.instant();
        List<HeldMessage> held = new ArrayList<>();
        for (Order order : orders.withUnsentNotifications(ORDERS_READ)) {
            String zone = order.customer().timeZone();
            Optional<Instant> sendsAt = quietHours.heldUntil(now, zone);
            if (sendsAt.isEmpty()) {
                continue;
            }
            List<NotificationIntent> unsent = order.notifications().stream()
                    .filter(intent -> intent.sent().isEmpty())
                    .toList();
            // As the customer will get it: news of one kind in one message, dates news as the lines stand.
            for (NewsGroups.Group group : NewsGroups.of(order, unsent)) {
                NotificationIntent newest = group.intents().get(group.intents().size() - 1);
                for (CustomerNews news : group.told()) {
                    held.add(new HeldMessage(
                            order.number(),
                            order.customer().name(),
                            news.storedKind(),
                            newest.createdAt(),
                            sendsAt.get(),
                            zone));
                }
            }
        }
        return held.stream()
                .sorted(Comparator.comparing(HeldMessage::sendsAt)
                        .thenComparing(HeldMessage::createdAt)
                        .thenComparing(HeldMessage::orderNumber))
                .limit(limit)
                .toList();
    }
}
