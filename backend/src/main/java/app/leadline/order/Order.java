package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import app.leadline.order.TimelineEvent.Type;
import app.leadline.payment.PaymentOperation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The aggregate: one order, its lines with their own promises, shipments, refunds, timeline, tracking link and the
 * payment operations still to be sent, stored as one document. It changes only through methods that check its
 * state, change it, and record what happened; a refused change throws {@link OrderRuleViolation} and leaves the
 * order as it was.
 */
@Document("orders")
public class Order {

    static final int TIMELINE_LIMIT = 200;
    static final int MAX_CODE_ATTEMPTS = 5;
    static final int MAX_CODES_PER_WINDOW = 3;
    static final Duration CODE_WINDOW = Duration.ofMinutes(15);
    /** How far ahead of Leadline's clock a shop's or carrier's clock may be when it reports a delivery. */
    static final Duration DELIVERY_CLOCK_SKEW = Duration.ofMinutes(5);

    static final int MAX_COMMENT = 2000;

    @Id
    private final String id;

    private final String number;
    private final Customer customer;
    private final Instant placedAt;
    private final String currency;
    private final Destination destination;
    private DeliveryChoice delivery;
    private final OrderPolicy policy;
    private final List<OrderLine> lines;
    private final List<Shipment> shipments;
    private final List<RefundRequest> refunds;
    private final List<TimelineEvent> timeline;
    private final List<PaymentOperation> pendingPayments;
    private final List<NotificationIntent> notifications;
    private Verification verification;
    private TrackingLink tracking;
    private Parcel proposedShipment;
    /** Channels the customer turned off on the tracking page ({@code EMAIL}, {@code SMS}). */
    private final Set<String> mutedChannels;
    /** Kept in the document so that agents can search for late orders; derived from the lines on every change. */
    private boolean late;
    /** The answer to the question asked once everything is delivered; null until given. */
    private Feedback feedback;

    @Version
    private final Long version;

