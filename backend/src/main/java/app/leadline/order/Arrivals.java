package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import app.leadline.delivery.ReceivingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Goods arriving for an order's lines, and a receipt taken back: which lines are ready to leave, the parcel proposed
 * for them under the customer's preference, and what the customer is told.
 *
 * @param proposed the parcel proposed to leave now, if any
 * @param receivingDays the days the customer takes deliveries on, which goods that arrive land their window on
 */
record Arrivals(
        OrderLines lines,
        DeliveryPreference preference,
        OrderPolicy policy,
        Optional<Parcel> proposed,
        ReceivingDays receivingDays) {

    /** What the rule did to the lines, and the parcel proposed after it. */
    record Result(Outcome outcome, Optional<Parcel> proposed) {}

    /**
     * Goods arrived for some lines waiting for their supplier: they are ready to leave, expected in the window of
     * goods leaving after arrival (on the shop's receiving days), earlier or later than the supplier's date had them.
     * When the order is now complete (but for dropshipped items, which their suppliers send), or the customer chose
     * to have ready items shipped, a parcel of all that can leave is proposed at once and the customer told, so the
     * shipping cycle starts itself; while the customer waits for everything but may choose otherwise, they are asked.
     * Lines not waiting for their supplier are left alone.
     */
    Result ready(List<String> lineIds, EtaWindow leaving, Instant at) {
        return ready(lineIds, leaving, at, null);
    }

    /** As {@link #ready(List, EtaWindow, Instant)}, the goods' arrival recorded with a note for agents. */
    Result ready(List<String> lineIds, EtaWindow leaving, Instant at, Note note) {
        EtaWindow landing = leaving.landingOn(receivingDays);
        Outcome outcome = Outcome.from(lines);
        Map<String, LocalDate> before = new LinkedHashMap<>();
        for (String lineId : lineIds) {
            OrderLine line = outcome.line(lineId);
            if (line.status() == LineStatus.AWAITING_SUPPLIER) {
                before.put(lineId, line.eta().latest());
                outcome = outcome.changing(lineId, waiting -> waiting.arrived(landing));
            }
        }
        if (outcome.changed().isEmpty()) {
            return new Result(outcome, proposed);
        }
        List<String> ready = outcome.changed();
        outcome = outcome.recording(new OrderEvent.GoodsReceived(ready, before), at, note);
        // Complete as far as the shop sends it: dropshipped items come from their suppliers, in parcels of their own.
        boolean complete = outcome.lines().fromShop().waiting().isEmpty();
        if (complete || preference == DeliveryPreference.SHIP_AS_AVAILABLE) {
            Parcel parcel = ParcelPlan.together(outcome.lines().readyToLeave());
            return new Result(
                    outcome.telling(news(new CustomerNews.ReadyToShip(parcel.lineIds()), at)), Optional.of(parcel));
        }
        if (policy.customerMayChoose()) {
            outcome = outcome.telling(news(new CustomerNews.ChoiceNeeded(ready), at));
        }
        return new Result(outcome, proposed);
    }

    /**
     * A receipt booked against the wrong purchase order was taken back: the named lines it made ready wait for the
     * purchase order again and leave any parcel proposed for them; while the customer waits for everything, an order
     * no longer complete has none proposed. Lines that left (or wait for another purchase order) are not touched.
     * Taken back by the correction {@code cause} (null: nobody is told here), a customer who waits for the order's one
     * delivery and was asked, as the goods came, whether to have them sent ahead is told their dates (with the
     * correction, where that question went out), though the one delivery's day does not move; those whose delivery
     * moves are told by the correction's dates news, and those never asked were never told they were ready.
     */
    Result returned(String purchaseOrder, List<String> lineIds, Instant at, String cause) {
        Outcome outcome = Outcome.from(lines);
        for (String lineId : lineIds) {
            OrderLine line = outcome.line(lineId);
            if (line.status() == LineStatus.READY && purchaseOrder.equals(line.purchaseOrder())) {
                outcome = outcome.changing(
                        lineId, current -> current.withStatus(LineStatus.AWAITING_SUPPLIER, current.payment()));
            }
        }
        List<String> back = outcome.changed();
        if (back.isEmpty()) {
            return new Result(outcome, proposed);
        }
        Optional<Parcel> after = proposed.flatMap(parcel -> parcel.without(back))
                .filter(parcel -> preference == DeliveryPreference.SHIP_AS_AVAILABLE);
        Outcome recorded = outcome.recording(new OrderEvent.ReceiptReversed(purchaseOrder, back), at);
        if (cause != null && preference == DeliveryPreference.WAIT_FOR_ALL && policy.customerMayChoose()) {
            recorded = recorded.telling(
                    new NotificationIntent(cause + ":back", new CustomerNews.DatesMoved(cause, back, "", 0), at));
        }
        return new Result(recorded, after);
    }

    /**
     * The parcel proposed once the customer chose how to have the order (the preference here is the one chosen):
     * having items as they are ready, what is ready leaves now, as it would have had the goods come after the choice
     * (the customer just chose it, so is not told again); waiting for one delivery, a parcel of part of the order is
     * proposed no longer. An order with nothing left to wait for keeps what was proposed.
     */
    Optional<Parcel> proposedOnceChosen() {
        if (lines.fromShop().waiting().isEmpty()) {
            return proposed;
        }
        List<OrderLine> ready = lines.readyToLeave();
        return preference == DeliveryPreference.SHIP_AS_AVAILABLE && !ready.isEmpty()
                ? Optional.of(ParcelPlan.together(ready))
                : Optional.empty();
    }

    /**
     * The parcel to propose now, worked out afresh from the lines (an order just placed, a line just cancelled): all
     * that is ready, once nothing the shop sends waits any more or when the customer has items as they are ready;
     * none otherwise. Nobody is told: the customer has just acted, or reads the order's confirmation.
     */
    Optional<Parcel> proposedNow() {
        List<OrderLine> ready = lines.readyToLeave();
        boolean leaves = !ready.isEmpty()
                && (lines.fromShop().waiting().isEmpty() || preference == DeliveryPreference.SHIP_AS_AVAILABLE);
        return leaves ? Optional.of(ParcelPlan.together(ready)) : Optional.empty();
    }

    private static NotificationIntent news(CustomerNews news, Instant at) {
        return new NotificationIntent(UUID.randomUUID().toString(), news, at);
    }
}
