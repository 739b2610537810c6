package app.leadline.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A parcel on its way: which lines, with whom, and what was charged for it.
 *
 * @param amountCaptured its lines' amount and its extra parcel fee together
 * @param extraParcelFee what it cost as a parcel beyond the first of an order the customer has shipped as its items
 *     are ready (the segment's fee); zero otherwise, and on parcels recorded before fees were taken
 */
public record Shipment(
        String id,
        List<String> lineIds,
        String carrier,
        String trackingNumber,
        Instant shippedAt,
        Instant deliveredAt,
        BigDecimal amountCaptured,
        BigDecimal extraParcelFee) {

    public Shipment {
        extraParcelFee = extraParcelFee == null ? BigDecimal.ZERO : extraParcelFee;
    }

    Shipment delivered(Instant at) {
        return new Shipment(id, lineIds, carrier, trackingNumber, shippedAt, at, amountCaptured, extraParcelFee);
    }
}
