package app.leadline.order;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * News the customer should get about a change, written into the order in the same update as the change (the
 * order's outbox). A dispatcher claims it for a while ({@code leaseUntil}), sends it, and records {@code sentAt}.
 * Kept in the stored form orders always had (a kind and facts by name); {@link #news()} reads it.
 *
 * @param kind e.g. {@code ETA_MOVED}, as stored
 * @param details the news' facts, as stored
 */
public record NotificationIntent(
        String id, String kind, Instant createdAt, Map<String, String> details, Instant leaseUntil, Instant sentAt) {

    NotificationIntent(String id, CustomerNews news, Instant createdAt) {
        this(id, StoredEvents.kindOf(news), createdAt, StoredEvents.detailsOf(news), null, null);
    }

    /** The news, or empty for an intent of a kind this version no longer tells. */
    public Optional<CustomerNews> news() {
        return StoredEvents.news(kind, details);
    }

    NotificationIntent leased(Instant until) {
        return new NotificationIntent(id, kind, createdAt, details, until, null);
    }

    NotificationIntent sentAt(Instant at) {
        return new NotificationIntent(id, kind, createdAt, details, leaseUntil, at);
    }

    public Optional<Instant> sent() {
        return Optional.ofNullable(sentAt);
    }

    boolean claimableAt(Instant now) {
        return sentAt == null && (leaseUntil == null || !leaseUntil.isAfter(now));
    }
}
