package app.leadline.order;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to an order, in past tense, for the customer's and the agents' timeline.
 *
 * @param details facts the customer may read (line ids, dates, reasons)
 * @param internalNote for agents only; never shown to the customer
 */
public record TimelineEvent(Type type, Instant at, Map<String, String> details, String internalNote) {

    public enum Type {
        PLACED,
        BACKORDERED,
        DROPSHIPPED,
        TRACKING_LINK_REISSUED
    }

    static TimelineEvent of(Type type, Instant at, Map<String, String> details) {
        return new TimelineEvent(type, at, Map.copyOf(details), null);
    }
}