    @PersistenceCreator
    Order(
            String id,
            String number,
            Customer customer,
            Instant placedAt,
            String currency,
            Destination destination,
            DeliveryChoice delivery,
            OrderPolicy policy,
            List<OrderLine> lines,
            List<Shipment> shipments,
            List<RefundRequest> refunds,
            List<TimelineEvent> timeline,
            List<PaymentOperation> pendingPayments,
            List<NotificationIntent> notifications,
            Verification verification,
            TrackingLink tracking,
            Parcel proposedShipment,
            Set<String> mutedChannels,
            Boolean late,
            Feedback feedback,
            Long version) {
        this.id = id;
        this.number = number;
        this.customer = customer;
        this.placedAt = placedAt;
        this.currency = currency;
        this.destination = destination;
        this.delivery = delivery;
        this.policy = policy == null ? new OrderPolicy("B2C", true, List.of(), BigDecimal.ZERO, false, null) : policy;
        this.lines = new ArrayList<>(orEmpty(lines));
        this.shipments = new ArrayList<>(orEmpty(shipments));
        this.refunds = new ArrayList<>(orEmpty(refunds));
        this.timeline = new ArrayList<>(orEmpty(timeline));
        this.pendingPayments = new ArrayList<>(orEmpty(pendingPayments));
        this.notifications = new ArrayList<>(orEmpty(notifications));
        this.verification = verification;
        this.tracking = tracking;
        this.proposedShipment = proposedShipment;
        this.mutedChannels = new TreeSet<>(mutedChannels == null ? Set.of() : mutedChannels);
        this.late = Boolean.TRUE.equals(late);
        this.feedback = feedback;
        this.version = version;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /**
     * A new order as the shop placed it, with a fresh tracking link of which only the hash and the sealed token are
     * kept. Its id is chosen beforehand, so that purchase orders can be told which order a line is in before the
     * order is stored.
     */
    static Order place(
            String id,
            String number,
            Customer customer,
            Instant placedAt,
            String currency,
            Destination destination,
            DeliveryChoice delivery,
            OrderPolicy policy,
            List<OrderLine> lines,
            TrackingToken token,
            LinkSeal seal,
            Duration linkLifetime) {
        Order order = new Order(
                id,
                number,
                customer,
                placedAt,
                currency,
                destination,
                delivery,
                policy,
                lines,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                new TrackingLink(
                        token.hash(), seal == null ? null : seal.seal(id, token), placedAt.plus(linkLifetime), false),
                null,
                Set.of(),
                false,
                null,
                null);
        order.record(Type.PLACED, placedAt, Map.of("lines", String.valueOf(lines.size())));
        for (OrderLine line : lines) {
            switch (line.source()) {
                case BACKORDER -> order.record(Type.BACKORDERED, placedAt, lineDetails(line));
                case DROPSHIP -> order.record(Type.DROPSHIPPED, placedAt, lineDetails(line));
                case STOCK -> {}
            }
        }
        return order;
    }

    // --- Tracking link -------------------------------------------------------------------------------------------

    /** Revokes the tracking link: it stops opening the order at once. */
    public void revokeTrackingLink(Instant now) {
        if (tracking != null) {
            this.tracking = new TrackingLink(tracking.tokenHash(), null, tracking.expiresAt(), true);
        }
        record(Type.TRACKING_LINK_REVOKED, now, Map.of());
    }

    /** Replaces the tracking link: the old one stops opening the order at once. */
    void reissueTrackingLink(TrackingToken token, LinkSeal seal, Instant now, Duration linkLifetime) {
        this.tracking = new TrackingLink(token.hash(), seal.seal(id, token), now.plus(linkLifetime), false);
        record(Type.TRACKING_LINK_REISSUED, now, Map.of());
    }

    boolean trackableAt(Instant now) {
        return tracking != null && tracking.opensAt(now);
    }

    // --- Wait or split -------------------------------------------------------------------------------------------

    /** What the customer may choose now, and what each choice means. */
    public DeliveryOptions deliveryOptions() {
        List<OrderLine> open = openLines();
        List<OrderLine> ready = open.stream().filter(OrderLine::isReadyToLeave).toList();
        List<OrderLine> waiting =
                open.stream().filter(line -> !line.isReadyToLeave()).toList();
        String closed = !policy.customerMayChoose()
                ? "POLICY_SHIPS_COMPLETE"
                : anyShipped() ? "ALREADY_SHIPPED" : ready.isEmpty() || waiting.isEmpty() ? "NOTHING_TO_SPLIT" : null;
        List<Parcel> split = splitParcels(ready, waiting);
        BigDecimal extra = policy.extraParcelFee().multiply(BigDecimal.valueOf(Math.max(0, split.size() - 1)));
        return new DeliveryOptions(closed, oneParcel(open), split, extra);
    }

    /** The parcels the open lines are expected to travel in under the current preference. */
    public List<Parcel> plannedParcels() {
        List<OrderLine> open = openLines();
        if (open.isEmpty()) {
            return List.of();
        }
        if (delivery.preference() == DeliveryPreference.WAIT_FOR_ALL) {
            return List.of(oneParcel(open));
        }
        return splitParcels(
                open.stream().filter(OrderLine::isReadyToLeave).toList(),
                open.stream().filter(line -> !line.isReadyToLeave()).toList());
    }

    /**
     * Records the customer's (or an agent's) choice. Choosing what is already chosen changes nothing; a choice that
     * no longer applies is refused with the reason.
     *
     * @return whether anything changed
     */
    public boolean chooseDelivery(DeliveryPreference preference, String by, Instant at) {
        DeliveryOptions options = deliveryOptions();
        if (!options.open()) {
            throw new OrderRuleViolation(
                    options.closedReason(),
                    "preference",
                    switch (options.closedReason()) {
                        case "POLICY_SHIPS_COMPLETE" -> "This order is always delivered complete.";
                        case "ALREADY_SHIPPED" ->
                            "Part of the order has already shipped; the delivery can no longer change.";
                        default -> "All items will be ready together; there is nothing to choose.";
                    });
        }
        if (delivery.preference() == preference) {
            return false;
        }
        delivery = new DeliveryChoice(preference, by, at, delivery.segmentDefault());
        record(Type.CHOICE_MADE, at, Map.of("preference", preference.name(), "by", by));
        return true;
    }

    private List<Parcel> splitParcels(List<OrderLine> ready, List<OrderLine> waiting) {
        List<Parcel> parcels = new ArrayList<>();
        if (!ready.isEmpty()) {
            parcels.add(oneParcel(ready));
        }
        Map<EtaWindow, List<String>> byWindow =
                new TreeMap<>(Comparator.comparing(EtaWindow::latest).thenComparing(EtaWindow::earliest));
        waiting.forEach(line ->
                byWindow.computeIfAbsent(line.eta(), key -> new ArrayList<>()).add(line.id()));
        byWindow.forEach((window, ids) -> parcels.add(new Parcel(List.copyOf(ids), window)));
        return parcels;
    }

    private static Parcel oneParcel(List<OrderLine> lines) {
        if (lines.isEmpty()) {
            return new Parcel(List.of(), null);
        }
        return new Parcel(
                lines.stream().map(OrderLine::id).toList(),
                EtaWindow.allOf(lines.stream().map(OrderLine::eta).toList()));
    }

    // --- ETA moves -----------------------------------------------------------------------------------------------

    /**
     * Moves a line's window because of a supplier delay. A line already moved by this delay is left alone, so that
     * applying the same delay again changes nothing.
     *
     * @return whether the line moved
     */
    public boolean moveEta(
            String lineId, EtaWindow window, String delayId, String reason, String internalNote, Instant at) {
        OrderLine line = line(lineId);
        if (delayId.equals(line.lastDelay()) || !line.isOpen()) {
            return false;
        }
        replaceLine(lineId, current -> current.withEta(window, delayId));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("line", lineId);
        details.put("name", line.name());
        details.put("from", line.eta().latest().toString());
        details.put("to", window.latest().toString());
        details.put("reason", reason);
        timeline.add(new TimelineEvent(Type.ETA_MOVED, at, Map.copyOf(details), internalNote));
        afterChange();
        return true;
    }

    /**
     * A purchase order now carries a line that waited to be ordered: the line waits for it, expected in the given
     * window. The customer is told only when that moves the line's latest date; the date first promised stays.
     *
     * @return whether the line is now allocated to the purchase order (false when it no longer waited)
     */
    public boolean allocateToPurchaseOrder(String lineId, String purchaseOrder, EtaWindow window, Instant at) {
        OrderLine line = line(lineId);
        if (!line.waitsToBeOrdered()) {
            return false;
        }
        EtaWindow landing = window.landingOn(policy.receivingDays());
        replaceLine(lineId, current -> current.waitingFor(purchaseOrder, landing));
        tellIfLatestMoved(line, landing, "po:" + purchaseOrder, "purchase order " + purchaseOrder, at);
        afterChange();
        return true;
    }

    /**
     * The purchase order a line waited for was cancelled: the line now waits for another purchase order, or, with
     * none, to be ordered again, in the given window. The customer is told only when the latest date moves.
     *
     * @param next the purchase order the line now waits for; null when it waits to be ordered
     * @return false when the line no longer waits for the cancelled purchase order
     */
    public boolean leaveCancelledPurchaseOrder(
            String lineId, String cancelled, String next, EtaWindow window, Instant at) {
        OrderLine line = line(lineId);
        if (line.status() != LineStatus.AWAITING_SUPPLIER || !cancelled.equals(line.purchaseOrder())) {
            return false;
        }
        EtaWindow landing = window.landingOn(policy.receivingDays());
        replaceLine(lineId, current -> current.waitingFor(next, landing));
        tellIfLatestMoved(line, landing, "po-cancelled:" + cancelled, "purchase order " + cancelled + " cancelled", at);
        afterChange();
        return true;
    }

    private void tellIfLatestMoved(OrderLine line, EtaWindow landing, String delay, String note, Instant at) {
        String lineId = line.id();
        if (!landing.latest().equals(line.eta().latest())) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("line", lineId);
            details.put("name", line.name());
            details.put("from", line.eta().latest().toString());
            details.put("to", landing.latest().toString());
            details.put("reason", "");
            timeline.add(new TimelineEvent(Type.ETA_MOVED, at, Map.copyOf(details), note));
            notifications.add(new NotificationIntent(
                    delay + ":" + id + ":" + lineId,
                    line(lineId).isLate() ? "PAST_PROMISE" : "ETA_MOVED",
                    at,
                    Map.of(
                            "delay",
                            delay,
                            "lines",
                            lineId,
                            "reason",
                            "",
                            "shiftDays",
                            String.valueOf(
                                    Math.abs(ChronoUnit.DAYS.between(line.eta().latest(), landing.latest()))))));
        }
    }

