package app.leadline.order;

import app.leadline.delivery.EtaCalculator;
import app.leadline.delivery.EtaWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * What other modules may do to an order, one named operation each. Each is one versioned single-document update
 * through {@link OrderChanges}; the order itself checks whether the change is allowed and records what happened.
 */
@Service
public class OrderOperations {

    private final OrderChanges changes;
    private final EtaCalculator etas;
    private final Clock clock;
    private final TrackingLinkProperties links;

    OrderOperations(OrderChanges changes, EtaCalculator etas, Clock clock, TrackingLinkProperties links) {
        this.changes = changes;
        this.etas = etas;
        this.clock = clock;
        this.links = links;
    }

    /**
     * A delay to apply to one order: each named line's new window, the reason customers read, a note for agents; and,
     * when a receipt was reversed, the lines it had made ready, which wait for their purchase order again first.
     *
     * @param standsOn lines whose new window is another delay's (one still in force), by line id: they keep that
     *     delay as the one that last moved them, so that it goes on holding them, and its withdrawal moves them
     */
    public record Delay(
            String id,
            Map<String, EtaWindow> windows,
            Map<String, String> standsOn,
            String reason,
            Note note,
            Optional<GoodsBack> goodsBack) {

        public Delay(String id, Map<String, EtaWindow> windows, String reason, String internalNote) {
            this(id, windows, Map.of(), reason, Note.written(internalNote), Optional.empty());
        }
    }

    /** Lines a reversed receipt had made ready, which wait for the purchase order again. */
    public record GoodsBack(String purchaseOrder, List<String> lines) {}

    /** The customer chooses to wait for everything or to have ready lines shipped now, where that costs nothing. */
    public Order chooseDelivery(String orderId, DeliveryPreference preference, String by) {
        return chooseDelivery(orderId, preference, by, null);
    }

    /**
     * The customer chooses to wait for everything or to have ready lines shipped now; where that costs extra
     * shipping, confirmed with a one-time code (its hash; null for none). A wrong code is remembered and changes
     * nothing else.
     */
    public Order chooseDelivery(String orderId, DeliveryPreference preference, String by, String codeHash) {
        Instant now = clock.instant();
        OrderChanges.Changed<Optional<OrderRuleViolation>> changed =
                changes.apply(orderId, order -> order.chooseDelivery(preference, by, codeHash, now));
        changed.result().ifPresent(refusal -> {
            throw refusal;
        });
        return changed.order();
    }

    /** The customer's choice of channels for messages about the order. */
    public Order chooseMessageChannels(String orderId, boolean email, boolean sms) {
        return changes.apply(orderId, order -> {
                    order.chooseMessageChannels(email, sms);
                    return null;
                })
                .order();
    }

    /**
     * The customer's choice of the language messages about the order come in (and their page opens in): one of those
     * Leadline speaks, else refused.
     */
    public Order chooseMessageLanguage(String orderId, String language) {
        String chosen = language == null ? "" : language.trim().toLowerCase(java.util.Locale.ROOT);
        if (!OrderValidation.LANGUAGES.contains(chosen)) {
            throw new OrderRuleViolation("UNSUPPORTED_LOCALE", "language", "Leadline speaks da, de, en and pl.");
        }
        return changes.apply(orderId, order -> {
                    order.chooseMessageLanguage(chosen);
                    return null;
                })
                .order();
    }

    /** The customer answers how they were kept informed. */
    public Order answerFeedback(String orderId, int score, String comment) {
        return changes.apply(orderId, order -> {
                    order.answerFeedback(score, comment, clock.instant());
                    return null;
                })
                .order();
    }

    /** A one-time code (its hash) goes out on the channel; refused past the quarter hour's limit. */
    public Order issueVerificationCode(String orderId, String codeHash, String channel, Duration lifetime) {
        return changes.apply(orderId, order -> {
                    order.issueVerificationCode(codeHash, channel, clock.instant(), lifetime);
                    return null;
                })
                .order();
    }

    /**
     * The customer cancels lines, confirmed with a one-time code. A wrong code is stored (it counts towards the
     * limit) and refused; nothing else changes.
     */
    public Order cancelLinesWithCode(String orderId, List<String> lineIds, String codeHash) {
        Instant now = clock.instant();
        OrderChanges.Changed<Optional<OrderRuleViolation>> changed =
                changes.apply(orderId, order -> order.cancelLinesWithCode(lineIds, codeHash, now));
        changed.result().ifPresent(refusal -> {
            throw refusal;
        });
        return changed.order();
    }

