package app.leadline.notification;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A message as rendered and what became of it: {@code OUTBOX} when no channel is configured for it, {@code SENT}
 * with the provider's id, {@code SENDING} while the channel is being called, {@code RETRYING} after a transient failure (until {@code nextAttemptAt}), {@code
 * FAILED} with the provider's answer, or {@code OPTED_OUT}. {@code uncertain}: an attempt may have reached the
 * provider without an answer coming back (or the process died during it), so before sending again the provider is
 * asked whether it has the message.
 */
@Document("outbox")
record OutboxMessage(
        @Id String id,
        Message.Channel channel,
        String recipient,
        String orderNumber,
        String kind,
        String subject,
        String text,
        String status,
        Instant createdAt,
        String providerId,
        String error,
        String deliveryStatus,
        Integer attempts,
        Instant nextAttemptAt,
        Boolean uncertain) {

    /**
     * The text as agents read it: a one-time code moves money in the customer's name, so the message it came in is
     * shown without it; the customer alone has it.
     */
    public String textForAgents() {
        return "VERIFICATION_CODE".equals(kind) ? text.replaceAll("\\b\\d{6}\\b", "••••••") : text;
    }

    /** Whether a crash cut an attempt off before the provider answered, so the customer may get it twice. */
    public boolean mayHaveBeenSent() {
        return Boolean.TRUE.equals(uncertain);
    }

    Message message() {
        return new Message(channel, recipient, orderNumber, kind, subject, text);
    }
}