    /**
     * A supplier delay moves some of this order's lines, each to its new window; lines this delay already moved are
     * skipped, so applying it again (a resumed job) changes nothing. The customer reads the reason; the note is for
     * agents. One notification intent is queued for the whole order.
     *
     * @return the ids of the lines moved now
     */
    public List<String> applyDelay(
            String delayId, Map<String, EtaWindow> windows, String reason, String internalNote, Instant at) {
        List<String> moved = new ArrayList<>();
        long shiftDays = 0;
        for (Map.Entry<String, EtaWindow> entry : windows.entrySet()) {
            String lineId = entry.getKey();
            if (lines.stream().noneMatch(line -> line.id().equals(lineId))) {
                continue;
            }
            LocalDate before = line(lineId).eta().latest();
            if (moveEta(lineId, entry.getValue(), delayId, reason, internalNote, at)) {
                moved.add(lineId);
                shiftDays = Math.max(
                        shiftDays,
                        Math.abs(
                                ChronoUnit.DAYS.between(before, entry.getValue().latest())));
            }
        }
        if (!moved.isEmpty()) {
            // Past the promise the customer may cancel, and is told so; otherwise it is news of a new date.
            boolean pastPromise = moved.stream().map(this::line).anyMatch(OrderLine::isLate);
            notifications.add(new NotificationIntent(
                    delayId + ":" + id,
                    pastPromise ? "PAST_PROMISE" : "ETA_MOVED",
                    at,
                    Map.of(
                            "delay",
                            delayId,
                            "lines",
                            String.join(",", moved),
                            "reason",
                            reason,
                            "shiftDays",
                            String.valueOf(shiftDays))));
        }
        return moved;
    }