    /** Lines the customer cancels, as an agent records it for them. */
    public Order cancelLines(String orderId, List<String> lineIds) {
        return changes.apply(orderId, order -> {
                    order.cancelLines(lineIds, clock.instant());
                    return null;
                })
                .order();
    }

    /** Lines leave in a parcel today: shipped, their amount captured, expected in the carrier's window from today. */
    public Order ship(String orderId, List<String> lineIds, String carrier, String trackingNumber) {
        return changes.apply(orderId, order -> {
                    Instant now = clock.instant();
                    return order.ship(
                            lineIds,
                            carrier,
                            trackingNumber,
                            now,
                            etas.forShipped(now, order.destination().country()));
                })
                .order();
    }

    /** An agent decides a refund request. */
    public Order decideRefund(String orderId, String refundId, boolean approve, String by, String reason) {
        return changes.apply(orderId, order -> {
                    order.decideRefund(refundId, approve, by, reason, clock.instant());
                    return null;
                })
                .order();
    }

    /** An order after goods arrived for some of its lines, and what that tells its customer, if anything. */
    public record Arrived(Order order, Optional<CustomerNews> told) {}

    /**
     * Goods of purchase order {@code to} that arrived on the day make lines of one order ready, in one change: its own
     * lines that waited for them ({@code lineIds}), and lines that take units spare on its shelf ({@code taking}),
     * which wait for {@code to} from now on. They are ready to leave, and expected as goods that arrived then (handled,
     * then sent to the order's country), no longer as their supplier's date had them.
     *
     * @param taking per line id, the purchase order it waits for instead; a null value when it waits to be ordered
     * @return the order as it is now with what its customer is told, and the lines that took spare units (not those
     *     that no longer waited as {@code taking} says)
     */
    public Taken goodsArrived(
            String orderId, List<String> lineIds, Map<String, String> taking, String to, LocalDate arrivedOn) {
        OrderChanges.Changed<Optional<CustomerNews>> changed =
                changes.apply(orderId, order -> arrive(order, lineIds, taking, to, arrivedOn));
        List<String> took = taking.keySet().stream()
                .filter(lineId -> changed.order().line(lineId).isOn(to))
                .toList();
        return new Taken(new Arrived(changed.order(), changed.result()), took);
    }

    /** What goods arriving did to an order: the order and its news, and the lines that took spare units. */
    public record Taken(Arrived arrived, List<String> lineIds) {}

    /**
     * What goods arriving would tell the customer of {@code order}, as {@link #goodsArrived} does: worked out on the
     * order given, which this changes and the caller discards; nothing is stored.
     */
    public Optional<CustomerNews> newsIfArrived(
            Order order, List<String> lineIds, Map<String, String> taking, String to, LocalDate arrivedOn) {
        return arrive(order, lineIds, taking, to, arrivedOn);
    }

    private Optional<CustomerNews> arrive(
            Order order, List<String> lineIds, Map<String, String> taking, String to, LocalDate arrivedOn) {
        List<String> ready = new ArrayList<>(lineIds);
        Map<String, String> took = new java.util.LinkedHashMap<>();
        taking.forEach((lineId, waitedFor) -> {
            if (order.takeSpareUnits(lineId, waitedFor, to)) {
                ready.add(lineId);
                took.put(lineId, waitedFor);
            }
        });
        // Agents read where the goods came from: units spare on another purchase order than the one it waited for.
        SystemNote note = took.isEmpty() ? null : SystemNote.tookSpareUnits(to, took);
        return ready.isEmpty() ? Optional.empty() : arrive(order, ready, arrivedOn, note);
    }

    /**
     * What goods arriving for these lines would tell the order's customer: told the items are ready to ship (a
     * parcel is proposed), asked whether to wait for the rest, or nothing. Worked out on the order given, which this
     * changes and the caller discards; nothing is stored.
     */
    public Optional<CustomerNews> newsIfReady(Order order, List<String> lineIds, LocalDate arrivedOn) {
        return arrive(order, lineIds, arrivedOn);
    }

