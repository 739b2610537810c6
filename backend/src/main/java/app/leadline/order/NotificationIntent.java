package app.leadline.order;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A message the customer should get about a change, written into the order in the same update as the change (the
 * order's outbox). A dispatcher claims it for a while ({@code leaseUntil}), sends it, and records {@code sentAt}.
 *
 * @param kind e.g. {@code ETA_MOVED}
 * @param details what the message needs (lines, dates, the reason in the customer's language)
 */
public record NotificationIntent(
        String id, String kind, Instant createdAt, Map<String, String> details, Instant leaseUntil, Instant sentAt) {

    NotificationIntent(String id, String kind, Instant createdAt, Map<String, String> details) {
        this(id, kind, createdAt, details, null, null);
    }

    public Optional<Instant> sent() {
        return Optional.ofNullable(sentAt);
    }

    boolean claimableAt(Instant now) {
        return sentAt == null && (leaseUntil == null || !leaseUntil.isAfter(now));
    }
}
