package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import app.leadline.delivery.ReceivingDays;
import app.leadline.payment.Money;
import app.leadline.payment.PaymentOperation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The aggregate: one order, its lines with their own promises, shipments, refunds, timeline, tracking link and the
 * payment operations still to be sent, stored as one document. It changes only through methods that check its
 * state, change it, and record what happened; a refused change throws {@link OrderRuleViolation} and leaves the
 * order as it was. Families of rules live in values over the order's parts ({@link Schedule}, {@link Arrivals},
 * {@link Shipping}, {@link Cancellations}); each gives an {@link Outcome} that the order keeps whole.
 */
@Document("orders")
public class Order {

    @Id
    private final String id;

    private final String number;
    private Customer customer;
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
    /** The extra shipping the customer agreed to pay for ready items first; null when they never did. */
    private ExtraShipping extraShipping;

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
    /**
     * The searched values ({@link SearchKeys#searchedValues}) the keys were derived from, so that they are derived
     * again only when one of those changes; not stored.
     */
    @Transient
    private List<String> keyedFrom;

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
            ExtraShipping extraShipping,
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
        this.extraShipping = extraShipping;
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
        this.keyedFrom = SearchKeys.searchedValues(this);
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
                null,
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
        // All in stock, or items as they are ready: what can leave is proposed at once, as goods arriving would be.
        order.proposedShipment = order.arrivals().proposedNow().orElse(null);
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

    /** Whether the customer's tracking link opens the order now: neither revoked nor expired. */
    public boolean trackableAt(Instant now) {
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
     * When a line reaches the customer: its parcel's window while it is open (an item that waits for the order's one
     * delivery comes when that does), else its own. What the page shows in bold and messages say.
     */
    public EtaWindow arrivalOf(String lineId) {
        return arrivalWith(lineId, Map.of());
    }

    /**
     * Whether the customer would be told of the given lines expected in the given windows: a line reaches them on
     * another latest day than now (one waiting for the order's one delivery may move inside its window unseen), the
     * rule a move's news follows ({@link Schedule}).
     */
    public boolean deliveryMovesWith(Map<String, EtaWindow> windows) {
        return windows.keySet().stream()
                .anyMatch(lineId -> !arrivalWith(lineId, windows)
                        .latest()
                        .equals(arrivalOf(lineId).latest()));
    }

    /** As {@link #arrivalOf}, were the given lines expected in the given windows (a delay's review, nothing kept). */
    public EtaWindow arrivalWith(String lineId, Map<String, EtaWindow> windows) {
        List<OrderLine> open = orderLines().open().stream()
                .map(line ->
                        windows.containsKey(line.id()) ? line.withEta(windows.get(line.id()), line.lastDelay()) : line)
                .toList();
        return ParcelPlan.arrivalOf(
                lineId,
                open,
                delivery.preference(),
                windows.getOrDefault(lineId, line(lineId).eta()));
    }

    /**
     * Records the customer's choice. Choosing what is already chosen changes nothing; a choice that no longer applies
     * is refused with the reason. Ready items first at a cost moves money: it needs the one-time code ({@code
     * CODE_REQUIRED} without one; a wrong code counts against the code and changes nothing else, so the caller stores
     * the order all the same), and authorises the extra shipping on the customer's card. Going back to one delivery
     * releases it. What is ready is proposed to leave now, or proposed no longer, as the choice says
     * ({@link Arrivals#proposedOnceChosen()}).
     *
     * @param codeHash the hash of the code the customer gave, null for none
     * @return empty when the choice holds, else the refusal to answer with
     */
    Optional<OrderRuleViolation> chooseDelivery(DeliveryPreference preference, String by, String codeHash, Instant at) {
        DeliveryOptions options = deliveryOptions();
        options.requireOpen();
        if (delivery.preference() == preference) {
            return Optional.empty();
        }
        java.math.BigDecimal reserved = null;
        java.math.BigDecimal released = null;
        if (preference == DeliveryPreference.SHIP_AS_AVAILABLE
                && !options.extraCost().isZero()) {
            if (codeHash == null) {
                throw new OrderRuleViolation(
                        "CODE_REQUIRED",
                        "code",
                        "Shipping ready items first costs " + options.extraCost()
                                + " extra; confirm it with the one-time code sent to your e-mail or phone.");
            }
            Optional<OrderRuleViolation> refused = useVerificationCode(codeHash, at);
            if (refused.isPresent()) {
                return refused;
            }
            keep(ledger().extraShippingAuthorised(options.extraParcelFee(), options.extraCost(), at));
            reserved = options.extraCost().amount();
        } else {
            Money releasable = ledger().extraShippingReleasable();
            released = releasable.isZero() ? null : releasable.amount();
            keep(ledger().extraShippingReleased(at));
        }
        delivery = delivery.chosen(preference, by, at);
        proposedShipment = arrivals().proposedOnceChosen().orElse(null);
        // The customer reads in their timeline what the choice reserved on their card, or released.
        record(new OrderEvent.DeliveryChosen(preference, by, reserved, released), at);
        return Optional.empty();
    }

