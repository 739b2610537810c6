package app.leadline.notification;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A message as the embedded outbox keeps it. */
@Document("outbox")
public record OutboxMessage(
        @Id String id,
        Message.Channel channel,
        String recipient,
        String orderNumber,
        String kind,
        String subject,
        String text,
        String status,
        Instant createdAt) {}
