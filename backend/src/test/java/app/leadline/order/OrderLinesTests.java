package app.leadline.order;

import static app.leadline.order.OrderBuilder.anOrder;
import static app.leadline.order.OrderBuilder.window;
import static app.leadline.order.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.leadline.payment.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderLinesTests {

    /** L1 a vase on the shelf (in 2–3 days), L2 a sofa from the supplier (in 20–25 days), L3 a lamp on the shelf. */
    private static OrderLines vaseSofaLamp() {
        Order order = anOrder()
                .withStockLine("Glass vase", "329.00")
                .withBackorderedLine("Oslo sofa", "8995", window(20, 25))
                .withStockLine("Lamp", "100.5")
                .build();
        return new OrderLines(order.lines(), order.currency());
    }

    private static OrderLines with(OrderLines lines, String lineId, LineStatus status, PaymentState payment) {
        return lines.changed(lineId, line -> line.withStatus(status, payment));
    }

    @Test
    void tellsOpenLinesReadyToLeaveFromThoseStillWaiting() {
        OrderLines lines = with(vaseSofaLamp(), "L3", LineStatus.SHIPPED, PaymentState.CAPTURED);

        assertThat(lines.open()).extracting(OrderLine::id).containsExactly("L1", "L2");
        assertThat(lines.readyToLeave()).extracting(OrderLine::id).containsExactly("L1");
        assertThat(lines.waiting()).extracting(OrderLine::id).containsExactly("L2");
        assertThat(lines.anyShipped()).isTrue();
        assertThat(vaseSofaLamp().anyShipped()).isFalse();
    }

    @Test
    void changingALineLeavesTheOthersAndTheOriginalAsTheyWere() {
        OrderLines before = vaseSofaLamp();

        OrderLines after = with(before, "L2", LineStatus.READY, PaymentState.AUTHORIZED);

        assertThat(after.line("L2").status()).isEqualTo(LineStatus.READY);
        assertThat(before.line("L2").status()).isEqualTo(LineStatus.AWAITING_SUPPLIER);
        assertThat(after.all()).extracting(OrderLine::id).containsExactly("L1", "L2", "L3");
        assertThat(after.line("L1")).isEqualTo(before.line("L1"));
    }

    @Test
    void anUnknownLineIsRefusedNamingTheLinesField() {
        assertThat(vaseSofaLamp().has("L9")).isFalse();
        assertRefused(() -> vaseSofaLamp().line("L9"), "UNKNOWN_LINE", "lineIds");
    }

    @Test
    void oneCompleteDeliveryWaitsForTheLatestOpenLineAndShippingAsAvailableSpansThem() {
        OrderLines lines = vaseSofaLamp();

        assertThat(lines.eta(DeliveryPreference.WAIT_FOR_ALL).latest())
                .isEqualTo(window(20, 25).latest());
        assertThat(lines.eta(DeliveryPreference.SHIP_AS_AVAILABLE).earliest())
                .isEqualTo(window(2, 3).earliest());
        assertThat(with(lines, "L2", LineStatus.CANCELLED, PaymentState.VOIDED)
                        .eta(DeliveryPreference.WAIT_FOR_ALL)
                        .latest())
                .isEqualTo(window(2, 3).latest());
    }

    @Test
    void amountsAddUpInTheOrdersCurrencyAtItsScale() {
        OrderLines lines = with(vaseSofaLamp(), "L1", LineStatus.SHIPPED, PaymentState.CAPTURED);

        assertThat(lines.total()).isEqualTo(Money.of("9424.50", "DKK"));
        assertThat(lines.amountOf(List.of("L1", "L3"))).isEqualTo(Money.of("429.50", "DKK"));
        assertThat(lines.totalOf(PaymentState.CAPTURED).toPlainString()).isEqualTo("329.00");
        assertThat(lines.totalOf(PaymentState.REFUNDED).toPlainString()).isEqualTo("0.00");
    }

    @Test
    void everythingHasArrivedOnlyWhenNothingIsOpenOrOnItsWayAndSomethingWasDelivered() {
        OrderLines lines = with(vaseSofaLamp(), "L1", LineStatus.DELIVERED, PaymentState.CAPTURED);
        lines = with(lines, "L2", LineStatus.CANCELLED, PaymentState.VOIDED);
        OrderLines lampOnItsWay = with(lines, "L3", LineStatus.SHIPPED, PaymentState.CAPTURED);

        assertThat(lampOnItsWay.allArrived()).isFalse();
        assertThat(with(lines, "L3", LineStatus.DELIVERED, PaymentState.CAPTURED)
                        .allArrived())
                .isTrue();
        assertThat(with(
                                with(lines, "L1", LineStatus.CANCELLED, PaymentState.VOIDED),
                                "L3",
                                LineStatus.CANCELLED,
                                PaymentState.VOIDED)
                        .allArrived())
                .isFalse();
    }

    @Test
    void anOpenLinePastItsPromiseMakesTheLinesLate() {
        OrderLines lines = vaseSofaLamp();

        OrderLines moved = lines.changed("L2", line -> line.withEta(window(30, 35), "delay-1"));

        assertThat(lines.anyOpenLate()).isFalse();
        assertThat(moved.anyOpenLate()).isTrue();
        assertThat(with(moved, "L2", LineStatus.CANCELLED, PaymentState.VOIDED).anyOpenLate())
                .isFalse();
    }

    @Test
    void linesNamedTwiceCountOnceAndNoneNamedIsRefused() {
        assertThat(OrderLines.distinct(List.of("L2", "L1", "L2"), "lineIds")).containsExactly("L2", "L1");
        assertThatThrownBy(() -> OrderLines.distinct(List.of(), "lineIds"))
                .isInstanceOfSatisfying(
                        OrderRuleViolation.class, v -> assertThat(v.code()).isEqualTo("REQUIRED"));
    }
}
