package app.leadline.order;

import static app.leadline.order.OrderBuilder.anOrder;
import static app.leadline.order.OrderBuilder.window;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParcelPlanTests {

    private static final List<OrderLine> LINES = anOrder()
            .withBackorderedLine("Oslo chair", "1995.00", window(30, 35))
            .withStockLine("Glass vase", "329.00")
            .withBackorderedLine("Oslo sofa", "8995.00", window(20, 25))
            .withBackorderedLine("Oslo table", "4995.00", window(20, 25))
            .build()
            .lines();

    @Test
    void waitingForAllIsOneParcelExpectedWhenTheLastLineIs() {
        assertThat(ParcelPlan.planned(LINES, DeliveryPreference.WAIT_FOR_ALL))
                .containsExactly(new Parcel(List.of("L1", "L2", "L3", "L4"), window(30, 35)));
    }

    @Test
    void splittingSendsWhatIsReadyNowAndTheRestByWindowSoonestFirst() {
        assertThat(ParcelPlan.planned(LINES, DeliveryPreference.SHIP_AS_AVAILABLE))
                .containsExactly(
                        new Parcel(List.of("L2"), window(2, 3)),
                        new Parcel(List.of("L3", "L4"), window(20, 25)),
                        new Parcel(List.of("L1"), window(30, 35)));
    }

    @Test
    void nothingOpenTravelsInNoParcel() {
        assertThat(ParcelPlan.planned(List.of(), DeliveryPreference.WAIT_FOR_ALL))
                .isEmpty();
        assertThat(ParcelPlan.together(List.of()).lineIds()).isEmpty();
    }
}