    /**
     * Goods arrived for some lines: they are ready to leave. When the order is now complete, or the customer chose
     * to have ready items shipped, a shipment is proposed at once, so the shipping cycle starts itself.
     *
     * @return the lines that became ready now
     */
    public List<String> markReady(List<String> lineIds, Instant at) {
        List<String> ready = new ArrayList<>();
        for (String lineId : lineIds) {
            OrderLine line = line(lineId);
            if (line.status() == LineStatus.AWAITING_SUPPLIER) {
                replaceLine(lineId, current -> current.withStatus(LineStatus.READY, current.payment()));
                ready.add(lineId);
            }
        }
        if (ready.isEmpty()) {
            return ready;
        }
        record(Type.GOODS_RECEIVED, at, Map.of("lines", String.join(",", ready)));
        List<OrderLine> open = openLines();
        List<OrderLine> leaving =
                open.stream().filter(OrderLine::isReadyToLeave).toList();
        boolean complete = leaving.size() == open.size();
        if (complete || delivery.preference() == DeliveryPreference.SHIP_AS_AVAILABLE) {
            proposedShipment = oneParcel(leaving);
            notifications.add(new NotificationIntent(
                    UUID.randomUUID().toString(),
                    "READY_TO_SHIP",
                    at,
                    Map.of("lines", String.join(",", proposedShipment.lineIds()))));
        } else if (policy.customerMayChoose()) {
            // Part is ready, the customer waits for all but may choose otherwise: ask.
            notifications.add(new NotificationIntent(
                    UUID.randomUUID().toString(), "CHOICE_NEEDED", at, Map.of("lines", String.join(",", ready))));
        }
        return ready;
    }

    public Optional<Parcel> proposedShipment() {
        return Optional.ofNullable(proposedShipment);
    }

    public boolean isLate() {
        return late;
    }

    // --- Notifications -------------------------------------------------------------------------------------------

    /** The order confirmation goes to the customer (not for orders imported from before Leadline). */
    void confirmToCustomer(Instant at) {
        notifications.add(new NotificationIntent("confirmed:" + id, "CONFIRMED", at, Map.of()));
    }

    /** The customer's choice of channels for messages about this order; one-time codes go out regardless. */
    public void chooseMessageChannels(boolean email, boolean sms) {
        mutedChannels.clear();
        if (!email) {
            mutedChannels.add("EMAIL");
        }
        if (!sms) {
            mutedChannels.add("SMS");
        }
    }

    /** Whether messages about this order go out on the channel ({@code EMAIL} or {@code SMS}). */
    public boolean receives(String channel) {
        return !mutedChannels.contains(channel);
    }

    /**
     * A dispatcher takes the intents nobody is sending for a while; another dispatcher (or this one after a crash)
     * gets them again only once the lease has run out.
     */
    public List<NotificationIntent> claimNotifications(Instant now, Duration lease) {
        List<NotificationIntent> claimed = new ArrayList<>();
        notifications.replaceAll(intent -> {
            if (!intent.claimableAt(now)) {
                return intent;
            }
            NotificationIntent leased = new NotificationIntent(
                    intent.id(), intent.kind(), intent.createdAt(), intent.details(), now.plus(lease), null);
            claimed.add(leased);
            return leased;
        });
        return claimed;
    }

