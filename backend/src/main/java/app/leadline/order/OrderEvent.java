package app.leadline.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What happened to an order, in past tense, as its timeline keeps it. The order records these in the same update
 * as the change; readers go through a {@link Visitor}, so the compiler tells them of every kind there is.
 */
public sealed interface OrderEvent {

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of event: adding a kind breaks every reader until it handles it. */
    interface Visitor<R> {
        R placed(Placed event);

        R backordered(Backordered event);

        R dropshipped(Dropshipped event);

        R etaMoved(EtaMoved event);

        R deliveryChosen(DeliveryChosen event);

        R goodsReceived(GoodsReceived event);

        R receiptReversed(ReceiptReversed event);

        R shipped(Shipped event);

        R delivered(Delivered event);

        R lineCancelled(LineCancelled event);

        R refundRequested(RefundRequested event);

        R refundDecided(RefundDecided event);

        R feedbackGiven(FeedbackGiven event);

        R trackingLinkRevoked(TrackingLinkRevoked event);

        R trackingLinkReissued(TrackingLinkReissued event);

        R verificationCodeSent(VerificationCodeSent event);

        R runningLate(RunningLate event);
    }

    record Placed(int lineCount) implements OrderEvent {

        @Override
        public <R> R accept(OrderEvent.Visitor<R> visitor) {
            return visitor.placed(this);
        }
    }

    record Backordered(String line, String name, LocalDate latest) implements OrderEvent {

        @Override
        public <R> R accept(OrderEvent.Visitor<R> visitor) {
            return visitor.backordered(this);
        }
    }

    record Dropshipped(String line, String name, LocalDate latest) implements OrderEvent {

        @Override
        public <R> R accept(OrderEvent.Visitor<R> visitor) {
            return visitor.dropshipped(this);
        }
    }

    /** A line's latest date moved; {@code reason} is what the customer reads (empty for a purchase order's date). */
    record EtaMoved(String line, String name, LocalDate from, LocalDate to, String reason) implements OrderEvent {

        @Override
        public <R> R accept(OrderEvent.Visitor<R> visitor) {
            return visitor.etaMoved(this);
        }
    }

    /**
     * The customer (or the shop) chose how the order is delivered.
     *
     * @param extraShippingReserved what was authorised on the card for the extra parcels with this choice, or null
     * @param extraShippingReleased what of an earlier authorisation this choice released untaken, or null
     */
    record DeliveryChosen(
            DeliveryPreference preference,
            String by,
            java.math.BigDecimal extraShippingReserved,
            java.math.BigDecimal extraShippingReleased)
            implements OrderEvent {

        @Override
        public <R> R accept(OrderEvent.Visitor<R> visitor) {
            return visitor.deliveryChosen(this);
        }
    }

    /**
     * Goods arrived for these lines: they are ready to leave.
     *
     * @param before each line's latest date before the goods arrived, which its customer may never hear changed if
     *     the receipt is taken back before its news goes out (empty for receipts recorded before it was kept)
     */
    record GoodsReceived(List<String> lines, Map<String, java.time.LocalDate> before) implements OrderEvent {

        @Override
        public <R> R accept(OrderEvent.Visitor<R> visitor) {
            return visitor.goodsReceived(this);
        }
    }

    /** A receipt booked against the wrong purchase order was taken back: these lines wait for it again. */
    record ReceiptReversed(String purchaseOrder, List<String> lines) implements OrderEvent {

        @Override
        public <R> R accept(OrderEvent.Visitor<R> visitor) {
            return visitor.receiptReversed(this);
        }
    }

    record Shipped(List<String> lines, String carrier, String trackingNumber) implements OrderEvent, CustomerNews {

        @Override
        public <R> R accept(OrderEvent.Visitor<R> visitor) {
            return visitor.shipped(this);
        }

        @Override
        public <R> R accept(CustomerNews.Visitor<R> visitor) {
            return visitor.shipped(this);
        }

        @Override
        public CustomerNews withLines(List<String> lines) {
            return new Shipped(lines, carrier, trackingNumber);
        }
    }

    record Delivered(List<String> lines, String carrier, String trackingNumber) implements OrderEvent, CustomerNews {

        @Override
        public <R> R accept(OrderEvent.Visitor<R> visitor) {
            return visitor.delivered(this);
        }

        @Override
        public <R> R accept(CustomerNews.Visitor<R> visitor) {
            return visitor.delivered(this);
        }

        @Override
        public CustomerNews withLines(List<String> lines) {
            return new Delivered(lines, carrier, trackingNumber);
        }
    }

    record LineCancelled(String line, String name, BigDecimal amount) implements OrderEvent {

        @Override
        public <R> R accept(OrderEvent.Visitor<R> visitor) {
            return visitor.lineCancelled(this);
        }
    }

    record RefundRequested(List<String> lines, BigDecimal amount) implements OrderEvent {

        @Override
        public <R> R accept(OrderEvent.Visitor<R> visitor) {
            return visitor.refundRequested(this);
        }
    }

    record RefundDecided(boolean approved, BigDecimal amount, String reason) implements OrderEvent {

        @Override
        public <R> R accept(OrderEvent.Visitor<R> visitor) {
            return visitor.refundDecided(this);
        }
    }

    /** The customer answered the question at the end, first ({@code changed} false) or again within the week. */
    record FeedbackGiven(int score, Optional<String> comment, boolean changed) implements OrderEvent {

        @Override
        public <R> R accept(OrderEvent.Visitor<R> visitor) {
            return visitor.feedbackGiven(this);
        }
    }

    record TrackingLinkRevoked() implements OrderEvent {

        @Override
        public <R> R accept(OrderEvent.Visitor<R> visitor) {
            return visitor.trackingLinkRevoked(this);
        }
    }

    record TrackingLinkReissued() implements OrderEvent {

        @Override
        public <R> R accept(OrderEvent.Visitor<R> visitor) {
            return visitor.trackingLinkReissued(this);
        }
    }

    record VerificationCodeSent(String channel) implements OrderEvent {

        @Override
        public <R> R accept(OrderEvent.Visitor<R> visitor) {
            return visitor.verificationCodeSent(this);
        }
    }

    /**
     * Time overtook a line's promise and the supplier (or the warehouse) gave no new date: the line's window was
     * re-projected from what is known, its latest day moving from {@code from} to {@code to}.
     *
     * @param daysOverdue calendar days since the day the goods were expected (to arrive, or to leave)
     */
    record RunningLate(String line, String name, LocalDate from, LocalDate to, long daysOverdue) implements OrderEvent {

        @Override
        public <R> R accept(OrderEvent.Visitor<R> visitor) {
            return visitor.runningLate(this);
        }
    }
}
