package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import app.leadline.delivery.ReceivingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When an order's lines are expected, and the rules that move it: a supplier's delay, a purchase order that takes a
 * line waiting to be ordered (or is cancelled under it), and time overtaking a promise. A move is recorded with the
 * line's latest date before and after (a purchase order's only when it changes that date) and told to the customer
 * once per cause: past the date first promised as a chance to cancel, otherwise as a new date (which the dispatcher
 * leaves unsent when the move is small). A line that travels with others (the order's one delivery) is told about
 * only when the day its parcel reaches the customer moves: a move inside the parcel's window changes nothing they
 * were told.
 */
record Schedule(
        String orderId,
        OrderLines lines,
        OrderPolicy policy,
        DeliveryPreference preference,
        ReceivingDays receivingDays) {

    /**
     * Moves a line's window because of a supplier delay. A line already moved by this delay, or no longer open, is
     * left alone, so that applying the same delay again changes nothing. The customer is not told here: a delay
     * tells once for all the lines it moves ({@link #applyDelay}).
     */
    Outcome moveEta(String lineId, EtaWindow window, String delayId, String reason, Note note, Instant at) {
        return moveEta(Outcome.from(lines), lineId, window, delayId, delayId, reason, note, at);
    }

    /**
     * A supplier delay moves some of the order's lines, each to its new window; lines the order does not have, or
     * that this delay already moved, are skipped, so applying it again (a resumed job) changes nothing. The customer
     * reads the reason; the note is for agents. One intent is queued for all the lines moved. A line named in {@code
     * standsOn} moves to a window that delay (another, still in force) gives it, and keeps it as its last delay.
     */
    Outcome applyDelay(
            String delayId,
            Map<String, EtaWindow> windows,
            Map<String, String> standsOn,
            String reason,
            Note note,
            Instant at) {
        Outcome outcome = Outcome.from(lines);
        for (Map.Entry<String, EtaWindow> entry : windows.entrySet()) {
            String lineId = entry.getKey();
            if (lines.has(lineId)) {
                outcome = moveEta(
                        outcome,
                        lineId,
                        entry.getValue(),
                        delayId,
                        standsOn.getOrDefault(lineId, delayId),
                        reason,
                        note,
                        at);
            }
        }
        return outcome.changed().isEmpty() ? outcome : tellMoved(outcome, delayId + ":" + orderId, delayId, reason, at);
    }

    /**
     * A purchase order now carries a line that waited to be ordered: the line waits for it, expected in the given
     * window on the shop's receiving days. The customer is told only when that moves the line's latest date; the
     * date first promised stays. Nothing changes for a line that no longer waits to be ordered.
     */
    Outcome allocate(String lineId, String purchaseOrder, EtaWindow window, Instant at) {
        return allocate(lineId, purchaseOrder, window, Optional.empty(), at);
    }

    /**
     * As {@link #allocate(String, String, EtaWindow, Instant)}, where a supplier's delay in force on that purchase
     * order holds the line as it holds those it moved there: the line carries the delay and its window (no sooner
     * than the purchase order's), and withdrawing the delay gives it back the purchase order's own.
     */
    Outcome allocate(
            String lineId, String purchaseOrder, EtaWindow window, Optional<DelaysInForce.Held> held, Instant at) {
        OrderLine line = lines.line(lineId);
        return line.waitsToBeOrdered()
                ? waitFor(
                        line,
                        purchaseOrder,
                        window,
                        held,
                        "po:" + purchaseOrder,
                        SystemNote.waitsFor(purchaseOrder),
                        at)
                : Outcome.from(lines);
    }

    /**
     * Units another purchase order brought are on its shelf, spare, for a line that waits for {@code from} (null:
     * waits to be ordered): the line waits for {@code to} instead, in the window it had, for those goods to make it
     * ready. Nothing changes for a line that no longer waits as {@code from} says.
     */
    Outcome takeSpareUnits(String lineId, String from, String to) {
        OrderLine line = lines.line(lineId);
        if (line.status() != LineStatus.AWAITING_SUPPLIER
                || line.source() != LineSource.BACKORDER
                || !java.util.Objects.equals(from, line.purchaseOrder())) {
            return Outcome.from(lines);
        }
        return Outcome.from(lines).changing(lineId, current -> current.waitingFor(to, current.eta()));
    }

    /**
     * The purchase order a line waited for was cancelled: the line now waits for the next purchase order (or, with
     * none, to be ordered again) in the given window on the shop's receiving days. The customer is told only when
     * the latest date moves. Nothing changes for a line that no longer waits for the cancelled purchase order.
     *
     * @param next the purchase order the line now waits for; null when it waits to be ordered
     */
    Outcome leaveCancelled(String lineId, String cancelled, String next, EtaWindow window, Instant at) {
        OrderLine line = lines.line(lineId);
        if (line.status() != LineStatus.AWAITING_SUPPLIER || !cancelled.equals(line.purchaseOrder())) {
            return Outcome.from(lines);
        }
        return waitFor(
                line, next, window, Optional.empty(), "po-cancelled:" + cancelled, SystemNote.cancelled(cancelled), at);
    }

    /**
     * Time overtook some lines' promises and nobody gave a new date: each named open line whose window ends before
     * its re-projected one (on the shop's receiving days) moves to it, the timeline says it is running late, and the
     * customer is told once for this move under the same rules as a delay. A line whose window already reaches as
     * far is left alone, so a second sweep with nothing new changes nothing and tells nothing.
     *
     * @param daysOverdue each line's days since its goods were expected (to arrive, or to leave)
     */
    Outcome runLate(Map<String, EtaWindow> windows, Map<String, Long> daysOverdue, Instant at) {
        Outcome outcome = Outcome.from(lines);
        for (Map.Entry<String, EtaWindow> entry : windows.entrySet()) {
            OrderLine line = outcome.line(entry.getKey());
            EtaWindow landing = entry.getValue().landingOn(receivingDays);
            if (!line.isOpen() || !landing.latest().isAfter(line.eta().latest())) {
                continue;
            }
            outcome = outcome.changing(line.id(), current -> current.withEta(landing, OrderLine.RUNNING_LATE))
                    .recording(
                            new OrderEvent.RunningLate(
                                    line.id(),
                                    line.name(),
                                    line.eta().latest(),
                                    landing.latest(),
                                    daysOverdue.getOrDefault(line.id(), 0L)),
                            at);
        }
        if (outcome.changed().isEmpty()) {
            return outcome;
        }
        Outcome moved = outcome;
        String move = moved.changed().stream()
                .map(lineId -> lineId + "@" + moved.line(lineId).eta().latest())
                .collect(Collectors.joining(","));
        return tellMoved(moved, OrderLine.RUNNING_LATE + ":" + orderId + ":" + move, OrderLine.RUNNING_LATE, "", at);
    }

    /** @param standsOn the delay the line's new window is, kept as its last: this one, or another still in force */
    private static Outcome moveEta(
            Outcome outcome,
            String lineId,
            EtaWindow window,
            String delayId,
            String standsOn,
            String reason,
            Note note,
            Instant at) {
        OrderLine line = outcome.line(lineId);
        if (delayId.equals(line.lastDelay()) || !line.isOpen()) {
            return outcome;
        }
        return outcome.changing(lineId, current -> current.withEta(window, standsOn))
                .recording(
                        new OrderEvent.EtaMoved(lineId, line.name(), line.eta().latest(), window.latest(), reason),
                        at,
                        note);
    }

    /**
     * The line waits for the purchase order (null: to be ordered), expected in the window on the shop's receiving
     * days; the move is recorded and told only when it moves the line's latest date.
     */
    private Outcome waitFor(
            OrderLine before,
            String purchaseOrder,
            EtaWindow window,
            Optional<DelaysInForce.Held> held,
            String cause,
            SystemNote note,
            Instant at) {
        EtaWindow landing = window.landingOn(receivingDays);
        Outcome outcome = Outcome.from(lines)
                .changing(
                        before.id(),
                        current -> held.map(delay -> delay.hold(current, purchaseOrder, window, receivingDays))
                                .orElseGet(() -> current.waitingFor(purchaseOrder, landing)));
        String lineId = before.id();
        LocalDate latest = outcome.line(lineId).eta().latest();
        if (latest.equals(before.eta().latest())) {
            return outcome;
        }
        Outcome recorded = outcome.recording(
                new OrderEvent.EtaMoved(lineId, before.name(), before.eta().latest(), latest, ""), at, note);
        long shiftDays = arrivalShift(recorded, lineId);
        if (shiftDays == 0) {
            return recorded;
        }
        List<String> moved = List.of(lineId);
        return recorded.telling(new NotificationIntent(
                cause + ":" + orderId + ":" + lineId,
                outcome.line(lineId).isLate()
                        ? new CustomerNews.PastPromise(cause, moved, "", shiftDays)
                        : new CustomerNews.DatesMoved(cause, moved, "", shiftDays),
                at));
    }

    /**
     * One intent for the lines moved whose parcel now reaches the customer on another day: past the promise the
     * customer may cancel, otherwise a new date; none when every move stayed inside its parcel's window.
     */
    private Outcome tellMoved(Outcome outcome, String intentId, String cause, String reason, Instant at) {
        List<String> moved = new ArrayList<>();
        long shiftDays = 0;
        for (String lineId : outcome.changed()) {
            long shift = arrivalShift(outcome, lineId);
            if (shift > 0) {
                moved.add(lineId);
                shiftDays = Math.max(shiftDays, shift);
            }
        }
        if (moved.isEmpty()) {
            return outcome;
        }
        List<String> told = List.copyOf(moved);
        boolean pastPromise = told.stream().map(outcome::line).anyMatch(OrderLine::isLate);
        return outcome.telling(new NotificationIntent(
                intentId,
                pastPromise
                        ? new CustomerNews.PastPromise(cause, told, reason, shiftDays)
                        : new CustomerNews.DatesMoved(cause, told, reason, shiftDays),
                at));
    }

    /** By how many days the outcome moves the latest day the line's parcel reaches the customer. */
    private long arrivalShift(Outcome outcome, String lineId) {
        return Math.abs(ChronoUnit.DAYS.between(arrivalLatest(lines, lineId), arrivalLatest(outcome.lines(), lineId)));
    }

    /** The latest day the line reaches the customer: its parcel's, as the order's preference plans them. */
    private LocalDate arrivalLatest(OrderLines of, String lineId) {
        return ParcelPlan.arrivalOf(
                        lineId, of.open(), preference, of.line(lineId).eta())
                .latest();
    }
}
