package app.leadline.notification;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Sends messages to customers. In the embedded default it keeps them in the outbox (status {@code OUTBOX}) and,
 * when {@code leadline.notifications.echo} is on, prints them to standard output — never to the log, since they
 * carry codes and personal data.
 */
@Service
public class Notifications {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final boolean echo;
    private final Optional<SmsSender> sms;
    private final Optional<EmailSender> email;
    private final PrintStream out = System.out;

    Notifications(
            MongoTemplate mongo,
            Clock clock,
            Optional<SmsSender> sms,
            Optional<EmailSender> email,
            @Value("${leadline.notifications.echo:true}") boolean echo) {
        this.sms = sms;
        this.email = email;
        this.mongo = mongo;
        this.clock = clock;
        this.echo = echo;
    }

    public void send(Message message) {
        sendOnce(UUID.randomUUID().toString(), message);
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
        if (message.channel() == Message.Channel.SMS
                && mongo.exists(Query.query(Criteria.where("_id").is(message.recipient())), SmsOptOut.class)) {
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(messageId)),
                    Update.update("status", "OPTED_OUT"),
                    OutboxMessage.class);
            return;
        }
        Optional<Supplier<String>> delivery = switch (message.channel()) {
            case SMS -> sms.map(sender -> () -> sender.send(message.recipient(), message.text()));
            case EMAIL ->
                email.map(sender -> () -> sender.send(message.recipient(), message.subject(), message.text()));
        };
        delivery.ifPresent(send -> {
            Update outcome;
            try {
                outcome = new Update().set("status", "SENT").set("providerId", send.get());
            } catch (RuntimeException e) {
                outcome = new Update().set("status", "FAILED").set("error", e.getMessage());
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(messageId)), outcome, OutboxMessage.class);
        });
        if (echo) {
            out.println("Outbox " + message.channel() + " to " + message.recipient() + " [" + message.orderNumber()
                    + "]: " + message.text());
        }
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
                "OUTBOX",
                clock.instant(),
                null,
                null,
                null));
    }

    /** The newest messages in the outbox, for agents. */
    @PreAuthorize("hasRole('AGENT')")
    public List<OutboxMessage> latest(int limit) {
        return mongo.find(
                new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(Math.min(Math.max(limit, 1), 200)),
                OutboxMessage.class);
    }
}