    public void notificationSent(String intentId, Instant at) {
        notifications.replaceAll(intent -> intent.id().equals(intentId)
                ? new NotificationIntent(
                        intent.id(), intent.kind(), intent.createdAt(), intent.details(), intent.leaseUntil(), at)
                : intent);
    }

    // --- Shipping ------------------------------------------------------------------------------------------------

    /** Lines leave in a parcel: they are shipped and their amount is captured (charge per shipment). */
    public Shipment ship(List<String> lineIds, String carrier, String trackingNumber, Instant at) {
        List<String> ids = distinct(lineIds, "lineIds");
        for (String lineId : ids) {
            OrderLine line = line(lineId);
            if (!line.isOpen()) {
                throw new OrderRuleViolation(
                        "LINE_NOT_SHIPPABLE", "lineIds", "Line " + lineId + " is " + line.status() + ".");
            }
        }
        BigDecimal amount = BigDecimal.ZERO;
        for (String lineId : ids) {
            amount = amount.add(line(lineId).amount());
            replaceLine(lineId, line -> line.withStatus(LineStatus.SHIPPED, PaymentState.CAPTURED));
        }
        Shipment shipment = new Shipment(UUID.randomUUID().toString(), ids, carrier, trackingNumber, at, null, amount);
        shipments.add(shipment);
        if (proposedShipment != null) {
            List<String> remaining = proposedShipment.lineIds().stream()
                    .filter(id -> !ids.contains(id))
                    .toList();
            proposedShipment = remaining.isEmpty() ? null : new Parcel(remaining, proposedShipment.eta());
        }
        pendingPayments.add(operation(shipment.id(), PaymentOperation.Kind.CAPTURE, ids, amount, at));
        notifications.add(new NotificationIntent(
                "shipped:" + shipment.id(),
                "SHIPPED",
                at,
                Map.of("lines", String.join(",", ids), "carrier", carrier, "trackingNumber", trackingNumber)));
        record(
                Type.SHIPPED,
                at,
                Map.of("lines", String.join(",", ids), "carrier", carrier, "trackingNumber", trackingNumber));
        return shipment;
    }

    /**
     * The parcel with this tracking number reached the customer at {@code deliveredAt}: its lines are delivered and
     * the customer is told. Reporting the same delivery again changes nothing.
     *
     * @return whether anything changed
     */
    public boolean markDelivered(String trackingNumber, Instant deliveredAt, Instant now) {
        Shipment shipment = shipments.stream()
                .filter(s -> s.trackingNumber().equals(trackingNumber))
                .findFirst()
                .orElseThrow(() -> new OrderRuleViolation(
                        "UNKNOWN_SHIPMENT", "trackingNumber", "This order has no parcel with that tracking number."));
        if (shipment.deliveredAt() != null) {
            return false;
        }
        if (deliveredAt.isBefore(shipment.shippedAt()) || deliveredAt.isAfter(now.plus(DELIVERY_CLOCK_SKEW))) {
            throw new OrderRuleViolation(
                    "INVALID_DELIVERY_TIME",
                    "deliveredAt",
                    "A parcel is delivered after it was shipped and not in the future.");
        }
        shipments.set(
                shipments.indexOf(shipment),
                new Shipment(
                        shipment.id(),
                        shipment.lineIds(),
                        shipment.carrier(),
                        shipment.trackingNumber(),
                        shipment.shippedAt(),
                        deliveredAt,
                        shipment.amountCaptured()));
        shipment.lineIds().stream()
                .filter(id -> line(id).status() == LineStatus.SHIPPED)
                .forEach(id -> replaceLine(id, line -> line.withStatus(LineStatus.DELIVERED, line.payment())));
        Map<String, String> details = Map.of(
                "lines",
                String.join(",", shipment.lineIds()),
                "carrier",
                shipment.carrier(),
                "trackingNumber",
                shipment.trackingNumber());
        notifications.add(new NotificationIntent("delivered:" + shipment.id(), "DELIVERED", now, details));
        record(Type.DELIVERED, deliveredAt, details);
        return true;
    }

    // --- The question at the end --------------------------------------------------------------------------------

    /** Whether the customer is asked how they were kept informed: once nothing is left to arrive, and something did. */
    public boolean feedbackAsked() {
        return lines.stream().noneMatch(line -> line.isOpen() || line.status() == LineStatus.SHIPPED)
                && lines.stream().anyMatch(line -> line.status() == LineStatus.DELIVERED);
    }

