package app.leadline.notification;

import app.leadline.order.NotificationIntent;
import app.leadline.order.Order;
import app.leadline.order.OrderChanges;
import app.leadline.order.OrderQueries;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what orders' outboxes hold. An intent is claimed with a lease (a versioned order update, so two
 * dispatchers cannot both claim it), rendered in the customer's language, sent once per channel under an id
 * derived from the intent (the outbox refuses a second copy), and marked sent. A dispatcher that dies after
 * sending leaves the lease to run out; the next one sends again and the outbox keeps the first copy.
 */
@Component
class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    static final Duration LEASE = Duration.ofMinutes(1);

    private final OrderQueries orders;
    private final OrderChanges changes;
    private final MessageTemplates templates;
    private final Notifications notifications;
    private final Clock clock;

    NotificationDispatcher(
            OrderQueries orders,
            OrderChanges changes,
            MessageTemplates templates,
            Notifications notifications,
            Clock clock) {
        this.orders = orders;
        this.changes = changes;
        this.templates = templates;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${leadline.notifications.dispatch-interval:2s}")
    void dispatchDue() {
        dispatch(200);
    }

    /** Sends up to {@code limit} orders' due intents; returns how many intents were sent. */
    int dispatch(int limit) {
        int sent = 0;
        for (Order candidate : orders.withUnsentNotifications(limit)) {
            List<NotificationIntent> claimed = changes.apply(
                            candidate.id(), order -> order.claimNotifications(clock.instant(), LEASE))
                    .result();
            for (NotificationIntent intent : claimed) {
                try {
                    for (Message message : templates.render(candidate, intent.kind(), intent.details())) {
                        notifications.sendOnce(intent.id() + ":" + message.channel(), message);
                    }
                    changes.apply(candidate.id(), order -> {
                        order.notificationSent(intent.id(), clock.instant());
                        return null;
                    });
                    sent++;
                } catch (RuntimeException e) {
                    log.warn("Intent {} of order {} not sent yet: {}", intent.id(), candidate.number(), e.toString());
                }
            }
        }
        return sent;
    }
}