    // --- ETA moves and goods arriving (the rules: Schedule, Arrivals) ------------------------------------------

    /**
     * Moves a line's window because of a supplier delay; a line this delay already moved is left alone.
     *
     * @return whether the line moved
     */
    boolean moveEta(String lineId, EtaWindow window, String delayId, String reason, String internalNote, Instant at) {
        return keep(schedule().moveEta(lineId, window, delayId, reason, Note.written(internalNote), at))
                .any();
    }

    /**
     * A purchase order now carries a line that waited to be ordered; the customer is told only when that moves the
     * line's latest date.
     *
     * @return whether the line is now allocated to the purchase order (false when it no longer waited)
     */
    boolean allocateToPurchaseOrder(String lineId, String purchaseOrder, EtaWindow window, Instant at) {
        return allocateToPurchaseOrder(lineId, purchaseOrder, window, Optional.empty(), at);
    }

    /** As above, held at least as late as a supplier's delay in force on that purchase order has its lines. */
    boolean allocateToPurchaseOrder(
            String lineId, String purchaseOrder, EtaWindow window, Optional<DelaysInForce.Held> held, Instant at) {
        return keep(schedule().allocate(lineId, purchaseOrder, window, held, at))
                .any();
    }

    /**
     * The purchase order a line waited for was cancelled: the line waits for the next one, or to be ordered again.
     *
     * @param next the purchase order the line now waits for; null when it waits to be ordered
     * @return false when the line no longer waits for the cancelled purchase order
     */
    boolean leaveCancelledPurchaseOrder(String lineId, String cancelled, String next, EtaWindow window, Instant at) {
        return keep(schedule().leaveCancelled(lineId, cancelled, next, window, at))
                .any();
    }

    /**
     * A line waiting for purchase order {@code from} (null: to be ordered) takes spare units on {@code to}'s shelf: it
     * waits for {@code to} now, whose goods then make it ready.
     *
     * @return false when the line no longer waits as {@code from} says
     */
    boolean takeSpareUnits(String lineId, String from, String to) {
        return keep(schedule().takeSpareUnits(lineId, from, to)).any();
    }

    /**
     * A supplier delay moves some of this order's lines; applying it again (a resumed job) changes nothing.
     *
     * @return the ids of the lines moved now
     */
    List<String> applyDelay(
            String delayId, Map<String, EtaWindow> windows, String reason, String internalNote, Instant at) {
        return applyDelay(delayId, windows, Map.of(), reason, Note.written(internalNote), at);
    }

    /**
     * As {@link #applyDelay(String, Map, String, String, Instant)}, where some lines' new windows are another delay's
     * (still in force): those keep that delay as the one that last moved them. The note is an agent's, or what
     * Leadline noted of a correction.
     */
    List<String> applyDelay(
            String delayId,
            Map<String, EtaWindow> windows,
            Map<String, String> standsOn,
            String reason,
            Note note,
            Instant at) {
        return keep(schedule().applyDelay(delayId, windows, standsOn, reason, note, at))
                .changed();
    }

    /**
     * Time overtook some lines' promises and nobody gave a new date: they move to their re-projected windows.
     *
     * @param daysOverdue each line's days since its goods were expected (to arrive, or to leave)
     * @return the ids of the lines moved now
     */
    List<String> runLate(Map<String, EtaWindow> windows, Map<String, Long> daysOverdue, Instant at) {
        return keep(schedule().runLate(windows, daysOverdue, at)).changed();
    }

