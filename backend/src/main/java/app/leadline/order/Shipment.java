package app.leadline.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A parcel on its way: which lines, with whom, and what was charged for it.
 *
 * @param amountCaptured what the parcel's capture took: its lines' amount and any extra shipping
 * @param extraShipping what of that was the extra shipping the customer agreed to; null for none
 */
public record Shipment(
        String id,
        List<String> lineIds,
        String carrier,
        String trackingNumber,
        Instant shippedAt,
        Instant deliveredAt,
        BigDecimal amountCaptured,
        BigDecimal extraShipping) {

    Shipment delivered(Instant at) {
        return new Shipment(id, lineIds, carrier, trackingNumber, shippedAt, at, amountCaptured, extraShipping);
    }
}
