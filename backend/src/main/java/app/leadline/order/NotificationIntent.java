package app.leadline.order;

import java.time.Instant;
import java.util.Map;

/**
 * A message the customer should get about a change, written into the order in the same update as the change (the
 * order's outbox). The notification dispatcher renders and sends it.
 *
 * @param kind e.g. {@code ETA_MOVED}
 * @param details what the message needs (lines, dates, the reason in the customer's language)
 */
public record NotificationIntent(String id, String kind, Instant createdAt, Map<String, String> details) {}
