package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A made-up order for showing what customers read (message previews for admins), never stored: a sofa on
 * backorder, a lamp sent by its supplier and a cushion from stock, for a customer speaking {@code locale}.
 */
public final class SampleOrder {

    private SampleOrder() {}

    public static Order in(String locale, Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        return Order.place(
                java.util.UUID.randomUUID().toString(),
                "SAMPLE-1042",
                new Customer(
                        "Sample Customer", "customer@example.com", "+4520123456", locale, "Europe/Copenhagen", "B2C"),
                now,
                "DKK",
                new Destination("Nørregade 1", "1165", "København", "DK"),
                new DeliveryChoice(DeliveryPreference.WAIT_FOR_ALL, "shop", now, DeliveryPreference.WAIT_FOR_ALL),
                new OrderPolicy("B2C", true, List.of(), BigDecimal.ZERO, false, null),
                List.of(
                        line("L1", "Linen cushion", LineSource.STOCK, today.plusDays(2), LineStatus.RESERVED),
                        line("L2", "Oslo 3-seat sofa", LineSource.BACKORDER, today.plusDays(24), LineStatus.READY),
                        line(
                                "L3",
                                "Rhein floor lamp",
                                LineSource.DROPSHIP,
                                today.plusDays(9),
                                LineStatus.AWAITING_SUPPLIER)),
                TrackingToken.generate(),
                null,
                Duration.ofDays(180));
    }

    private static OrderLine line(String id, String name, LineSource source, LocalDate latest, LineStatus status) {
        // The lamp's supplier has a record to learn from: its window says how sure it is.
        EtaWindow eta = new EtaWindow(latest.minusDays(2), latest, source == LineSource.DROPSHIP ? 0.8 : null);
        return new OrderLine(
                id,
                name.toUpperCase().replace(' ', '-'),
                name,
                1,
                new BigDecimal("1499.00"),
                source,
                source == LineSource.STOCK ? null : "SUPPLIER",
                null,
                latest,
                eta,
                status,
                PaymentState.AUTHORIZED,
                null,
                null,
                null);
    }
}
