package app.leadline.order;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parcels an order left in, found by their carrier's tracking number, and when each reached the customer. Kept
 * as the order stores them; a change gives new shipments.
 */
record Shipments(List<Shipment> all) {

    /** How far ahead of Leadline's clock a shop's or carrier's clock may be when it reports a delivery. */
    static final Duration DELIVERY_CLOCK_SKEW = Duration.ofMinutes(5);

    Shipments {
        all = all == null ? List.of() : List.copyOf(all);
    }

    Shipments with(Shipment shipment) {
        List<Shipment> more = new ArrayList<>(all);
        more.add(shipment);
        return new Shipments(more);
    }

    /** The parcel with this tracking number; one the order does not have is refused naming the tracking number. */
    Shipment tracked(String trackingNumber) {
        return all.stream()
                .filter(s -> s.trackingNumber().equals(trackingNumber))
                .findFirst()
                .orElseThrow(() -> new OrderRuleViolation(
                        "UNKNOWN_SHIPMENT", "trackingNumber", "This order has no parcel with that tracking number."));
    }

    /**
     * The parcel reached the customer at {@code deliveredAt}. A time before it was shipped, or ahead of {@code now}
     * by more than a clock may be off, is refused.
     */
    Shipments delivered(Shipment shipment, Instant deliveredAt, Instant now) {
        if (deliveredAt.isBefore(shipment.shippedAt()) || deliveredAt.isAfter(now.plus(DELIVERY_CLOCK_SKEW))) {
            throw new OrderRuleViolation(
                    "INVALID_DELIVERY_TIME",
                    "deliveredAt",
                    "A parcel is delivered after it was shipped and not in the future.");
        }
        return new Shipments(all.stream()
                .map(s -> s.id().equals(shipment.id()) ? s.delivered(deliveredAt) : s)
                .toList());
    }

    /** The parcel the line left in, if it left. */
    Optional<Shipment> carrying(String lineId) {
        return all.stream().filter(s -> s.lineIds().contains(lineId)).findFirst();
    }
}
