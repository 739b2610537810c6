package app.leadline.order;

import static app.leadline.order.OrderBuilder.anOrder;
import static app.leadline.order.OrderBuilder.window;
import static app.leadline.order.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.leadline.payment.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryOptionsTests {

    private static OrderPolicy policy(boolean customerMayChoose, String fee) {
        return new OrderPolicy("B2C", customerMayChoose, List.of(), new BigDecimal(fee), false, null);
    }

    private static OrderLines lines(OrderBuilder order) {
        Order built = order.build();
        return new OrderLines(built.lines(), built.currency());
    }

    /** A vase on the shelf, a sofa in 20–25 days and a chair in 40–45 days: three parcels when split. */
    private static OrderLines vaseSofaChair() {
        return lines(anOrder()
                .withStockLine("Glass vase", "329.00")
                .withBackorderedLine("Oslo sofa", "8995.00", window(20, 25))
                .withBackorderedLine("Bergen chair", "999.00", window(40, 45)));
    }

    @Test
    void splittingCostsTheFeeForEveryParcelBeyondTheFirst() {
        DeliveryOptions options = DeliveryOptions.of(vaseSofaChair(), policy(true, "49"));

        assertThat(options.open()).isTrue();
        assertThat(options.split())
                .extracting(Parcel::lineIds)
                .containsExactly(List.of("L1"), List.of("L2"), List.of("L3"));
        assertThat(options.extraCost()).isEqualTo(Money.of("98.00", "DKK"));
        assertThat(options.together().lineIds()).containsExactly("L1", "L2", "L3");
        assertThat(options.waitWindow().latest()).isEqualTo(window(40, 45).latest());
    }

    @Test
    void aFeeFinerThanTheOrdersCurrencyIsRoundedHalfUpBeforeItIsCounted() {
        DeliveryOptions options = DeliveryOptions.of(vaseSofaChair(), policy(true, "10.005"));

        assertThat(options.extraCost().toPlainString()).isEqualTo("20.02");
    }

    @Test
    void aPolicyThatShipsCompleteOffersNoChoiceAndSaysSo() {
        DeliveryOptions options = DeliveryOptions.of(vaseSofaChair(), policy(false, "0"));

        assertThat(options.whyClosed()).contains("POLICY_SHIPS_COMPLETE");
        assertRefused(options::requireOpen, "POLICY_SHIPS_COMPLETE", "preference");
        assertThatThrownBy(options::requireOpen).hasMessage("This order is always delivered complete.");
    }

    @Test
    void onceALineShippedTheDeliveryNoLongerChanges() {
        OrderLines lines = vaseSofaChair().changed("L1", l -> l.withStatus(LineStatus.SHIPPED, PaymentState.CAPTURED));

        DeliveryOptions options = DeliveryOptions.of(lines, policy(true, "0"));

        assertThat(options.whyClosed()).contains("ALREADY_SHIPPED");
        assertThatThrownBy(options::requireOpen)
                .hasMessage("Part of the order has already shipped; the delivery can no longer change.");
    }

    @Test
    void withEverythingReadyOrEverythingWaitingThereIsNothingToSplit() {
        OrderLines allOnTheShelf =
                lines(anOrder().withStockLine("Glass vase", "329.00").withStockLine("Lamp", "100.50"));
        OrderLines allWaiting = lines(anOrder().withBackorderedLine("Oslo sofa", "8995.00"));

        assertThat(DeliveryOptions.of(allOnTheShelf, policy(true, "49")).whyClosed())
                .contains("NOTHING_TO_SPLIT");
        assertThat(DeliveryOptions.of(allWaiting, policy(true, "49")).whyClosed())
                .contains("NOTHING_TO_SPLIT");
        assertThatThrownBy(DeliveryOptions.of(allWaiting, policy(true, "49"))::requireOpen)
                .hasMessage("All items will be ready together; there is nothing to choose.");
    }
}
