package app.leadline.notification;

import app.leadline.order.CustomerNews;
import app.leadline.order.CustomerNews.DatesMoved;
import app.leadline.order.CustomerNews.PastPromise;
import app.leadline.order.NotificationIntent;
import app.leadline.order.Order;
import app.leadline.order.OrderChanges;
import app.leadline.order.OrderOperations;
import app.leadline.order.OrderQueries;
import app.leadline.order.StuckOrders;
import app.leadline.order.TrackingLinks;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
    /** How long a claim holds an order's intents by default; past it, another dispatcher takes them over. */
    static final Duration LEASE = Duration.ofMinutes(1);
    /** Orders claimed, and later recorded as sent, together in one write. */
    static final int CHUNK = 100;

    private final OrderQueries orders;
    private final OrderOperations operations;
    private final MessageTemplates templates;
    private final Notifications notifications;
    private final QuietHours quietHours;
    private final TrackingLinks links;
    private final StuckOrders stuck;
    private final Clock clock;
    private final int minEtaShiftDays;
    private final int batchSize;
    private final ExecutorService senders;
    private final int senderCount;
    private final Duration lease;

    NotificationDispatcher(
            OrderQueries orders,
            OrderOperations operations,
            MessageTemplates templates,
            Notifications notifications,
            QuietHours quietHours,
            TrackingLinks links,
            StuckOrders stuck,
            Clock clock,
            @Value("${leadline.notifications.min-eta-shift-days:1}") int minEtaShiftDays,
            @Value("${leadline.notifications.senders:8}") int senders,
            @Value("${leadline.notifications.batch-size:1000}") int batchSize,
            @Value("${leadline.notifications.claim-lease:1m}") Duration lease) {
        this.lease = lease;
        this.batchSize = batchSize;
        this.senderCount = Math.max(1, senders);
        this.senders = Executors.newFixedThreadPool(senderCount, runnable -> {
            Thread thread = new Thread(runnable, "message-sender");
            thread.setDaemon(true);
            return thread;
        });
        this.quietHours = quietHours;
        this.links = links;
        this.stuck = stuck;
        this.minEtaShiftDays = minEtaShiftDays;
        this.orders = orders;
        this.operations = operations;
        this.templates = templates;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${leadline.notifications.dispatch-interval:2s}")
    void dispatchDue() {
        dispatch(batchSize);
    }

    /** Sends up to {@code limit} orders' due intents; returns how many intents were sent. */
    int dispatch(int limit) {
        return dispatch(limit, clock.instant());
    }

    /**
     * As {@link #dispatch(int)}, at the given time. Orders whose customer is in their quiet hours wait; intents of
     * one kind claimed together (two delays in a row, say) become one message.
     */
    int dispatch(int limit, Instant now) {
        // Orders are independent: several senders work through them while the query goes on reading, so sending
        // does not stop between chunks; the pacers keep each channel's rate.
        Semaphore inFlight = new Semaphore(senderCount * 2);
        List<Future<Integer>> sending = new ArrayList<>();
        List<Order> chunk = new ArrayList<>(CHUNK);
        // An order set aside (it could not be changed) waits for its retry; the others go on.
        Set<String> setAside = stuck.waiting(StuckOrders.Work.MESSAGES, now);
        orders.forEachWithUnsentNotifications(limit, now, setAside, order -> {
            chunk.add(order);
            if (chunk.size() == CHUNK) {
                sending.addAll(start(List.copyOf(chunk), now, inFlight));
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            sending.addAll(start(List.copyOf(chunk), now, inFlight));
        }
        int sent = 0;
        for (Future<Integer> future : sending) {
            try {
                sent += future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sent;
            } catch (ExecutionException e) {
                log.warn(
                        "Sending an order's messages failed: {}",
                        e.getCause().getClass().getSimpleName());
            }
        }
        return sent;
    }

    /**
     * Claims a chunk of orders' due intents in one write (orders whose customer is in their quiet hours are leased
     * until the customer's morning instead, so they do not come up again before), hands each order's messages to
     * the senders, and when the last of them is done records the chunk's intents as sent, again in one write. A
     * crash in between leaves the leases to run out; the messages are then sent again under the same ids, which
     * the outbox refuses to send twice.
     */
    private List<Future<Integer>> start(List<Order> chunk, Instant now, Semaphore inFlight) {
        Map<String, Duration> asleep = new LinkedHashMap<>();
        for (Order order : chunk) {
            quietHours
                    .heldUntil(now, order.customer().timeZone())
                    .ifPresent(end -> asleep.put(order.id(), Duration.between(now, end)));
        }
        Map<String, OrderChanges.Changed<List<NotificationIntent>>> claimed =
                operations.claimNotifications(chunk, now, lease, asleep);
        claimed.values().removeIf(claim -> claim.result().isEmpty());
        Map<String, List<String>> done = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger remaining =
                new java.util.concurrent.atomic.AtomicInteger(claimed.size());
        List<Future<Integer>> sending = new ArrayList<>();
        claimed.forEach((orderId, claim) -> {
            inFlight.acquireUninterruptibly();
            sending.add(senders.submit(() -> {
                try {
                    // As the claim left it: its link opens for a lifetime from now.
                    List<String> handled = send(claim.order(), claim.result());
                    done.put(orderId, handled);
                    return handled.size();
                } finally {
                    inFlight.release();
                    if (remaining.decrementAndGet() == 0) {
                        recordSent(claimed, done, now);
                    }
                }
            }));
        });
        return sending;
    }

    /**
     * The id a message of an order's news is sent under, which the outbox sends once: the order's, the news' and the
     * channel's. An intent's id need not be unique beyond its order (a cancellation's was named by its lines, which
     * every order numbers alike, and its customer went untold once another order's had been told).
     */
    static String messageId(String orderId, String newsKey, Message.Channel channel) {
        return orderId + "/" + newsKey + ":" + channel;
    }

    /** Renders and sends one order's claimed intents; returns the ids of those handled (sent, or not worth it). */
    private List<String> send(Order order, List<NotificationIntent> claimed) {
        List<String> handled = new ArrayList<>();
        // News of a kind this version no longer tells is let go.
        claimed.stream().filter(intent -> intent.news().isEmpty()).forEach(intent -> handled.add(intent.id()));
        for (NewsGroups.Group group : NewsGroups.of(order, claimed)) {
            try {
                for (CustomerNews news : group.told()) {
                    if (!worthTelling(news)) {
                        continue;
                    }
                    // The late part of dates news has a key of its own.
                    String key = group.key()
                            + (news instanceof PastPromise && group.told().size() > 1 ? ":late" : "");
                    for (Message message : templates.render(order, news, links.linkOf(order))) {
                        notifications.sendOnce(messageId(order.id(), key, message.channel()), message);
                    }
                }
                group.intents().forEach(intent -> handled.add(intent.id()));
            } catch (RuntimeException e) {
                log.warn(
                        "Intents {} of order {} not sent yet: {}",
                        group.intents().stream().map(NotificationIntent::id).toList(),
                        order.number(),
                        e.getClass().getSimpleName());
            }
        }
        return handled;
    }

    /** Records the chunk's handled intents as sent, starting from the orders as the claim left them. */
    private void recordSent(
            Map<String, OrderChanges.Changed<List<NotificationIntent>>> claimed,
            Map<String, List<String>> handled,
            Instant now) {
        handled.values().removeIf(List::isEmpty);
        if (handled.isEmpty()) {
            return;
        }
        try {
            operations.notificationsSent(
                    handled.keySet().stream().map(id -> claimed.get(id).order()).toList(), handled, now);
        } catch (RuntimeException e) {
            log.warn(
                    "Sent intents not recorded yet (their leases run out): {}",
                    e.getClass().getSimpleName());
        }
    }

    /** On shutdown the sends in hand finish; what is left keeps its lease and is picked up after it runs out. */
    @PreDestroy
    void stop() throws InterruptedException {
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * Small moves inside the promise are not worth a message: an ETA moved by less than {@code
     * leadline.notifications.min-eta-shift-days}. A move past the promise is always told.
     */
    private boolean worthTelling(CustomerNews news) {
        return !(news instanceof DatesMoved moved) || moved.shiftDays() >= minEtaShiftDays;
    }
}
