package app.leadline.order;

import static app.leadline.order.OrderBuilder.PLACED_AT;
import static app.leadline.order.OrderBuilder.anOrder;
import static app.leadline.order.OrderBuilder.window;
import static app.leadline.order.Outcomes.events;
import static app.leadline.order.Outcomes.linesOf;
import static app.leadline.order.Outcomes.news;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.delivery.EtaWindow;
import app.leadline.order.CustomerNews.ReadyToShip;
import app.leadline.order.OrderEvent.GoodsReceived;
import app.leadline.order.OrderEvent.ReceiptReversed;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Goods arriving for an order's lines and a receipt taken back, without an order around them. */
class ArrivalsTests {

    private static final Instant NOW = PLACED_AT.plus(Duration.ofDays(1));

    /** Goods that arrived today leave after handling: from four to seven days out. */
    private static final EtaWindow LEAVING = window(4, 7);

    private static Arrivals arrivalsOf(Order order) {
        return new Arrivals(
                linesOf(order),
                order.delivery().preference(),
                order.policy(),
                order.proposedShipment(),
                order.receivingDays());
    }

    /** L1 a vase on the shelf, L2 a sofa on purchase order PO-1, L3 a chair on PO-2. */
    private static Order vaseSofaAndChair(OrderBuilder builder) {
        Order order = builder.withStockLine("Glass vase", "329.00")
                .withBackorderedLine("Oslo sofa", "8995.00")
                .withBackorderedLine("Oslo chair", "1995.00", window(30, 35))
                .build();
        order.allocateToPurchaseOrder("L2", "PO-1", window(20, 25), NOW);
        order.allocateToPurchaseOrder("L3", "PO-2", window(30, 35), NOW);
        return order;
    }

    @Test
    void goodsForACustomerWhoTakesWhatIsReadyProposeAParcelOfAllThatCanLeave() {
        Order order = vaseSofaAndChair(anOrder().shippingAsAvailable());

        Arrivals.Result result = arrivalsOf(order).ready(List.of("L2", "L1"), LEAVING, NOW);

        assertThat(result.outcome().changed()).containsExactly("L2");
        assertThat(result.outcome().line("L2").status()).isEqualTo(LineStatus.READY);
        assertThat(events(result.outcome()))
                .containsExactly(new GoodsReceived(
                        List.of("L2"), Map.of("L2", window(20, 25).latest())));
        assertThat(result.proposed())
                .hasValueSatisfying(parcel -> assertThat(parcel.lineIds()).containsExactly("L1", "L2"));
        assertThat(news(result.outcome())).containsExactly(new ReadyToShip(List.of("L1", "L2")));
    }

    @Test
    void goodsThatArriveEarlyAreExpectedFromTheirArrivalAndTheParcelReadyNowWithThem() {
        Order order = vaseSofaAndChair(anOrder());

        Arrivals.Result result = arrivalsOf(order).ready(List.of("L2"), LEAVING, NOW);

        assertThat(result.outcome().line("L2").eta())
                .as("not the purchase order's 20 to 25 days")
                .isEqualTo(LEAVING);
        assertThat(result.outcome().line("L3").eta()).isEqualTo(window(30, 35));
        Order after = vaseSofaAndChair(anOrder());
        after.markReady(List.of("L2"), LEAVING, NOW);
        assertThat(after.deliveryOptions().split().get(0).eta())
                .as("what shipping the ready items now offers")
                .isEqualTo(EtaWindow.allOf(List.of(after.line("L1").eta(), LEAVING)));
    }

    @Test
    void goodsArrivingLandTheirWindowOnTheCustomersReceivingDays() {
        Order order = vaseSofaAndChair(anOrder().receivingOn(DayOfWeek.SATURDAY));

        Arrivals.Result result = arrivalsOf(order).ready(List.of("L2"), LEAVING, NOW);

        EtaWindow landed = result.outcome().line("L2").eta();
        assertThat(List.of(landed.earliest().getDayOfWeek(), landed.latest().getDayOfWeek()))
                .containsOnly(DayOfWeek.SATURDAY);
        // Leaving Fri 6 to Mon 9 November: the first Saturday on or after each end.
        assertThat(landed)
                .isEqualTo(new EtaWindow(
                        java.time.LocalDate.parse("2026-11-07"), java.time.LocalDate.parse("2026-11-14")));
    }

    @Test
    void goodsForALineRunningLateEndItsRunningLate() {
        Order order = vaseSofaAndChair(anOrder());
        order.runLate(Map.of("L2", window(40, 45)), Map.of("L2", 3L), NOW);
        assertThat(order.line("L2").isRunningLate()).isTrue();

        Arrivals.Result result = arrivalsOf(order).ready(List.of("L2"), LEAVING, NOW);

        assertThat(result.outcome().line("L2").isRunningLate()).isFalse();
        assertThat(result.outcome().line("L2").eta()).isEqualTo(LEAVING);
    }

    @Test
    void goodsForAnOrderThatShipsCompleteAreRecordedAndToldNothingWhileOtherLinesWait() {
        Order order = vaseSofaAndChair(anOrder().alwaysComplete());

        Arrivals.Result result = arrivalsOf(order).ready(List.of("L2"), LEAVING, NOW);

        assertThat(events(result.outcome()))
                .containsExactly(new GoodsReceived(
                        List.of("L2"), Map.of("L2", window(20, 25).latest())));
        assertThat(result.proposed()).isEmpty();
        assertThat(result.outcome().news()).isEmpty();
    }

    @Test
    void linesNotWaitingForTheirSupplierAreNotMadeReady() {
        Order order = vaseSofaAndChair(anOrder());

        Arrivals.Result result = arrivalsOf(order).ready(List.of("L1"), LEAVING, NOW);

        assertThat(result.outcome().any()).isFalse();
        assertThat(result.outcome().news()).isEmpty();
        assertThat(result.proposed()).isEmpty();
    }

    @Test
    void aReceiptTakenBackReturnsOnlyTheLinesItMadeReadyAndTheirPlaceInTheParcel() {
        Order order = vaseSofaAndChair(anOrder().shippingAsAvailable());
        order.markReady(List.of("L2", "L3"), LEAVING, NOW);

        Arrivals.Result result = arrivalsOf(order).returned("PO-1", List.of("L2", "L3"), NOW, null);

        assertThat(result.outcome().changed()).containsExactly("L2");
        assertThat(result.outcome().line("L2").status()).isEqualTo(LineStatus.AWAITING_SUPPLIER);
        assertThat(result.outcome().line("L3").status()).isEqualTo(LineStatus.READY);
        assertThat(events(result.outcome())).containsExactly(new ReceiptReversed("PO-1", List.of("L2")));
        assertThat(result.proposed())
                .hasValueSatisfying(parcel -> assertThat(parcel.lineIds()).containsExactly("L1", "L3"));
        assertThat(result.outcome().news()).isEmpty();
    }

    @Test
    void aReceiptTakenBackFromAnOrderWaitingForEverythingLeavesNoParcelProposed() {
        Order order = vaseSofaAndChair(anOrder());
        order.markReady(List.of("L2", "L3"), LEAVING, NOW);

        Arrivals.Result result = arrivalsOf(order).returned("PO-1", List.of("L2"), NOW, null);

        assertThat(order.proposedShipment()).isPresent();
        assertThat(result.proposed()).isEmpty();
    }
}
