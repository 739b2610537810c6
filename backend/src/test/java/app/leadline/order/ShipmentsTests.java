package app.leadline.order;

import static app.leadline.order.OrderBuilder.window;
import static app.leadline.order.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShipmentsTests {

    private static final Instant SHIPPED = Instant.parse("2026-11-03T14:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-05T10:00:00Z");

    private static Shipments twoParcels() {
        return new Shipments(null)
                .with(new Shipment(
                        "s1", List.of("L1"), "PostNord", "PN1", SHIPPED, null, new BigDecimal("329.00"), null))
                .with(new Shipment(
                        "s2", List.of("L2", "L3"), "GLS", "GLS2", SHIPPED.plusSeconds(60), null, BigDecimal.TEN, null));
    }

    @Test
    void aParcelIsFoundByItsTrackingNumberAndALineByTheParcelItLeftIn() {
        Shipments shipments = twoParcels();

        assertThat(shipments.tracked("GLS2").id()).isEqualTo("s2");
        assertThat(shipments.carrying("L3"))
                .hasValueSatisfying(s -> assertThat(s.carrier()).isEqualTo("GLS"));
        assertThat(shipments.carrying("L4")).isEmpty();
    }

    @Test
    void anUnknownTrackingNumberIsRefusedNamingIt() {
        assertRefused(() -> twoParcels().tracked("DHL9"), "UNKNOWN_SHIPMENT", "trackingNumber");
    }

    @Test
    void aDeliveryIsKeptOnItsParcelOnly() {
        Shipments shipments = twoParcels();
        Instant deliveredAt = NOW.minus(Duration.ofHours(2));

        Shipments after = shipments.delivered(shipments.tracked("PN1"), deliveredAt, NOW);

        assertThat(after.tracked("PN1").deliveredAt()).isEqualTo(deliveredAt);
        assertThat(after.tracked("GLS2").deliveredAt()).isNull();
        assertThat(shipments.tracked("PN1").deliveredAt()).isNull();
    }

    @Test
    void aDeliveryBeforeTheParcelLeftOrAheadOfTheClockIsRefused() {
        Shipments shipments = twoParcels();
        Shipment parcel = shipments.tracked("PN1");

        assertRefused(
                () -> shipments.delivered(parcel, SHIPPED.minusSeconds(1), NOW),
                "INVALID_DELIVERY_TIME",
                "deliveredAt");
        assertRefused(
                () -> shipments.delivered(parcel, NOW.plus(Duration.ofMinutes(6)), NOW),
                "INVALID_DELIVERY_TIME",
                "deliveredAt");
        assertThat(shipments
                        .delivered(parcel, NOW.plus(Shipments.DELIVERY_CLOCK_SKEW), NOW)
                        .tracked("PN1")
                        .deliveredAt())
                .isEqualTo(NOW.plus(Shipments.DELIVERY_CLOCK_SKEW));
    }

    @Test
    void aProposedParcelLosesTheLinesThatLeftAndIsGoneOnceNoneRemain() {
        Parcel proposed = new Parcel(List.of("L1", "L2"), window(2, 3));

        assertThat(proposed.without(List.of("L1"))).contains(new Parcel(List.of("L2"), window(2, 3)));
        assertThat(proposed.without(List.of("L2", "L1", "L5"))).isEmpty();
    }
}
