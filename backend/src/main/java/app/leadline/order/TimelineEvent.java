package app.leadline.order;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An entry of the order's timeline: the {@link OrderEvent} that happened, when, and a note for agents. Kept in the
 * stored form orders always had (a type and facts by name), which is also what the timeline shows.
 *
 * @param details facts the customer may read (line ids, dates, the reason an agent gave), as stored
 * @param internalNote what an agent wrote, for agents only; never shown to the customer
 * @param systemNote what Leadline noted for agents, as facts; never shown to the customer
 */
public record TimelineEvent(
        Type type, Instant at, Map<String, String> details, String internalNote, SystemNote systemNote) {

    public enum Type {
        PLACED(true),
        BACKORDERED(true),
        DROPSHIPPED(true),
        ETA_MOVED(true),
        CHOICE_MADE(true),
        SHIPPED(true),
        DELIVERED(true),
        LINE_CANCELLED(true),
        REFUND_REQUESTED(true),
        REFUND_DECIDED(true),
        GOODS_RECEIVED(true),
        RECEIPT_REVERSED(true),
        FEEDBACK_GIVEN(false),
        FEEDBACK_CHANGED(false),
        TRACKING_LINK_REVOKED(false),
        VERIFICATION_CODE_SENT(false),
        TRACKING_LINK_REISSUED(false),
        RUNNING_LATE(true);

        private final boolean customerFacing;

        Type(boolean customerFacing) {
            this.customerFacing = customerFacing;
        }

        public boolean customerFacing() {
            return customerFacing;
        }
    }

    public Optional<String> note() {
        return Optional.ofNullable(internalNote);
    }

    /** What happened, read from the stored form. */
    public OrderEvent event() {
        return StoredEvents.event(type, details);
    }

    public Optional<SystemNote> systemNoted() {
        return Optional.ofNullable(systemNote);
    }

    /** Whether this moved dates back because a delay logged by mistake was withdrawn. */
    public boolean withdrawsADelay() {
        return correction().filter(SystemNote.DELAY_WITHDRAWN::equals).isPresent();
    }

    /**
     * Why Leadline moved dates here without a supplier's word for the customer, where it did: a delay logged by mistake
     * withdrawn ({@link SystemNote#DELAY_WITHDRAWN}), or the purchase order the lines waited for called off ({@link
     * SystemNote#PURCHASE_ORDER_CANCELLED}). The customer's page and message say which, in the customer's language.
     */
    public Optional<String> correction() {
        return systemNoted()
                .map(SystemNote::kind)
                .filter(kind ->
                        SystemNote.DELAY_WITHDRAWN.equals(kind) || SystemNote.PURCHASE_ORDER_CANCELLED.equals(kind));
    }

    static TimelineEvent of(OrderEvent event, Instant at, Note note) {
        return new TimelineEvent(
                StoredEvents.typeOf(event),
                at,
                StoredEvents.detailsOf(event),
                note instanceof Note.Written written ? written.text() : null,
                note instanceof SystemNote facts ? facts : null);
    }
}