    /** Goods arrive for the lines of the order given; answers what that tells its customer. */
    private Optional<CustomerNews> arrive(Order order, List<String> lineIds, LocalDate arrivedOn) {
        return arrive(order, lineIds, arrivedOn, null);
    }

    private Optional<CustomerNews> arrive(Order order, List<String> lineIds, LocalDate arrivedOn, Note note) {
        Instant now = clock.instant();
        return order
                .newsOf(() -> order.markReady(
                        lineIds,
                        etas.forBackorder(now, arrivedOn, order.destination().country()),
                        now,
                        note))
                .stream()
                .findFirst();
    }

    /** One line moves to a new window because of a delay (once per delay). */
    public Order moveEta(String orderId, String lineId, EtaWindow window, String delayId, String reason, String note) {
        return changes.apply(orderId, order -> order.moveEta(lineId, window, delayId, reason, note, clock.instant()))
                .order();
    }

    /** A delay applied to one order; lines it already moved are skipped. */
    public Order applyDelay(String orderId, Delay delay) {
        return changes.apply(orderId, order -> {
                    apply(order, delay);
                    return null;
                })
                .order();
    }

    /**
     * A delay applied to many orders at once, each order's part planned from the order as it stands; lines it
     * already moved are skipped, so applying it again changes nothing. Orders that cannot be changed are set aside.
     *
     * @return each changed order as it is after the delay, by id, and the orders set aside
     */
    public OrderChanges.Bulk<Order> applyDelayToAll(Collection<String> orderIds, Function<Order, Delay> planFor) {
        return changes.applyToAllAppendingEvents(StuckOrders.Work.DELAY, orderIds, order -> {
            apply(order, planFor.apply(order));
            return order;
        });
    }

    /**
     * The promise watch's re-projection of lines time has overtaken, each order's part planned from the order as it
     * stands (so a line another sweep already moved as far is left alone). Orders that cannot be changed are set
     * aside.
     *
     * @return the lines moved in each changed order, by order id
     */
    public OrderChanges.Bulk<List<String>> runLate(Collection<String> orderIds, Function<Order, Overdue> planFor) {
        return changes.applyToAllAppendingEvents(StuckOrders.Work.WATCH, orderIds, order -> {
            Overdue overdue = planFor.apply(order);
            return order.runLate(overdue.windows(), overdue.daysOverdue(), clock.instant());
        });
    }

    /** The lines of one order time has overtaken: each one's re-projected window and its days overdue. */
    public record Overdue(Map<String, EtaWindow> windows, Map<String, Long> daysOverdue) {}

    private void apply(Order order, Delay delay) {
        delay.goodsBack()
                .ifPresent(
                        back -> order.returnToWaiting(back.purchaseOrder(), back.lines(), clock.instant(), delay.id()));
        order.applyDelay(delay.id(), delay.windows(), delay.standsOn(), delay.reason(), delay.note(), clock.instant());
    }

    /**
     * A dispatcher claims the news of orders it has just read, for {@code lease}; orders named in {@code holdUntil}
     * (their customer is asleep) are held for that long instead and give nothing now. The tracking link of an order
     * whose news is claimed opens for its whole lifetime from now, as the messages carry it.
     *
     * @return each order's claimed news and the order as stored after the claim, by order id
     */
    public Map<String, OrderChanges.Changed<List<NotificationIntent>>> claimNotifications(
            Collection<Order> known, Instant now, Duration lease, Map<String, Duration> holdUntil) {
        return changes.applyToKnown(StuckOrders.Work.MESSAGES, known, order -> {
                    Duration held = holdUntil.get(order.id());
                    if (held != null) {
                        order.claimNotifications(now, held, links.linkLifetime());
                        return List.<NotificationIntent>of();
                    }
                    return order.claimNotifications(now, lease, links.linkLifetime());
                })
                .results();
    }

    /** Records news as sent, starting from the orders as the claim left them. */
    public void notificationsSent(Collection<Order> known, Map<String, List<String>> sentByOrder, Instant at) {
        changes.applyToKnown(StuckOrders.Work.MESSAGES, known, order -> {
            sentByOrder.getOrDefault(order.id(), List.of()).forEach(intent -> order.notificationSent(intent, at));
            return null;
        });
    }
}
