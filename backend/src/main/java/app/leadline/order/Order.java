package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import app.leadline.payment.Money;
import app.leadline.payment.PaymentOperation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

    @Id
    private final String id;

    private final String number;
    private final Customer customer;
    private final Instant placedAt;
    private final String currency;
    private final Destination destination;
    private DeliveryChoice delivery;
    private final OrderPolicy policy;
    private List<OrderLine> lines;
    private List<Shipment> shipments;
    private List<RefundRequest> refunds;
    private List<TimelineEvent> timeline;
    private List<PaymentOperation> pendingPayments;
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
        this.lines = List.copyOf(orEmpty(lines));
        this.shipments = List.copyOf(orEmpty(shipments));
        this.refunds = List.copyOf(orEmpty(refunds));
        this.timeline = List.copyOf(orEmpty(timeline));
        this.pendingPayments = List.copyOf(orEmpty(pendingPayments));
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
                TrackingLink.issue(id, token, seal, placedAt, linkLifetime),
                null,
                Set.of(),
                false,
                null,
                null,
                null);
        order.record(new OrderEvent.Placed(lines.size()), placedAt);
        lines.forEach(line -> line.placedAs().ifPresent(event -> order.record(event, placedAt)));
        return order;
    }

    // --- Tracking link -------------------------------------------------------------------------------------------

    /** Revokes the tracking link: it stops opening the order at once. */
    void revokeTrackingLink(Instant now) {
        if (tracking != null) {
            this.tracking = tracking.revoke();
        }
        record(new OrderEvent.TrackingLinkRevoked(), now);
    }

    /** Replaces the tracking link: the old one stops opening the order at once. */
    void reissueTrackingLink(TrackingToken token, LinkSeal seal, Instant now, Duration linkLifetime) {
        this.tracking = TrackingLink.issue(id, token, seal, now, linkLifetime);
        record(new OrderEvent.TrackingLinkReissued(), now);
    }

    boolean trackableAt(Instant now) {
        return tracking != null && tracking.opensAt(now);
    }

    // --- Wait or split -------------------------------------------------------------------------------------------

    /** What the customer may choose now, and what each choice means. */
    public DeliveryOptions deliveryOptions() {
        return DeliveryOptions.of(orderLines(), policy);
    }

    /** The parcels the open lines are expected to travel in under the current preference. */
    public List<Parcel> plannedParcels() {
        return ParcelPlan.planned(orderLines().open(), delivery.preference());
    }

    /**
     * Records the customer's (or an agent's) choice. Choosing what is already chosen changes nothing; a choice that
     * no longer applies is refused with the reason.
     *
     * @return whether anything changed
     */
    boolean chooseDelivery(DeliveryPreference preference, String by, Instant at) {
        deliveryOptions().requireOpen();
        if (delivery.preference() == preference) {
            return false;
        }
        delivery = delivery.chosen(preference, by, at);
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
            if (!orderLines().has(lineId)) {
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
            tellMoved(delayId + ":" + id, delayId, moved, reason, shiftDays, at);
        }
        return moved;
    }

    /**
     * Lines' latest dates moved: past the promise the customer may cancel, and is told so; otherwise it is news of a
     * new date (which the dispatcher leaves unsent when the move is small).
     */
    private void tellMoved(
            String intentId, String cause, List<String> moved, String reason, long shiftDays, Instant at) {
        boolean pastPromise = moved.stream().map(this::line).anyMatch(OrderLine::isLate);
        tell(new NotificationIntent(
                intentId,
                pastPromise
                        ? new CustomerNews.PastPromise(cause, List.copyOf(moved), reason, shiftDays)
                        : new CustomerNews.DatesMoved(cause, List.copyOf(moved), reason, shiftDays),
                at));
    }

    /**
     * Time overtook some lines' promises and nobody gave a new date: each named open line whose window ends before
     * its re-projected one moves to it, the timeline says it is running late, and the customer is told once for
     * this move under the same rules as a delay. A line whose window already reaches as far is left alone, so a
     * second sweep with nothing new changes nothing and tells nothing.
     *
     * @param daysOverdue each line's days since its goods were expected (to arrive, or to leave)
     * @return the ids of the lines moved now
     */
    List<String> runLate(Map<String, EtaWindow> windows, Map<String, Long> daysOverdue, Instant at) {
        List<String> moved = new ArrayList<>();
        long shiftDays = 0;
        for (Map.Entry<String, EtaWindow> entry : windows.entrySet()) {
            OrderLine line = line(entry.getKey());
            EtaWindow landing = entry.getValue().landingOn(policy.receivingDays());
            if (!line.isOpen() || !landing.latest().isAfter(line.eta().latest())) {
                continue;
            }
            replaceLine(line.id(), current -> current.withEta(landing, OrderLine.RUNNING_LATE));
            record(
                    new OrderEvent.RunningLate(
                            line.id(),
                            line.name(),
                            line.eta().latest(),
                            landing.latest(),
                            daysOverdue.getOrDefault(line.id(), 0L)),
                    at);
            moved.add(line.id());
            shiftDays = Math.max(shiftDays, ChronoUnit.DAYS.between(line.eta().latest(), landing.latest()));
        }
        if (!moved.isEmpty()) {
            String move = moved.stream()
                    .map(lineId -> lineId + "@" + line(lineId).eta().latest())
                    .collect(java.util.stream.Collectors.joining(","));
            tellMoved(OrderLine.RUNNING_LATE + ":" + id + ":" + move, OrderLine.RUNNING_LATE, moved, "", shiftDays, at);
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
        List<OrderLine> leaving = orderLines().readyToLeave();
        boolean complete = orderLines().waiting().isEmpty();
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
        List<String> ids = OrderLines.distinct(lineIds, "lineIds");
        for (String lineId : ids) {
            OrderLine line = line(lineId);
            if (!line.isOpen()) {
                throw new OrderRuleViolation(
                        "LINE_NOT_SHIPPABLE", "lineIds", "Line " + lineId + " is " + line.status() + ".");
            }
        }
        Money amount = orderLines().amountOf(ids);
        for (String lineId : ids) {
            replaceLine(lineId, line -> line.withStatus(LineStatus.SHIPPED, PaymentState.CAPTURED));
        }
        Shipment shipment =
                new Shipment(UUID.randomUUID().toString(), ids, carrier, trackingNumber, at, null, amount.amount());
        shipments = new Shipments(shipments).with(shipment).all();
        proposedShipment =
                proposedShipment().flatMap(proposed -> proposed.without(ids)).orElse(null);
        keep(ledger().captured(shipment.id(), ids, amount, at));
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
        Shipment shipment = new Shipments(shipments).tracked(trackingNumber);
        if (shipment.deliveredAt() != null) {
            return false;
        }
        shipments =
                new Shipments(shipments).delivered(shipment, deliveredAt, now).all();
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
        return orderLines().allArrived();
    }

    /** Whether the customer may answer now: asked, and not answered more than a week ago. */
    public boolean feedbackOpen(Instant now) {
        return Feedback.open(feedback, feedbackAsked(), now);
    }

    /** The customer answers the question (or changes the answer within a week of first giving it). */
    void answerFeedback(int score, String comment, Instant now) {
        Feedback previous = feedback;
        feedback = Feedback.answer(previous, feedbackAsked(), score, comment, now);
        record(new OrderEvent.FeedbackGiven(score, Optional.ofNullable(feedback.comment()), previous != null), now);
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
        return cancellations().cancellable(line);
    }

    /** Whether the given lines are all already cancelled or waiting for a refund: a replay of a request. */
    public boolean alreadyCancelled(List<String> lineIds) {
        return cancellations().alreadyCancelled(lineIds);
    }

    /**
     * The customer cancels lines. Lines not yet charged are cancelled and their authorisation voided at once;
     * charged lines become one refund request, approved at once when the policy says the delay is long enough.
     */
    void cancelLines(List<String> lineIds, Instant at) {
        List<String> ids = OrderLines.distinct(lineIds, "lineIds");
        cancellations().requireEach(ids);
        List<String> charged = new ArrayList<>();
        for (String lineId : ids) {
            OrderLine line = line(lineId);
            if (line.payment() == PaymentState.CAPTURED) {
                charged.add(lineId);
                continue;
            }
            replaceLine(lineId, current -> current.withStatus(LineStatus.CANCELLED, PaymentState.VOIDED));
            Money amount = line.amountIn(currency);
            keep(ledger().voided(lineId, amount, at));
            record(new OrderEvent.LineCancelled(lineId, line.name(), amount.amount()), at);
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
        cancellations().requireAny(lineIds);
        Optional<OrderRuleViolation> refused = useVerificationCode(codeHash, at);
        if (refused.isEmpty()) {
            cancelLines(lineIds, at);
        }
        return refused;
    }

    private void requestRefund(List<String> lineIds, Instant at) {
        Money amount = orderLines().amountOf(lineIds);
        RefundRequest request = RefundRequest.forDelay(lineIds, amount, at);
        keep(ledger().requested(request));
        record(new OrderEvent.RefundRequested(List.copyOf(lineIds), amount.amount()), at);
        if (cancellations().refundApprovedAtOnce(lineIds)) {
            decideRefund(request.id(), true, "policy", "The delay passed the shop's limit.", at);
        }
    }

    /** An agent (or the policy) decides a refund request; approval refunds the lines through the payment port. */
    void decideRefund(String refundId, boolean approve, String by, String reason, Instant at) {
        PaymentLedger.Decision decision = ledger().decide(refundId, approve, by, reason, at);
        keep(decision.ledger());
        RefundRequest request = decision.request();
        if (approve) {
            request.lineIds()
                    .forEach(
                            id -> replaceLine(id, line -> line.withStatus(LineStatus.REFUNDED, PaymentState.REFUNDED)));
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
        keep(ledger().sent(operationId));
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
        return orderLines().eta(delivery.preference());
    }

    /**
     * When a closed line was closed: shipped or delivered (its parcel's times), refunded (when the refund was decided)
     * or cancelled (as the timeline keeps it). Empty for an open line, and for a cancellation older than the timeline
     * keeps.
     */
    public Optional<Instant> closedAt(String lineId) {
        Optional<Shipment> parcel = new Shipments(shipments).carrying(lineId);
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
        return orderLines().open().isEmpty() ? Optional.empty() : Optional.of(eta());
    }

    /** What all the order's lines cost together. */
    public Money orderTotal() {
        return orderLines().total();
    }

    /** Captured and not refunded: what the customer has been charged so far. */
    public Money totalCharged() {
        return orderLines().totalOf(PaymentState.CAPTURED);
    }

    /** What has been paid back: the lines refunded. */
    public Money totalRefunded() {
        return orderLines().totalOf(PaymentState.REFUNDED);
    }

    public Optional<RefundRequest> refundFor(String lineId) {
        return ledger().refundFor(lineId);
    }

    public OrderLine line(String lineId) {
        return orderLines().line(lineId);
    }

    private OrderLines orderLines() {
        return new OrderLines(lines, currency);
    }

    private void replaceLine(String lineId, UnaryOperator<OrderLine> change) {
        lines = orderLines().changed(lineId, change).all();
    }

    private Cancellations cancellations() {
        return new Cancellations(orderLines(), ledger(), policy);
    }

    private PaymentLedger ledger() {
        return new PaymentLedger(number, currency, refunds, pendingPayments);
    }

    private void keep(PaymentLedger ledger) {
        refunds = ledger.refunds();
        pendingPayments = ledger.pending();
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
        late = orderLines().anyOpenLate();
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
