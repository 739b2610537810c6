package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import app.leadline.payment.PaymentOperation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** How far ahead of Leadline's clock a shop's or carrier's clock may be when it reports a delivery. */
    static final Duration DELIVERY_CLOCK_SKEW = Duration.ofMinutes(5);

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
    private List<TimelineEvent> timeline;
    private final List<PaymentOperation> pendingPayments;
    private List<NotificationIntent> notifications;
    private Verification verification;
    private TrackingLink tracking;
    private Parcel proposedShipment;
    /** Channels the customer turned off on the tracking page ({@code EMAIL}, {@code SMS}). */
    private final Set<String> mutedChannels;
    /** Kept in the document so that agents can search for late orders; derived from the lines on every change. */
    private boolean late;
    /** The answer to the question asked once everything is delivered; null until given. */
    private Feedback feedback;
    /** What agents find the order by ({@link SearchKeys}); derived from the order when made and on every change. */
    private List<String> searchKeys;

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
            List<String> searchKeys,
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
        this.timeline = List.copyOf(orEmpty(timeline));
        this.pendingPayments = new ArrayList<>(orEmpty(pendingPayments));
        this.notifications = List.copyOf(orEmpty(notifications));
        this.verification = verification;
        this.tracking = tracking;
        this.proposedShipment = proposedShipment;
        this.mutedChannels = new TreeSet<>(mutedChannels == null ? Set.of() : mutedChannels);
        this.late = Boolean.TRUE.equals(late);
        this.feedback = feedback;
        this.version = version;
        // Kept as stored (a read that left some fields out must not derive keys from what it lacks); an order
        // placed now, or stored before there were keys, gets them from itself.
        this.searchKeys =
                searchKeys != null ? List.copyOf(searchKeys) : number != null ? SearchKeys.of(this) : List.of();
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
                null,
                null);
        order.record(new OrderEvent.Placed(lines.size()), placedAt);
        for (OrderLine line : lines) {
            switch (line.source()) {
                case BACKORDER ->
                    order.record(
                            new OrderEvent.Backordered(
                                    line.id(), line.name(), line.eta().latest()),
                            placedAt);
                case DROPSHIP ->
                    order.record(
                            new OrderEvent.Dropshipped(
                                    line.id(), line.name(), line.eta().latest()),
                            placedAt);
                case STOCK -> {}
            }
        }
        return order;
    }

    // --- Tracking link -------------------------------------------------------------------------------------------

    /** Revokes the tracking link: it stops opening the order at once. */
    void revokeTrackingLink(Instant now) {
        if (tracking != null) {
            this.tracking = new TrackingLink(tracking.tokenHash(), null, tracking.expiresAt(), true);
        }
        record(new OrderEvent.TrackingLinkRevoked(), now);
    }

    /** Replaces the tracking link: the old one stops opening the order at once. */
    void reissueTrackingLink(TrackingToken token, LinkSeal seal, Instant now, Duration linkLifetime) {
        this.tracking = new TrackingLink(token.hash(), seal.seal(id, token), now.plus(linkLifetime), false);
        record(new OrderEvent.TrackingLinkReissued(), now);
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
        List<Parcel> split = ParcelPlan.split(open);
        BigDecimal extra = policy.extraParcelFee().multiply(BigDecimal.valueOf(Math.max(0, split.size() - 1)));
        return new DeliveryOptions(closed, ParcelPlan.together(open), split, extra);
    }

    /** The parcels the open lines are expected to travel in under the current preference. */
    public List<Parcel> plannedParcels() {
        return ParcelPlan.planned(openLines(), delivery.preference());
    }

    /**
     * Records the customer's (or an agent's) choice. Choosing what is already chosen changes nothing; a choice that
     * no longer applies is refused with the reason.
     *
     * @return whether anything changed
     */
    boolean chooseDelivery(DeliveryPreference preference, String by, Instant at) {
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
        record(new OrderEvent.DeliveryChosen(preference, by), at);
        return true;
    }

    // --- ETA moves -----------------------------------------------------------------------------------------------

    /**
     * Moves a line's window because of a supplier delay. A line already moved by this delay is left alone, so that
     * applying the same delay again changes nothing.
     *
     * @return whether the line moved
     */
    boolean moveEta(String lineId, EtaWindow window, String delayId, String reason, String internalNote, Instant at) {
        OrderLine line = line(lineId);
        if (delayId.equals(line.lastDelay()) || !line.isOpen()) {
            return false;
        }
        replaceLine(lineId, current -> current.withEta(window, delayId));
        record(
                new OrderEvent.EtaMoved(lineId, line.name(), line.eta().latest(), window.latest(), reason),
                at,
                internalNote);
        return true;
    }

    /**
     * A purchase order now carries a line that waited to be ordered: the line waits for it, expected in the given
     * window. The customer is told only when that moves the line's latest date; the date first promised stays.
     *
     * @return whether the line is now allocated to the purchase order (false when it no longer waited)
     */
    boolean allocateToPurchaseOrder(String lineId, String purchaseOrder, EtaWindow window, Instant at) {
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
    boolean leaveCancelledPurchaseOrder(String lineId, String cancelled, String next, EtaWindow window, Instant at) {
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
            record(new OrderEvent.EtaMoved(lineId, line.name(), line.eta().latest(), landing.latest(), ""), at, note);
            long shiftDays = Math.abs(ChronoUnit.DAYS.between(line.eta().latest(), landing.latest()));
            tell(new NotificationIntent(
                    delay + ":" + id + ":" + lineId,
                    line(lineId).isLate()
                            ? new CustomerNews.PastPromise(delay, List.of(lineId), "", shiftDays)
                            : new CustomerNews.DatesMoved(delay, List.of(lineId), "", shiftDays),
                    at));
        }
    }

    /**
     * A supplier delay moves some of this order's lines, each to its new window; lines this delay already moved are
     * skipped, so applying it again (a resumed job) changes nothing. The customer reads the reason; the note is for
     * agents. One notification intent is queued for the whole order.
     *
     * @return the ids of the lines moved now
     */
    List<String> applyDelay(
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
            tell(new NotificationIntent(
                    delayId + ":" + id,
                    pastPromise
                            ? new CustomerNews.PastPromise(delayId, List.copyOf(moved), reason, shiftDays)
                            : new CustomerNews.DatesMoved(delayId, List.copyOf(moved), reason, shiftDays),
                    at));
        }
        return moved;
    }

    /**
     * Goods arrived for some lines: they are ready to leave. When the order is now complete, or the customer chose
     * to have ready items shipped, a shipment is proposed at once, so the shipping cycle starts itself.
     *
     * @return the lines that became ready now
     */
    List<String> markReady(List<String> lineIds, Instant at) {
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
        record(new OrderEvent.GoodsReceived(List.copyOf(ready)), at);
        List<OrderLine> open = openLines();
        List<OrderLine> leaving =
                open.stream().filter(OrderLine::isReadyToLeave).toList();
        boolean complete = leaving.size() == open.size();
        if (complete || delivery.preference() == DeliveryPreference.SHIP_AS_AVAILABLE) {
            proposedShipment = ParcelPlan.together(leaving);
            tell(new NotificationIntent(
                    UUID.randomUUID().toString(), new CustomerNews.ReadyToShip(proposedShipment.lineIds()), at));
        } else if (policy.customerMayChoose()) {
            // Part is ready, the customer waits for all but may choose otherwise: ask.
            tell(new NotificationIntent(
                    UUID.randomUUID().toString(), new CustomerNews.ChoiceNeeded(List.copyOf(ready)), at));
        }
        return ready;
    }

    /**
     * A receipt booked against the wrong purchase order was taken back: the named lines it made ready wait for the
     * purchase order again and leave any parcel proposed for them; while the customer waits for everything, an order
     * no longer complete has none proposed. Lines that left (or wait for another purchase order) are not touched.
     *
     * @return the lines that went back to waiting now
     */
    List<String> returnToWaiting(String purchaseOrder, List<String> lineIds, Instant at) {
        List<String> back = new ArrayList<>();
        for (String lineId : lineIds) {
            OrderLine line = line(lineId);
            if (line.status() == LineStatus.READY && purchaseOrder.equals(line.purchaseOrder())) {
                replaceLine(lineId, current -> current.withStatus(LineStatus.AWAITING_SUPPLIER, current.payment()));
                back.add(lineId);
            }
        }
        if (back.isEmpty()) {
            return back;
        }
        if (proposedShipment != null) {
            List<String> remaining = proposedShipment.lineIds().stream()
                    .filter(id -> !back.contains(id))
                    .toList();
            boolean keep = !remaining.isEmpty() && delivery.preference() == DeliveryPreference.SHIP_AS_AVAILABLE;
            proposedShipment = keep ? new Parcel(remaining, proposedShipment.eta()) : null;
        }
        record(new OrderEvent.ReceiptReversed(purchaseOrder, List.copyOf(back)), at);
        afterChange();
        return back;
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
        tell(new NotificationIntent("confirmed:" + id, new CustomerNews.Confirmed(), at));
    }

    /** The customer's choice of channels for messages about this order; one-time codes go out regardless. */
    void chooseMessageChannels(boolean email, boolean sms) {
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
    List<NotificationIntent> claimNotifications(Instant now, Duration lease) {
        Outbox.Claim claim = new Outbox(notifications).claim(now, lease);
        notifications = claim.outbox().intents();
        return claim.claimed();
    }

    void notificationSent(String intentId, Instant at) {
        notifications = new Outbox(notifications).sent(intentId, at).intents();
    }

    // --- Shipping ------------------------------------------------------------------------------------------------

    /** Lines leave in a parcel: they are shipped and their amount is captured (charge per shipment). */
    Shipment ship(List<String> lineIds, String carrier, String trackingNumber, Instant at) {
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
        OrderEvent.Shipped shipped = new OrderEvent.Shipped(ids, carrier, trackingNumber);
        tell(new NotificationIntent("shipped:" + shipment.id(), shipped, at));
        record(shipped, at);
        return shipment;
    }

    /**
     * The parcel with this tracking number reached the customer at {@code deliveredAt}: its lines are delivered and
     * the customer is told. Reporting the same delivery again changes nothing.
     *
     * @return whether anything changed
     */
    boolean markDelivered(String trackingNumber, Instant deliveredAt, Instant now) {
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
        shipments.set(shipments.indexOf(shipment), shipment.delivered(deliveredAt));
        shipment.lineIds().stream()
                .filter(id -> line(id).status() == LineStatus.SHIPPED)
                .forEach(id -> replaceLine(id, line -> line.withStatus(LineStatus.DELIVERED, line.payment())));
        OrderEvent.Delivered delivered =
                new OrderEvent.Delivered(shipment.lineIds(), shipment.carrier(), shipment.trackingNumber());
        tell(new NotificationIntent("delivered:" + shipment.id(), delivered, now));
        record(delivered, deliveredAt);
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
    void answerFeedback(int score, String comment, Instant now) {
        if (!feedbackOpen(now)) {
            throw new OrderRuleViolation(
                    "FEEDBACK_CLOSED",
                    "score",
                    feedbackAsked()
                            ? "The answer can be changed for a week after it was given."
                            : "The question is asked once everything has been delivered.");
        }
        boolean first = feedback == null;
        feedback = Feedback.answer(feedback, score, comment, now);
        record(new OrderEvent.FeedbackGiven(score, Optional.ofNullable(feedback.comment()), !first), now);
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
    void cancelLines(List<String> lineIds, Instant at) {
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
            record(new OrderEvent.LineCancelled(lineId, line.name(), line.amount()), at);
        }
        if (!charged.isEmpty()) {
            requestRefund(charged, at);
        }
    }

    /**
     * The customer cancels lines, confirmed with a one-time code. A wrong code counts against the code and cancels
     * nothing (the caller stores the order all the same, so that the attempt is remembered).
     *
     * @return empty when the lines were cancelled, else the refusal to answer with
     */
    Optional<OrderRuleViolation> cancelLinesWithCode(List<String> lineIds, String codeHash, Instant at) {
        lineIds.forEach(this::line);
        if (lineIds.stream().noneMatch(id -> cancellable(line(id)))) {
            throw new OrderRuleViolation("LINE_NOT_CANCELLABLE", "lineIds", "These items cannot be cancelled now.");
        }
        Optional<OrderRuleViolation> refused = useVerificationCode(codeHash, at);
        if (refused.isEmpty()) {
            cancelLines(lineIds, at);
        }
        return refused;
    }

    private void requestRefund(List<String> lineIds, Instant at) {
        BigDecimal amount = lineIds.stream().map(id -> line(id).amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        RefundRequest request = RefundRequest.forDelay(lineIds, amount, at);
        refunds.add(request);
        record(new OrderEvent.RefundRequested(List.copyOf(lineIds), amount), at);
        long daysLate =
                lineIds.stream().mapToLong(id -> line(id).daysLate()).max().orElse(0);
        policy.autoApprovalThreshold()
                .filter(threshold -> daysLate > threshold)
                .ifPresent(threshold ->
                        decideRefund(request.id(), true, "policy", "The delay passed the shop's limit.", at));
    }

    /** An agent (or the policy) decides a refund request; approval refunds the lines through the payment port. */
    void decideRefund(String refundId, boolean approve, String by, String reason, Instant at) {
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
        record(new OrderEvent.RefundDecided(approve, request.amount(), reason), at);
        tell(new NotificationIntent(
                "refund:" + request.id(),
                approve
                        ? new CustomerNews.RefundApproved(request.lineIds(), request.amount(), reason)
                        : new CustomerNews.RefundRejected(request.lineIds(), request.amount(), reason),
                at));
    }

    /** A payment operation reached the provider: it leaves the outbox, and an approved refund is now paid. */
    void paymentSent(String operationId) {
        pendingPayments.removeIf(operation -> operation.id().equals(operationId));
        refunds.replaceAll(r -> r.id().equals(operationId) && r.state() == RefundRequest.State.APPROVED ? r.paid() : r);
    }

    // --- One-time codes ------------------------------------------------------------------------------------------

    /** A new code goes out; at most a few per quarter hour. */
    void issueVerificationCode(String codeHash, String channel, Instant at, Duration lifetime) {
        verification = Verification.issue(verification, codeHash, channel, at, lifetime);
        record(new OrderEvent.VerificationCodeSent(channel), at);
    }

    /**
     * Checks a code and uses it up. A wrong code counts against the code (the caller must store the order even
     * when this refuses, so that the attempt is remembered).
     *
     * @return empty when the code is right, else the refusal to answer with
     */
    Optional<OrderRuleViolation> useVerificationCode(String codeHash, Instant at) {
        Verification.Attempt attempt = Verification.use(verification, codeHash, at);
        verification = attempt.after();
        return attempt.refusal();
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

    /**
     * When a closed line was closed: shipped or delivered (its parcel's times), refunded (when the refund was decided)
     * or cancelled (as the timeline keeps it). Empty for an open line, and for a cancellation older than the timeline
     * keeps.
     */
    public Optional<Instant> closedAt(String lineId) {
        Optional<Shipment> parcel = shipments.stream()
                .filter(shipment -> shipment.lineIds().contains(lineId))
                .findFirst();
        return switch (line(lineId).status()) {
            case SHIPPED -> parcel.map(Shipment::shippedAt);
            case DELIVERED -> parcel.map(Shipment::deliveredAt);
            case REFUNDED -> refundFor(lineId).map(RefundRequest::decidedAt);
            case CANCELLED ->
                timeline.stream()
                        .filter(entry -> entry.event() instanceof OrderEvent.LineCancelled cancelled
                                && lineId.equals(cancelled.line()))
                        .map(TimelineEvent::at)
                        .reduce((first, last) -> last);
            case RESERVED, AWAITING_SUPPLIER, READY -> Optional.empty();
        };
    }

    /** The window of the lines still open under the delivery preference; empty once none is. */
    public Optional<EtaWindow> etaOfOpenLines() {
        return openLines().isEmpty() ? Optional.empty() : Optional.of(eta());
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

    private void record(OrderEvent event, Instant at) {
        record(event, at, null);
    }

    private void record(OrderEvent event, Instant at, String internalNote) {
        timeline = new Timeline(timeline)
                .with(TimelineEvent.of(event, at, internalNote))
                .entries();
        afterChange();
    }

    private void tell(NotificationIntent intent) {
        notifications = new Outbox(notifications).with(intent).intents();
    }

    /** Keeps what agents search by (the late flag, the search keys) true to the order. */
    private void afterChange() {
        late = lines.stream().anyMatch(line -> line.isOpen() && line.isLate());
        searchKeys = SearchKeys.of(this);
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
