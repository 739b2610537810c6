package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import app.leadline.payment.Money;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Parcels leaving and reaching the customer: open lines shipped together are charged (captured once per shipment,
 * a parcel of the shop's beyond its first with the extra shipping the customer agreed to) and leave any parcel proposed for them;
 * a parcel delivered delivers its lines. The customer is told of both.
 *
 * @param proposed the parcel proposed to leave now, if any
 */
record Shipping(OrderLines lines, Shipments shipments, PaymentLedger ledger, Optional<Parcel> proposed) {

    /** What a shipment or a delivery did, to which parcel, and the order's parcels, ledger and proposal after it. */
    record Result(
            Outcome outcome, Shipment shipment, Shipments shipments, PaymentLedger ledger, Optional<Parcel> proposed) {}

    /** Open lines leave in a parcel, expected in {@code delivery}; a line not open is refused, naming it. */
    Result ship(List<String> lineIds, String carrier, String trackingNumber, Instant at, EtaWindow delivery) {
        List<String> ids = OrderLines.distinct(lineIds, "lineIds");
        for (String lineId : ids) {
            OrderLine line = lines.line(lineId);
            if (!line.isOpen()) {
                throw new OrderRuleViolation(
                        "LINE_NOT_SHIPPABLE", "lineIds", "Line " + lineId + " is " + line.status() + ".");
            }
        }
        Money amount = lines.amountOf(ids);
        // A supplier's parcel of dropshipped items is not one of the shop's parcels the customer agreed to pay for.
        Money extra = ids.stream().allMatch(id -> lines.line(id).isDropshipped())
                ? Money.zero(lines.currency())
                : extraShippingOfNextParcel();
        Outcome outcome = Outcome.from(lines);
        for (String lineId : ids) {
            outcome = outcome.changing(lineId, line -> line.shipped(delivery));
        }
        Shipment shipment = new Shipment(
                UUID.randomUUID().toString(),
                ids,
                carrier,
                trackingNumber,
                at,
                null,
                amount.plus(extra).amount(),
                extra.isZero() ? null : extra.amount());
        OrderEvent.Shipped shipped = new OrderEvent.Shipped(ids, carrier, trackingNumber);
        return new Result(
                outcome.telling(new NotificationIntent("shipped:" + shipment.id(), shipped, at))
                        .recording(shipped, at),
                shipment,
                shipments.with(shipment),
                ledger.captured(shipment.id(), ids, amount, extra, at),
                proposed.flatMap(parcel -> parcel.without(ids)));
    }

    /**
     * What the shop's next parcel takes of the extra shipping the customer agreed to: nothing for the first the shop
     * sends (a supplier's parcel of dropshipped items before it does not count).
     */
    Money extraShippingOfNextParcel() {
        return ledger.extraShippingFor(!shopSentOne());
    }

    /** Whether a parcel of the shop's has left (a supplier's parcel of dropshipped items is not one). */
    boolean shopSentOne() {
        return shipments.all().stream()
                .flatMap(shipment -> shipment.lineIds().stream())
                .anyMatch(id -> !lines.line(id).isDropshipped());
    }

    /**
     * The parcel with this tracking number reached the customer at {@code deliveredAt} (reported at {@code now}):
     * its shipped lines are delivered. Reporting the same delivery again changes nothing.
     */
    Result delivered(String trackingNumber, Instant deliveredAt, Instant now) {
        Shipment shipment = shipments.tracked(trackingNumber);
        if (shipment.deliveredAt() != null) {
            return new Result(Outcome.from(lines), shipment, shipments, ledger, proposed);
        }
        Shipments after = shipments.delivered(shipment, deliveredAt, now);
        Outcome outcome = Outcome.from(lines);
        for (String lineId : shipment.lineIds()) {
            if (lines.line(lineId).status() == LineStatus.SHIPPED) {
                outcome = outcome.changing(lineId, line -> line.withStatus(LineStatus.DELIVERED, line.payment()));
            }
        }
        OrderEvent.Delivered delivered =
                new OrderEvent.Delivered(shipment.lineIds(), shipment.carrier(), shipment.trackingNumber());
        return new Result(
                outcome.telling(new NotificationIntent("delivered:" + shipment.id(), delivered, now))
                        .recording(delivered, deliveredAt),
                shipment,
                after,
                ledger,
                proposed);
    }
}
