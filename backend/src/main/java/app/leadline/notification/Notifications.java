package app.leadline.notification;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Sends messages to customers. In the embedded default it keeps them in the outbox (status {@code OUTBOX}) and,
 * when {@code leadline.notifications.echo} is on, prints them to standard output — never to the log, since they
 * carry codes and personal data. A deployment that sends for real (Twilio or SMTP configured) prints nothing, even
 * of a channel left in the outbox: there the output goes to log collectors, and a code there opens the customer's
 * money.
 */
@Service
public class Notifications {

    private final MongoTemplate mongo;
    private final MessageTemplates templates;
    private final MeterRegistry meters;
    private final Clock clock;
    static final int MAX_ATTEMPTS = 5;

    private final boolean echo;
    private final Optional<SmsSender> sms;
    private final Optional<EmailSender> email;
    private final PrintStream out = System.out;
    /** One sender number (or messaging service) and one mail sender: each paced on its own. */
    private final Pacer smsPacer;

    private final Pacer emailPacer;
    /** How long a message may stay SENDING before it is taken for cut off by a crash, and retried. */
    private final Duration retryLease;

    Notifications(
            MongoTemplate mongo,
            MessageTemplates templates,
            Clock clock,
            MeterRegistry meters,
            Optional<SmsSender> sms,
            Optional<EmailSender> email,
            @Value("${leadline.notifications.echo:true}") boolean echo,
            @Value("${leadline.notifications.sms-per-second:10}") double smsPerSecond,
            @Value("${leadline.notifications.email-per-second:20}") double emailPerSecond,
            @Value("${leadline.notifications.retry-lease:2m}") Duration retryLease) {
        this.retryLease = retryLease;
        this.smsPacer = new Pacer(smsPerSecond);
        this.emailPacer = new Pacer(emailPerSecond);
        this.sms = sms;
        this.email = email;
        this.mongo = mongo;
        this.templates = templates;
        this.meters = meters;
        this.clock = clock;
        // Printing is a developer's stand-in for a phone and a mailbox, and only where nothing is sent for real.
        this.echo = echo && sms.isEmpty() && email.isEmpty();
    }

    /** Whether the number replied STOP (and not START since): no SMS can reach it. */
    public boolean smsOptedOut(String phone) {
        return mongo.exists(Query.query(Criteria.where("_id").is(phone)), SmsOptOut.class);
    }

    /**
     * Sends a one-time code the customer asked for, at once (quiet hours do not hold it back), in their language.
     */
    public void sendCode(app.leadline.order.Order order, Message.Channel channel, String code) {
        templates.render(order, "VERIFICATION_CODE", java.util.Map.of("code", code), Optional.empty()).stream()
                .filter(message -> message.channel() == channel)
                .forEach(message -> sendOnce(UUID.randomUUID().toString(), message));
    }

    /** Sends the order's tracking link the customer asked for ("find my order") to one of its contacts, at once. */
    public void sendTrackingLink(app.leadline.order.Order order, Message.Channel channel, String link) {
        templates.render(order, "TRACKING_LINK", java.util.Map.of("link", link), Optional.empty()).stream()
                .filter(message -> message.channel() == channel)
                .forEach(message -> sendOnce(UUID.randomUUID().toString(), message));
    }