    /**
     * Goods arrived for some lines: they are ready to leave, expected in the window given, and a parcel is proposed
     * when they may.
     *
     * @param leaving the window of goods leaving after their arrival
     * @return the lines that became ready now
     */
    List<String> markReady(List<String> lineIds, EtaWindow leaving, Instant at) {
        return markReady(lineIds, leaving, at, null);
    }

    /** As {@link #markReady(List, EtaWindow, Instant)}, with a note for agents on how the goods came to the lines. */
    List<String> markReady(List<String> lineIds, EtaWindow leaving, Instant at, Note note) {
        return keep(arrivals().ready(lineIds, leaving, at, note));
    }

    /**
     * A receipt booked against the wrong purchase order was taken back: the lines it made ready wait again.
     *
     * @param cause the correction that takes it back, which tells the customer (see {@link Arrivals#returned}); null
     *     tells nothing
     * @return the lines that went back to waiting now
     */
    List<String> returnToWaiting(String purchaseOrder, List<String> lineIds, Instant at, String cause) {
        return keep(arrivals().returned(purchaseOrder, lineIds, at, cause));
    }

    public Optional<Parcel> proposedShipment() {
        return Optional.ofNullable(proposedShipment);
    }

    public boolean isLate() {
        return late;
    }

    // --- Notifications -------------------------------------------------------------------------------------------

    /**
     * Makes a change to this order and answers the news it adds for the customer: what the change would tell them,
     * for a preview worked out on an order that is then thrown away.
     */
    List<CustomerNews> newsOf(Runnable change) {
        java.util.Set<String> before =
                notifications.stream().map(NotificationIntent::id).collect(java.util.stream.Collectors.toSet());
        change.run();
        return notifications.stream()
                .filter(intent -> !before.contains(intent.id()))
                .flatMap(intent -> intent.news().stream())
                .toList();
    }

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

    /** The customer's choice of the language messages about this order come in, one of those Leadline speaks. */
    void chooseMessageLanguage(String language) {
        customer = customer.readingIn(language);
    }

    /** Whether messages about this order go out on the channel ({@code EMAIL} or {@code SMS}). */
    public boolean receives(String channel) {
        return !mutedChannels.contains(channel);
    }

    /**
     * A dispatcher takes the intents nobody is sending for a while; another dispatcher (or this one after a crash)
     * gets them again only once the lease has run out. The messages they become carry the tracking link, which then
     * opens for {@code linkLifetime} from now.
     */
    List<NotificationIntent> claimNotifications(Instant now, Duration lease, Duration linkLifetime) {
        Outbox.Claim claim = new Outbox(notifications).claim(now, lease);
        notifications = claim.outbox().intents();
        if (!claim.claimed().isEmpty() && tracking != null) {
            tracking = tracking.carriedAt(now, linkLifetime);
        }
        return claim.claimed();
    }

    void notificationSent(String intentId, Instant at) {
        notifications = new Outbox(notifications).sent(intentId, at).intents();
    }

    // --- Shipping ------------------------------------------------------------------------------------------------

    /**
     * Open lines leave in a parcel: they are shipped, their amount is captured (charge per shipment), and they are
     * expected in the carrier's window {@code delivery}.
     */
    Shipment ship(List<String> lineIds, String carrier, String trackingNumber, Instant at, EtaWindow delivery) {
        Shipment shipment = keep(shipping().ship(lineIds, carrier, trackingNumber, at, delivery))
                .shipment();
        releaseExtraShippingWhenDone(at);
        return shipment;
    }

    /**
     * The parcel with this tracking number reached the customer: its lines are delivered and the customer is told.
     *
     * @return whether anything changed (false when the delivery was reported before)
     */
    boolean markDelivered(String trackingNumber, Instant deliveredAt, Instant now) {
        return keep(shipping().delivered(trackingNumber, deliveredAt, now))
                .outcome()
                .any();
    }

    // --- The question at the end --------------------------------------------------------------------------------

