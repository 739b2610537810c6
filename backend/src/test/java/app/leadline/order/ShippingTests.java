package app.leadline.order;

import static app.leadline.order.OrderBuilder.PLACED_AT;
import static app.leadline.order.OrderBuilder.anOrder;
import static app.leadline.order.OrderBuilder.window;
import static app.leadline.order.Outcomes.events;
import static app.leadline.order.Outcomes.linesOf;
import static app.leadline.order.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.payment.Money;
import app.leadline.payment.PaymentOperation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parcels leaving and reaching the customer, without an order around them. */
class ShippingTests {

    private static final Instant NOW = PLACED_AT.plus(Duration.ofDays(1));

    private static Shipping shippingOf(Order order) {
        return new Shipping(
                linesOf(order),
                new Shipments(order.shipments()),
                new PaymentLedger(
                        order.number(),
                        order.currency(),
                        order.refunds(),
                        order.pendingPayments(),
                        order.extraShipping().orElse(null)),
                order.proposedShipment());
    }

    @Test
    void linesLeavingAreCapturedOnceForTheirParcelAndLeaveTheParcelProposedForThem() {
        Order order = anOrder()
                .withStockLine("Glass vase", "329.00")
                .withStockLine("Lamp", "100.50")
                .withBackorderedLine("Oslo sofa", "8995.00")
                .shippingAsAvailable()
                .build();
        order.markReady(List.of("L3"), window(4, 7), NOW);

        Shipping.Result result =
                shippingOf(order).ship(List.of("L1", "L1", "L2"), "PostNord", "PN1", NOW, OrderFixtures.shippedOn(NOW));

        assertThat(result.shipment().lineIds()).containsExactly("L1", "L2");
        assertThat(result.shipment().amountCaptured()).isEqualByComparingTo("429.50");
        assertThat(result.shipments().all()).containsExactly(result.shipment());
        assertThat(result.ledger().pending()).singleElement().satisfies(operation -> {
            assertThat(operation.id()).isEqualTo(result.shipment().id());
            assertThat(operation.kind()).isEqualTo(PaymentOperation.Kind.CAPTURE);
            assertThat(operation.money()).isEqualTo(Money.of("429.50", "DKK"));
        });
        assertThat(result.proposed())
                .hasValueSatisfying(parcel -> assertThat(parcel.lineIds()).containsExactly("L3"));
        assertThat(result.outcome().line("L2").payment()).isEqualTo(PaymentState.CAPTURED);
        assertThat(events(result.outcome()))
                .containsExactly(new OrderEvent.Shipped(List.of("L1", "L2"), "PostNord", "PN1"));
        assertThat(result.outcome().news())
                .singleElement()
                .satisfies(intent -> assertThat(intent.id())
                        .isEqualTo("shipped:" + result.shipment().id()));
    }

    @Test
    void aParcelDeliveredIsRecordedWhenItArrivedToldWhenReportedAndOnlyOnce() {
        Order order = anOrder().withStockLine("Glass vase", "329.00").build();
        order.ship(List.of("L1"), "PostNord", "PN1", NOW, OrderFixtures.shippedOn(NOW));
        Instant arrived = NOW.plusSeconds(60);
        Instant reported = NOW.plusSeconds(120);

        Shipping.Result result = shippingOf(order).delivered("PN1", arrived, reported);
        order.markDelivered("PN1", arrived, reported);
        Shipping.Result again = shippingOf(order).delivered("PN1", arrived, reported);

        assertThat(result.outcome().line("L1").status()).isEqualTo(LineStatus.DELIVERED);
        assertThat(result.shipments().tracked("PN1").deliveredAt()).isEqualTo(arrived);
        assertThat(result.outcome().recorded())
                .singleElement()
                .satisfies(entry -> assertThat(entry.at()).isEqualTo(arrived));
        assertThat(result.outcome().news())
                .singleElement()
                .satisfies(intent -> assertThat(intent.createdAt()).isEqualTo(reported));
        assertThat(again.outcome().any()).isFalse();
        assertThat(again.outcome().news()).isEmpty();
        assertRefused(
                () -> shippingOf(order).delivered("GLS1", arrived, reported), "UNKNOWN_SHIPMENT", "trackingNumber");
    }
}