    /** Whether the customer may answer now: asked, and not answered more than a week ago. */
    public boolean feedbackOpen(Instant now) {
        return feedbackAsked() && (feedback == null || feedback.changeableAt(now));
    }

    /** The customer answers the question (or changes the answer within a week of first giving it). */
    public void answerFeedback(int score, String comment, Instant now) {
        if (!feedbackOpen(now)) {
            throw new OrderRuleViolation(
                    "FEEDBACK_CLOSED",
                    "score",
                    feedbackAsked()
                            ? "The answer can be changed for a week after it was given."
                            : "The question is asked once everything has been delivered.");
        }
        if (score < 1 || score > 5) {
            throw new OrderRuleViolation("INVALID_SCORE", "score", "The score is 1 to 5.");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > MAX_COMMENT) {
            throw new OrderRuleViolation("TOO_LONG", "comment", "At most " + MAX_COMMENT + " characters.");
        }
        boolean first = feedback == null;
        feedback = new Feedback(score, text, first ? now : feedback.answeredAt(), now);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("score", String.valueOf(score));
        if (text != null) {
            details.put("comment", text);
        }
        record(first ? Type.FEEDBACK_GIVEN : Type.FEEDBACK_CHANGED, now, details);
    }

    public Optional<Feedback> feedback() {
        return Optional.ofNullable(feedback);
    }

    // --- Cancel or refund ----------------------------------------------------------------------------------------

    /**
     * Whether the customer may ask to cancel (or, once charged, to refund) this line now. A refund the shop declined
     * is not asked for again: the customer reads why instead.
     */
    public boolean cancellable(OrderLine line) {
        if (line.status() == LineStatus.CANCELLED
                || line.status() == LineStatus.REFUNDED
                || refundOpenFor(line.id())
                || refundDeclinedFor(line.id())) {
            return false;
        }
        boolean charged = line.payment() == PaymentState.CAPTURED;
        return line.isLate() || (!charged && policy.cancelAnyUnshippedLine());
    }

    /** Whether the given lines are all already cancelled or waiting for a refund: a replay of a request. */
    public boolean alreadyCancelled(List<String> lineIds) {
        return !lineIds.isEmpty()
                && lineIds.stream()
                        .allMatch(id -> lines.stream()
                                .anyMatch(line -> line.id().equals(id)
                                        && (line.status() == LineStatus.CANCELLED
                                                || line.status() == LineStatus.REFUNDED
                                                || refundOpenFor(id))));
    }

    /**
     * The customer cancels lines. Lines not yet charged are cancelled and their authorisation voided at once;
     * charged lines become one refund request, approved at once when the policy says the delay is long enough.
     */
    public void cancelLines(List<String> lineIds, Instant at) {
        List<String> ids = distinct(lineIds, "lineIds");
        for (String lineId : ids) {
            if (!cancellable(line(lineId))) {
                throw new OrderRuleViolation(
                        "LINE_NOT_CANCELLABLE",
                        "lineIds",
                        "Line " + lineId + " cannot be cancelled: it is neither late nor open to cancellation.");
            }
        }
        List<String> charged = new ArrayList<>();
        for (String lineId : ids) {
            OrderLine line = line(lineId);
            if (line.payment() == PaymentState.CAPTURED) {
                charged.add(lineId);
                continue;
            }
            replaceLine(lineId, current -> current.withStatus(LineStatus.CANCELLED, PaymentState.VOIDED));
            pendingPayments.add(operation(
                    UUID.randomUUID().toString(), PaymentOperation.Kind.VOID, List.of(lineId), line.amount(), at));
            record(
                    Type.LINE_CANCELLED,
                    at,
                    Map.of(
                            "line",
                            lineId,
                            "name",
                            line.name(),
                            "amount",
                            line.amount().toPlainString()));
        }
        if (!charged.isEmpty()) {
            requestRefund(charged, at);
        }
    }