    /**
     * Sends a message under an id of the caller's: sending the same id again sends nothing, which is what makes a
     * dispatcher's retry after a crash harmless.
     */
    public void sendOnce(String messageId, Message message) {
        try {
            store(messageId, message);
        } catch (DuplicateKeyException alreadySent) {
            return;
        }
        if (message.channel() == Message.Channel.SMS && smsOptedOut(message.recipient())) {
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(messageId)),
                    Update.update("status", "OPTED_OUT"),
                    OutboxMessage.class);
            count(message.channel(), "OPTED_OUT");
            return;
        }
        deliver(messageId, message, 1, false, clock.instant());
        if (echo && !channelFor(message.channel())) {
            out.println("Outbox " + message.channel() + " to " + message.recipient() + " [" + message.orderNumber()
                    + "]: " + message.text());
        }
    }

    /**
     * Hands the message to its channel, if one is configured, and records what came of it. When an earlier attempt
     * may have gone through ({@code uncertain}), the provider is asked first and the message is not sent twice.
     */
    private void deliver(String messageId, Message message, int attempt, boolean uncertain, Instant createdAt) {
        Optional<Supplier<String>> channel = switch (message.channel()) {
            case SMS ->
                sms.map(sender -> () -> {
                    if (uncertain) {
                        Optional<String> accepted = sender.findAccepted(message.recipient(), message.text(), createdAt);
                        if (accepted.isPresent()) {
                            return accepted.get();
                        }
                    }
                    smsPacer.acquire();
                    return sender.send(message.recipient(), message.text());
                });
            case EMAIL ->
                email.map(sender -> () -> {
                    emailPacer.acquire();
                    return sender.send(messageId, message.recipient(), message.subject(), message.text());
                });
        };
        if (channel.isEmpty()) {
            count(message.channel(), "OUTBOX");
            return;
        }
        Update outcome = new Update().set("attempts", attempt);
        if (uncertain) {
            // An earlier attempt may have gone through: agents see that this message may have reached the customer
            // twice (an SMS is looked up in Twilio first; an e-mail cannot be, and keeps its Message-ID).
            outcome.set("uncertain", true);
        }
        String status;
        try {
            outcome.set("providerId", channel.get().get()).unset("nextAttemptAt");
            status = "SENT";
        } catch (DeliveryFailure failure) {
            outcome.set("error", failure.getMessage());
            if (failure.isUncertain()) {
                outcome.set("uncertain", true);
            }
            failure.retryAfter().ifPresent(pause -> pacerFor(message.channel()).pauseFor(pause));
            if (failure.isTransient() && attempt < MAX_ATTEMPTS) {
                Duration backoff = backoff(attempt);
                Duration wait = failure.retryAfter()
                        .filter(retryAfter -> retryAfter.compareTo(backoff) > 0)
                        .orElse(backoff);
                outcome.set("nextAttemptAt", clock.instant().plus(wait));
                status = "RETRYING";
            } else {
                outcome.unset("nextAttemptAt");
                status = "FAILED";
            }
        }
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(messageId)), outcome.set("status", status), OutboxMessage.class);
        count(message.channel(), status);
    }

    private void count(Message.Channel channel, String status) {
        meters.counter("leadline.messages", "channel", channel.name(), "status", status)
                .increment();
    }

    private Pacer pacerFor(Message.Channel channel) {
        return channel == Message.Channel.SMS ? smsPacer : emailPacer;
    }

    /**
     * Exponential backoff from 30 seconds, at most an hour, with jitter (±6 s on the first wait, growing with it) so
     * that retries do not bunch up: Spring's own {@link ExponentialBackOff}.
     */
    private static final ExponentialBackOff BACKOFF = backoffPolicy();

    private static ExponentialBackOff backoffPolicy() {
        ExponentialBackOff policy =
                new ExponentialBackOff(Duration.ofSeconds(30).toMillis(), 2.0);
        policy.setMaxInterval(Duration.ofHours(1).toMillis());
        policy.setJitter(Duration.ofSeconds(6).toMillis());
        return policy;
    }

    /** The wait after the given failed attempt (1 for the first). */
    static Duration backoff(int attempt) {
        BackOffExecution waits = BACKOFF.start();
        long wait = waits.nextBackOff();
        for (int i = 1; i < attempt; i++) {
            wait = waits.nextBackOff();
        }
        return Duration.ofMillis(wait);
    }

    @Scheduled(fixedDelayString = "${leadline.notifications.retry-interval:5s}")
    void retryDueMessages() {
        retryDue(clock.instant());
    }

    /**
     * Tries again what is due at {@code now}. Each message is claimed first (its next attempt pushed a lease
     * ahead), so two instances never retry the same message at once.
     */
    int retryDue(Instant now) {
        int tried = 0;
        while (tried < 500) {
            Criteria retrying =
                    Criteria.where("status").is("RETRYING").and("nextAttemptAt").lte(now);
            Criteria cutOff =
                    Criteria.where("status").is("SENDING").and("createdAt").lte(now.minus(retryLease));
            OutboxMessage due = mongo.findAndModify(
                    Query.query(new Criteria().orOperator(retrying, cutOff)),
                    new Update().set("status", "RETRYING").set("nextAttemptAt", now.plus(retryLease)),
                    OutboxMessage.class);
            if (due == null) {
                return tried;
            }
            // Still SENDING means the process died while the channel was being called: it may have gone through, and
            // that call was an attempt of its own.
            boolean cutOffByACrash = "SENDING".equals(due.status());
            boolean uncertain = cutOffByACrash || Boolean.TRUE.equals(due.uncertain());
            int attempts = due.attempts() == null ? 0 : due.attempts();
            deliver(
                    due.id(),
                    due.message(),
                    (cutOffByACrash ? Math.max(attempts, 1) : attempts) + 1,
                    uncertain,
                    due.createdAt());
            tried++;
        }
        return tried;
    }

    /** An agent sends a failed message again, from the first attempt. */
    @PreAuthorize("hasRole('AGENT')")
    public boolean resend(String messageId) {
        return mongo.updateFirst(
                                Query.query(Criteria.where("_id")
                                        .is(messageId)
                                        .and("status")
                                        .in("FAILED", "RETRYING")),
                                new Update()
                                        .set("status", "RETRYING")
                                        .set("nextAttemptAt", clock.instant())
                                        .set("attempts", 0),
                                OutboxMessage.class)
                        .getModifiedCount()
                > 0;
    }

    private boolean channelFor(Message.Channel channel) {
        return channel == Message.Channel.SMS ? sms.isPresent() : email.isPresent();
    }

    private void store(String messageId, Message message) {
        mongo.insert(new OutboxMessage(
                messageId,
                message.channel(),
                message.recipient(),
                message.orderNumber(),
                message.kind(),
                message.subject(),
                message.text(),
                // SENDING until the channel answers: a message still SENDING long after was cut off by a crash
                // before or during the call, and is sent again (see retryDue).
                channelFor(message.channel()) ? "SENDING" : "OUTBOX",
                clock.instant(),
                null,
                null,
                null,
                0,
                null,
                null));
    }

    /** The newest messages in the outbox, for agents: all of them, or one order's. */
    @PreAuthorize("hasRole('AGENT')")
    public List<OutboxMessage> latest(int limit, Optional<String> orderNumber) {
        Query query = orderNumber
                .map(number -> Query.query(Criteria.where("orderNumber").is(number)))
                .orElseGet(Query::new);
        return mongo.find(
                query.with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(Math.min(Math.max(limit, 1), 200)),
                OutboxMessage.class);
    }

    /** One order's messages, newest first, are found by an index of their own in MongoDB. */
    @EventListener(ApplicationReadyEvent.class)
    void indexByOrder() {
        mongo.indexOps(OutboxMessage.class)
                .createIndex(new Index("orderNumber", Sort.Direction.ASC)
                        .on("createdAt", Sort.Direction.DESC)
                        .named("order_created"));
    }
}
