package app.leadline.tracking;

import app.leadline.delivery.EtaWindow;
import app.leadline.order.DeliveryOptions;
import app.leadline.order.DeliveryPreference;
import app.leadline.order.Destination;
import app.leadline.order.ExtraShipping;
import app.leadline.order.Feedback;
import app.leadline.order.LineSource;
import app.leadline.order.LineStatus;
import app.leadline.order.Order;
import app.leadline.order.OrderLine;
import app.leadline.order.Parcel;
import app.leadline.order.PaymentState;
import app.leadline.order.RefundRequest;
import app.leadline.order.Shipment;
import app.leadline.order.TimelineEvent;
import app.leadline.payment.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a customer may see of their order. Built field by field from the aggregate, so nothing internal
 * (suppliers, purchase orders, notes, full contact data) can reach the page by accident.
 */
record TrackedOrder(
        String number,
        Instant placedAt,
        String locale,
        String currency,
        DeliveryPreference deliveryPreference,
        EtaWindow eta,
        String destinationCountry,
        List<TrackedLine> lines,
        List<Parcel> parcels,
        Choice choice,
        ExtraShipping.Shown extraShipping,
        List<Shipment> shipments,
        String orderTotal,
        String totalCharged,
        String totalRefunded,
        MaskedAddress deliveryAddress,
        Contact contact,
        Question question,
        List<CustomerEvent> timeline,
        long revision) {

    static TrackedOrder of(Order order) {
        DeliveryOptions options = order.deliveryOptions();
        return new TrackedOrder(
                order.number(),
                order.placedAt(),
                order.customer().locale(),
                order.currency(),
                order.delivery().preference(),
                order.etaOfOpenLines().orElse(null),
                order.destination().country(),
                order.lines().stream().map(line -> TrackedLine.of(order, line)).toList(),
                order.plannedParcels(),
                new Choice(
                        options.open(),
                        options.closedReason(),
                        options.together().lineIds().isEmpty() ? null : options.waitWindow(),
                        options.split(),
                        options.extraCost().toPlainString(),
                        !options.extraCost().isZero()),
                order.extraShipping()
                        .map(agreed -> agreed.shown(order.currency()))
                        .orElse(null),
                order.shipments(),
                order.totalKept().toPlainString(),
                order.totalCharged().toPlainString(),
                order.totalRefunded().toPlainString(),
                MaskedAddress.of(order.destination()),
                new Contact(
                        maskEmail(order.customer().email()),
                        order.customer()
                                .phoneNumber()
                                .map(TrackedOrder::maskPhone)
                                .orElse(null),
                        order.receives("EMAIL"),
                        order.customer().phoneNumber().isPresent() && order.receives("SMS")),
                new Question(
                        order.feedbackAsked(),
                        order.feedback().map(Feedback::score).orElse(null),
                        order.feedback().map(Feedback::comment).orElse(null),
                        order.feedback()
                                .map(feedback -> feedback.answeredAt().plus(Feedback.CHANGEABLE_FOR))
                                .orElse(null)),
                order.timeline().stream()
                        .filter(event -> event.type().customerFacing())
                        .map(CustomerEvent::of)
                        .toList(),
                order.revision());
    }

    record TrackedLine(
            String id,
            String sku,
            String name,
            int quantity,
            LineSource source,
            LineStatus status,
            boolean toBeOrdered,
            LocalDate promisedDate,
            EtaWindow eta,
            boolean late,
            Instant closedAt,
            String amount,
            PaymentState payment,
            boolean cancellable,
            String cancelReleasesExtraShipping,
            RefundRequest.State refund,
            String refundReason) {

        private static String released(Money amount) {
            return amount.isZero() ? null : amount.toPlainString();
        }

        static TrackedLine of(Order order, OrderLine line) {
            boolean cancellable = order.cancellable(line);
            return new TrackedLine(
                    line.id(),
                    line.sku(),
                    line.name(),
                    line.quantity(),
                    line.source(),
                    line.status(),
                    line.waitsToBeOrdered(),
                    line.promisedDate(),
                    line.eta(),
                    // Late on its way or delivered late too: what a refund offered for it is about.
                    line.status() != LineStatus.CANCELLED && line.status() != LineStatus.REFUNDED && line.isLate(),
                    order.closedAt(line.id()).orElse(null),
                    line.amountIn(order.currency()).toPlainString(),
                    line.payment(),
                    cancellable,
                    cancellable ? released(order.extraShippingReleasedByCancelling(line)) : null,
                    order.refundFor(line.id()).map(RefundRequest::state).orElse(null),
                    order.refundFor(line.id())
                            .filter(refund -> refund.state() == RefundRequest.State.REJECTED)
                            .map(RefundRequest::decisionReason)
                            .orElse(null));
        }
    }

    record Choice(
            boolean open,
            String closedReason,
            EtaWindow waitWindow,
            List<Parcel> splitParcels,
            String extraCost,
            boolean splitNeedsCode) {}

    record Contact(String email, String phone, boolean emailMessages, boolean smsMessages) {}

    record Question(boolean asked, Integer score, String comment, Instant changeableUntil) {}

    /** Enough of the address for the customer to recognise it, not enough for a stranger with the link to use. */
    record MaskedAddress(String street, String postalCode, String city, String country) {

        private static final Pattern HOUSE_NUMBER = Pattern.compile("(?<=\\s)\\d");

        static MaskedAddress of(Destination destination) {
            return new MaskedAddress(
                    maskStreet(destination.street()),
                    destination.postalCode(),
                    destination.city(),
                    destination.country());
        }

        /** "Nørregade 12, 3. tv" becomes "N••• 12, 3. tv": the first letter and the house number onwards. */
        static String maskStreet(String street) {
            String trimmed = street.strip();
            if (trimmed.isEmpty()) {
                return trimmed;
            }
            Matcher number = HOUSE_NUMBER.matcher(trimmed);
            String rest = number.find() && number.start() > 0 ? " " + trimmed.substring(number.start()) : "";
            return trimmed.substring(0, trimmed.offsetByCodePoints(0, 1)) + "•••" + rest;
        }
    }

    /**
     * A timeline event without its internal note. A date moved back because the delay was withdrawn says so
     * ({@code correction}: {@code DELAY_WITHDRAWN}), as its message does: the customer read the delay's reason before;
     * so does one moved because the purchase order it waited for was called off ({@code PURCHASE_ORDER_CANCELLED}).
     */
    record CustomerEvent(String type, Instant at, List<Detail> details) {

        static CustomerEvent of(TimelineEvent event) {
            java.util.Map<String, String> details = new java.util.TreeMap<>(event.details());
            event.correction().ifPresent(kind -> details.put("correction", kind));
            return new CustomerEvent(
                    event.type().name(),
                    event.at(),
                    details.entrySet().stream()
                            .map(entry -> new Detail(entry.getKey(), entry.getValue()))
                            .toList());
        }
    }

    record Detail(String key, String value) {}

    static String maskEmail(String email) {
        int at = email.indexOf('@');
        return email.charAt(0) + "•••" + email.substring(at);
    }

    static String maskPhone(String phone) {
        return phone.substring(0, Math.min(3, phone.length())) + " •••• " + phone.substring(phone.length() - 2);
    }
}