    private void requestRefund(List<String> lineIds, Instant at) {
        BigDecimal amount = lineIds.stream().map(id -> line(id).amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        RefundRequest request = new RefundRequest(
                UUID.randomUUID().toString(),
                List.copyOf(lineIds),
                amount,
                "DELAY",
                RefundRequest.State.REQUESTED,
                at,
                null,
                null,
                null);
        refunds.add(request);
        record(Type.REFUND_REQUESTED, at, Map.of("lines", String.join(",", lineIds), "amount", amount.toPlainString()));
        long daysLate =
                lineIds.stream().mapToLong(id -> line(id).daysLate()).max().orElse(0);
        policy.autoApprovalThreshold()
                .filter(threshold -> daysLate > threshold)
                .ifPresent(threshold ->
                        decideRefund(request.id(), true, "policy", "The delay passed the shop's limit.", at));
    }

    /** An agent (or the policy) decides a refund request; approval refunds the lines through the payment port. */
    public void decideRefund(String refundId, boolean approve, String by, String reason, Instant at) {
        RefundRequest request = refunds.stream()
                .filter(r -> r.id().equals(refundId))
                .findFirst()
                .orElseThrow(
                        () -> new OrderRuleViolation("UNKNOWN_REFUND", "refundId", "There is no such refund request."));
        if (!request.isOpen()) {
            throw new OrderRuleViolation(
                    "REFUND_ALREADY_DECIDED", "refundId", "This refund request was already decided.");
        }
        RefundRequest.State state = approve ? RefundRequest.State.APPROVED : RefundRequest.State.REJECTED;
        refunds.set(refunds.indexOf(request), request.decided(state, by, at, reason));
        if (approve) {
            request.lineIds()
                    .forEach(
                            id -> replaceLine(id, line -> line.withStatus(LineStatus.REFUNDED, PaymentState.REFUNDED)));
            pendingPayments.add(
                    operation(request.id(), PaymentOperation.Kind.REFUND, request.lineIds(), request.amount(), at));
        }
        record(
                Type.REFUND_DECIDED,
                at,
                Map.of("decision", state.name(), "amount", request.amount().toPlainString(), "reason", reason));
        notifications.add(new NotificationIntent(
                "refund:" + request.id(),
                approve ? "REFUND_APPROVED" : "REFUND_REJECTED",
                at,
                Map.of(
                        "lines",
                        String.join(",", request.lineIds()),
                        "amount",
                        request.amount().toPlainString(),
                        "reason",
                        reason)));
    }

    /** A payment operation reached the provider: it leaves the outbox, and an approved refund is now paid. */
    public void paymentSent(String operationId) {
        pendingPayments.removeIf(operation -> operation.id().equals(operationId));
        refunds.replaceAll(r -> r.id().equals(operationId) && r.state() == RefundRequest.State.APPROVED ? r.paid() : r);
    }

    // --- One-time codes ------------------------------------------------------------------------------------------

    /** A new code goes out; at most {@value #MAX_CODES_PER_WINDOW} per quarter hour. */
    public void issueVerificationCode(String codeHash, String channel, Instant at, Duration lifetime) {
        List<Instant> recent = new ArrayList<>(verification == null ? List.of() : verification.issuedAt());
        recent.removeIf(issued -> issued.isBefore(at.minus(CODE_WINDOW)));
        if (recent.size() >= MAX_CODES_PER_WINDOW) {
            throw new OrderRuleViolation(
                    "CODE_RATE_LIMITED", "channel", "Too many codes were sent; try again in a quarter of an hour.");
        }
        recent.add(at);
        verification = new Verification(codeHash, channel, at.plus(lifetime), 0, recent);
        record(Type.VERIFICATION_CODE_SENT, at, Map.of("channel", channel));
    }

    /**
     * Checks a code and uses it up. A wrong code counts against the code (the caller must store the order even
     * when this refuses, so that the attempt is remembered).
     *
     * @return empty when the code is right, else the refusal to answer with
     */
    public Optional<OrderRuleViolation> useVerificationCode(String codeHash, Instant at) {
        if (verification == null || verification.codeHash() == null) {
            return Optional.of(new OrderRuleViolation("CODE_INVALID", "code", "Ask for a code first."));
        }
        if (at.isAfter(verification.expiresAt())) {
            return Optional.of(
                    new OrderRuleViolation("CODE_EXPIRED", "code", "The code has expired; ask for a new one."));
        }
        if (verification.attempts() >= MAX_CODE_ATTEMPTS) {
            return Optional.of(
                    new OrderRuleViolation("CODE_LOCKED", "code", "Too many wrong codes; ask for a new one."));
        }
        if (!java.security.MessageDigest.isEqual(
                codeHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                verification.codeHash().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            verification = new Verification(
                    verification.codeHash(),
                    verification.channel(),
                    verification.expiresAt(),
                    verification.attempts() + 1,
                    verification.issuedAt());
            return Optional.of(new OrderRuleViolation("CODE_INVALID", "code", "That code is not right."));
        }
        verification =
                new Verification(null, verification.channel(), verification.expiresAt(), 0, verification.issuedAt());
        return Optional.empty();
    }

    // --- Reading -------------------------------------------------------------------------------------------------

    /** The order's window under its delivery preference: one complete delivery waits for the latest line. */
    public EtaWindow eta() {
        List<EtaWindow> open = openLines().stream().map(OrderLine::eta).toList();
        List<EtaWindow> windows =
                open.isEmpty() ? lines.stream().map(OrderLine::eta).toList() : open;
        return delivery.preference() == DeliveryPreference.WAIT_FOR_ALL
                ? EtaWindow.allOf(windows)
                : EtaWindow.span(windows);
    }

    /** Captured and not refunded: what the customer has been charged so far. */
    public BigDecimal totalCharged() {
        return lines.stream()
                .filter(line -> line.payment() == PaymentState.CAPTURED)
                .map(OrderLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Optional<RefundRequest> refundFor(String lineId) {
        return refunds.stream().filter(r -> r.lineIds().contains(lineId)).reduce((first, second) -> second);
    }

    private boolean refundDeclinedFor(String lineId) {
        return refundFor(lineId)
                .filter(r -> r.state() == RefundRequest.State.REJECTED)
                .isPresent();
    }

    private boolean refundOpenFor(String lineId) {
        return refunds.stream().anyMatch(r -> r.isOpen() && r.lineIds().contains(lineId));
    }

    private boolean anyShipped() {
        return lines.stream()
                .anyMatch(line -> line.status() == LineStatus.SHIPPED || line.status() == LineStatus.DELIVERED);
    }

    private List<OrderLine> openLines() {
        return lines.stream().filter(OrderLine::isOpen).toList();
    }

    public OrderLine line(String lineId) {
        return lines.stream()
                .filter(line -> line.id().equals(lineId))
                .findFirst()
                .orElseThrow(() ->
                        new OrderRuleViolation("UNKNOWN_LINE", "lineIds", "This order has no line " + lineId + "."));
    }

    private void replaceLine(String lineId, UnaryOperator<OrderLine> change) {
        lines.replaceAll(line -> line.id().equals(lineId) ? change.apply(line) : line);
    }

    private static List<String> distinct(List<String> ids, String field) {
        if (ids == null || ids.isEmpty()) {
            throw new OrderRuleViolation("REQUIRED", field, "Name at least one line.");
        }
        Set<String> unique = new LinkedHashSet<>(ids);
        return List.copyOf(unique);
    }

    private PaymentOperation operation(
            String id, PaymentOperation.Kind kind, List<String> lineIds, BigDecimal amount, Instant at) {
        return new PaymentOperation(
                id, kind, number, List.copyOf(lineIds), amount, currency, at.truncatedTo(ChronoUnit.MILLIS));
    }

    private void record(Type type, Instant at, Map<String, String> details) {
        timeline.add(TimelineEvent.of(type, at, details));
        afterChange();
    }

    /** Keeps the timeline bounded and the stored late flag (searched by agents) true to the lines. */
    private void afterChange() {
        while (timeline.size() > TIMELINE_LIMIT) {
            timeline.remove(0);
        }
        late = lines.stream().anyMatch(line -> line.isOpen() && line.isLate());
    }

    private static Map<String, String> lineDetails(OrderLine line) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("line", line.id());
        details.put("name", line.name());
        details.put("latest", line.eta().latest().toString());
        return details;
    }

    public String id() {
        return id;
    }

    public String number() {
        return number;
    }

    public Customer customer() {
        return customer;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public String currency() {
        return currency;
    }

    public Destination destination() {
        return destination;
    }

    public DeliveryChoice delivery() {
        return delivery;
    }

    public OrderPolicy policy() {
        return policy;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public List<Shipment> shipments() {
        return List.copyOf(shipments);
    }

    public List<RefundRequest> refunds() {
        return List.copyOf(refunds);
    }

    public List<TimelineEvent> timeline() {
        return List.copyOf(timeline);
    }

    public List<PaymentOperation> pendingPayments() {
        return List.copyOf(pendingPayments);
    }

    public List<NotificationIntent> notifications() {
        return List.copyOf(notifications);
    }

    TrackingLink tracking() {
        return tracking;
    }

    Long version() {
        return version;
    }
}
