package app.leadline.order;

import app.leadline.order.OrderEvent.Delivered;
import app.leadline.order.OrderEvent.Shipped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the customer is to be told about their order, kept in the order's outbox in the same update as the change
 * that caused it. Each kind names the lines it is about; news of one kind about the same order can be told in one
 * message. Readers go through a {@link Visitor}, so the compiler tells them of every kind there is.
 */
public sealed interface CustomerNews
        permits CustomerNews.Confirmed,
                CustomerNews.DatesMoved,
                CustomerNews.PastPromise,
                CustomerNews.ChoiceNeeded,
                CustomerNews.ReadyToShip,
                Shipped,
                Delivered,
                CustomerNews.RefundApproved,
                CustomerNews.RefundRejected,
                CustomerNews.Cancelled {

    /** The cause of moves the promise watch made: time overtook the promise and nobody gave a new date. */
    String RUNNING_LATE = "running-late";

    <R> R accept(Visitor<R> visitor);

    /** The lines the news is about; none for the confirmation, which is about the whole order. */
    List<String> lines();

    /** The same news about other lines, for telling several of one kind at once. */
    CustomerNews withLines(List<String> lines);

    /** The kind the news is stored and told under ({@code ETA_MOVED}, {@code SHIPPED}, …). */
    default String storedKind() {
        return StoredEvents.kindOf(this);
    }

    /** The news' facts by name, as the outbox stores them. */
    default Map<String, String> storedDetails() {
        return StoredEvents.detailsOf(this);
    }

    /** One method per kind of news: adding a kind breaks every reader until it handles it. */
    interface Visitor<R> {
        R confirmed(Confirmed news);

        R datesMoved(DatesMoved news);

        R pastPromise(PastPromise news);

        R choiceNeeded(ChoiceNeeded news);

        R readyToShip(ReadyToShip news);

        R shipped(Shipped news);

        R delivered(Delivered news);

        R refundApproved(RefundApproved news);

        R refundRejected(RefundRejected news);

        R cancelled(Cancelled news);
    }

    record Confirmed() implements CustomerNews {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.confirmed(this);
        }

        @Override
        public List<String> lines() {
            return List.of();
        }

        @Override
        public CustomerNews withLines(List<String> lines) {
            return this;
        }
    }

    /**
     * Lines' dates moved, still inside the promise.
     *
     * @param cause the delay (or purchase order, {@code po:<number>}) that moved them
     * @param shiftDays how many days the latest date moved at most
     * @param corrected those of the lines the customer was told were ready, by mistake: the receipt that made them so
     *     was taken back since. Found as the message goes out; none as the news is kept
     */
    record DatesMoved(String cause, List<String> lines, String reason, long shiftDays, List<String> corrected)
            implements CustomerNews {

        public DatesMoved {
            corrected = List.copyOf(corrected);
        }

        public DatesMoved(String cause, List<String> lines, String reason, long shiftDays) {
            this(cause, lines, reason, shiftDays, List.of());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.datesMoved(this);
        }

        /** Moved by the promise watch: the supplier gave no new date. */
        public boolean runningLate() {
            return RUNNING_LATE.equals(cause);
        }

        @Override
        public CustomerNews withLines(List<String> lines) {
            return new DatesMoved(cause, lines, reason, shiftDays, corrected);
        }
    }

    /**
     * Lines' dates moved past the date first promised: the customer may now cancel them.
     *
     * @param corrected as for {@link DatesMoved}
     */
    record PastPromise(String cause, List<String> lines, String reason, long shiftDays, List<String> corrected)
            implements CustomerNews {

        public PastPromise {
            corrected = List.copyOf(corrected);
        }

        public PastPromise(String cause, List<String> lines, String reason, long shiftDays) {
            this(cause, lines, reason, shiftDays, List.of());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pastPromise(this);
        }

        /** Moved by the promise watch: the supplier gave no new date. */
        public boolean runningLate() {
            return RUNNING_LATE.equals(cause);
        }

        @Override
        public CustomerNews withLines(List<String> lines) {
            return new PastPromise(cause, lines, reason, shiftDays, corrected);
        }
    }

    /** Part of the order is ready while the customer waits for all of it, and may choose otherwise. */
    record ChoiceNeeded(List<String> lines) implements CustomerNews {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.choiceNeeded(this);
        }

        @Override
        public CustomerNews withLines(List<String> lines) {
            return new ChoiceNeeded(lines);
        }
    }

    /** Lines are ready and will leave in one parcel. */
    record ReadyToShip(List<String> lines) implements CustomerNews {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.readyToShip(this);
        }

        @Override
        public CustomerNews withLines(List<String> lines) {
            return new ReadyToShip(lines);
        }
    }

    record RefundApproved(List<String> lines, BigDecimal amount, String reason) implements CustomerNews {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.refundApproved(this);
        }

        @Override
        public CustomerNews withLines(List<String> lines) {
            return new RefundApproved(lines, amount, reason);
        }
    }

    record RefundRejected(List<String> lines, BigDecimal amount, String reason) implements CustomerNews {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.refundRejected(this);
        }

        @Override
        public CustomerNews withLines(List<String> lines) {
            return new RefundRejected(lines, amount, reason);
        }
    }

    /**
     * Lines cancelled before they were charged: what was reserved on the card for them is released ({@code amount}),
     * said in writing, as a shop confirms what a customer changed.
     */
    record Cancelled(List<String> lines, BigDecimal amount) implements CustomerNews {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.cancelled(this);
        }

        @Override
        public CustomerNews withLines(List<String> lines) {
            return new Cancelled(lines, amount);
        }
    }
}