    /** Whether the customer is asked how they were kept informed: once nothing is left to arrive, and something did. */
    public boolean feedbackAsked() {
        return orderLines().allArrived();
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
     * The customer cancels lines: uncharged ones at once, charged ones as one refund request. What is left to send
     * is proposed afresh ({@link Arrivals#proposedNow()}): the items that only waited for a cancelled one leave now.
     */
    void cancelLines(List<String> lineIds, Instant at) {
        // Told with the lines' own reservation: what of the extra shipping is released with them.
        Money extraShipping = extraShippingReleasedByCancelling(lineIds);
        keep(cancellations().cancel(lineIds, extraShipping, at));
        proposedShipment = arrivals().proposedNow().orElse(null);
        releaseExtraShippingWhenDone(at);
    }

    /**
     * Once no parcel of the shop's can take extra shipping any more, the rest is released: when the shop has nothing
     * left to send, and when what it has left goes in one parcel before any other of its parcels (the late item the
     * others were to leave ahead of was cancelled: they leave together, as the first). What suppliers still send of
     * dropshipped items takes none.
     */
    private void releaseExtraShippingWhenDone(Instant at) {
        if (noExtraParcelLeft(orderLines().fromShop().open())) {
            keep(ledger().extraShippingReleased(at));
        }
    }

    /** Whether the shop's open lines given would leave without a parcel beyond the shop's first. */
    private boolean noExtraParcelLeft(List<OrderLine> openFromShop) {
        int parcels = ParcelPlan.planned(openFromShop, delivery.preference()).size();
        return parcels == 0 || (parcels == 1 && !shipping().shopSentOne());
    }

    /**
     * What of the extra shipping reserved on the customer's card cancelling this line now would release as well: the
     * untaken rest when no parcel of the shop's could take any more without it, else nothing. The customer reads it
     * before they cancel.
     */
    public Money extraShippingReleasedByCancelling(OrderLine line) {
        return extraShippingReleasedByCancelling(List.of(line.id()));
    }

    private Money extraShippingReleasedByCancelling(List<String> lineIds) {
        Money releasable = ledger().extraShippingReleasable();
        List<OrderLine> open = orderLines().fromShop().open();
        List<OrderLine> rest =
                open.stream().filter(other -> !lineIds.contains(other.id())).toList();
        // Nothing of the shop's goes (a dropshipped item only): its parcels are as they were.
        return releasable.isZero() || rest.size() == open.size() || !noExtraParcelLeft(rest)
                ? Money.zero(currency)
                : releasable;
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

    /** An agent (or the policy) decides a refund request; approval refunds the lines through the payment port. */
    void decideRefund(String refundId, boolean approve, String by, String reason, Instant at) {
        keep(cancellations().decide(refundId, approve, by, reason, at));
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
     * Whether the line was cancelled or refunded before it left: the units it held of a purchase order, on their way
     * or on the shelf, are no longer anyone's. A line refunded after it shipped took its unit with it.
     */
    public boolean gaveUpUnits(String lineId) {
        LineStatus status = line(lineId).status();
        return (status == LineStatus.CANCELLED || status == LineStatus.REFUNDED)
                && new Shipments(shipments).carrying(lineId).isEmpty();
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

    /**
     * The line's latest date as it stood before its first move at or after {@code since} (a delay, a purchase order,
     * time running late, goods arriving), as the timeline keeps it; empty when the timeline holds no such move.
     */
    public Optional<LocalDate> latestBefore(String lineId, Instant since) {
        for (TimelineEvent entry : timeline) {
            if (entry.at().isBefore(since)) {
                continue;
            }
            OrderEvent event = entry.event();
            if (event instanceof OrderEvent.EtaMoved moved && lineId.equals(moved.line())) {
                return Optional.of(moved.from());
            }
            if (event instanceof OrderEvent.RunningLate late && lineId.equals(late.line())) {
                return Optional.of(late.from());
            }
            if (event instanceof OrderEvent.GoodsReceived arrived
                    && arrived.before().containsKey(lineId)) {
                return Optional.of(arrived.before().get(lineId));
            }
        }
        return Optional.empty();
    }

    /** The window of the lines still open under the delivery preference; empty once none is. */
    public Optional<EtaWindow> etaOfOpenLines() {
        return orderLines().open().isEmpty() ? Optional.empty() : Optional.of(eta());
    }

    /** What all the order's lines cost together. */
    public Money orderTotal() {
        return orderLines().total();
    }

    /** What the lines the customer keeps cost together: the cancelled and the refunded ones left out. */
    public Money totalKept() {
        return orderLines().totalKept();
    }

    /**
     * What the customer's card was charged so far (charge per shipment, extra shipping included): a line refunded
     * since was charged all the same, and {@link #totalRefunded()} says what came back. Charged less paid back is what
     * the lines kept cost, once they have all shipped.
     */
    public Money totalCharged() {
        return orderLines()
                .totalOf(PaymentState.CAPTURED)
                .plus(orderLines().totalOf(PaymentState.REFUNDED))
                .plus(ledger().extraShippingCharged());
    }

    /** The extra shipping the customer agreed to pay for ready items first, if they did. */
    public Optional<ExtraShipping> extraShipping() {
        return Optional.ofNullable(extraShipping);
    }

    /**
     * What the shop's next parcel would take of the extra shipping (nothing for its first parcel, nor for a supplier's
     * parcel of dropshipped items).
     */
    public Money extraShippingOfNextParcel() {
        return shipping().extraShippingOfNextParcel();
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

    private Schedule schedule() {
        return new Schedule(id, orderLines(), policy, delivery.preference(), receivingDays());
    }

    private Arrivals arrivals() {
        return new Arrivals(orderLines(), delivery.preference(), policy, proposedShipment(), receivingDays());
    }

    /** The days the customer takes deliveries on: their segment's weekdays, none a holiday where they live. */
    public ReceivingDays receivingDays() {
        return new ReceivingDays(policy.receivingDays(), destination.country());
    }

    private Shipping shipping() {
        return new Shipping(orderLines(), new Shipments(shipments), ledger(), proposedShipment());
    }

    private Cancellations cancellations() {
        return new Cancellations(orderLines(), ledger(), policy);
    }

    private PaymentLedger ledger() {
        return new PaymentLedger(number, currency, refunds, pendingPayments, extraShipping);
    }

    private void keep(PaymentLedger ledger) {
        refunds = ledger.refunds();
        pendingPayments = ledger.pending();
        extraShipping = ledger.extraShipping();
    }

    /** Keeps what a rule did: the lines after it, its timeline entries and its news. */
    private Outcome keep(Outcome outcome) {
        lines = outcome.lines().all();
        outcome.recorded()
                .forEach(entry -> timeline = new Timeline(timeline).with(entry).entries());
        outcome.news().forEach(this::tell);
        if (outcome.any()) {
            afterChange();
        }
        return outcome;
    }

    private List<String> keep(Arrivals.Result arrived) {
        proposedShipment = arrived.proposed().orElse(null);
        return keep(arrived.outcome()).changed();
    }

    private Shipping.Result keep(Shipping.Result done) {
        shipments = done.shipments().all();
        proposedShipment = done.proposed().orElse(null);
        keep(done.ledger());
        keep(done.outcome());
        return done;
    }

    private void keep(Cancellations.Result done) {
        keep(done.ledger());
        keep(done.outcome());
    }

    private void record(OrderEvent event, Instant at) {
        record(event, at, null);
    }

    private void record(OrderEvent event, Instant at, Note note) {
        timeline =
                new Timeline(timeline).with(TimelineEvent.of(event, at, note)).entries();
        afterChange();
    }

    private void tell(NotificationIntent intent) {
        notifications = new Outbox(notifications).with(intent).intents();
    }

    /** Keeps what agents search by (the late flag, the search keys) true to the order. */
    private void afterChange() {
        late = orderLines().anyOpenLate();
        // Most changes (dates moving, news queued) touch nothing agents search by; normalising every value again
        // would cost more than the rest of such a change.
        List<String> searched = SearchKeys.searchedValues(this);
        if (!searched.equals(keyedFrom)) {
            searchKeys = SearchKeys.of(this);
            keyedFrom = searched;
        }
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

    /**
     * When goods last made the line ready, as the timeline has it; empty when it does not say (it keeps the latest
     * entries only).
     */
    public Optional<Instant> madeReadyAt(String lineId) {
        Instant last = null;
        for (TimelineEvent entry : timeline) {
            if (entry.event() instanceof OrderEvent.GoodsReceived received
                    && received.lines().contains(lineId)
                    && (last == null || entry.at().isAfter(last))) {
                last = entry.at();
            }
        }
        return Optional.ofNullable(last);
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

    /**
     * How many times the order has been changed since it was placed: of two copies of it, the one with the higher
     * revision is the later (a page that gets an answer and a live update in either order keeps the later one).
     */
    public long revision() {
        return version == null ? 0 : version;
    }
}
