package app.leadline.order;

import static app.leadline.order.OrderBuilder.PLACED_AT;
import static app.leadline.order.OrderBuilder.anOrder;
import static app.leadline.order.OrderBuilder.window;
import static app.leadline.order.Outcomes.events;
import static app.leadline.order.Outcomes.linesOf;
import static app.leadline.order.Outcomes.news;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.delivery.EtaWindow;
import app.leadline.order.CustomerNews.PastPromise;
import app.leadline.order.OrderEvent.EtaMoved;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an order's lines' dates move, without an order around them: what each move records and tells. */
class ScheduleTests {

    private static final Instant NOW = PLACED_AT.plus(Duration.ofDays(1));

    private static Schedule scheduleOf(Order order) {
        return new Schedule(
                order.id(), linesOf(order), order.policy(), order.delivery().preference(), order.receivingDays());
    }

    /**
     * L1 a sofa promised in 20–25 days, L2 a chair promised in 30–35 days, both waiting to be ordered; each travels
     * when it is ready.
     */
    private static OrderBuilder sofaAndChair() {
        return anOrder()
                .shippingAsAvailable()
                .withBackorderedLine("Oslo sofa", "8995.00", window(20, 25))
                .withBackorderedLine("Oslo chair", "1995.00", window(30, 35));
    }

    @Test
    void aDelayMovesEachLineItNamesAndTellsTheCustomerOnceWithItsLargestShift() {
        Map<String, EtaWindow> windows = new LinkedHashMap<>();
        windows.put("L1", window(20, 23));
        windows.put("L2", window(33, 40));
        windows.put("L9", window(50, 60));

        Outcome outcome = scheduleOf(sofaAndChair().build())
                .applyDelay("d1", windows, Map.of(), "Late ship", Note.written("note"), NOW);

        assertThat(outcome.changed()).containsExactly("L1", "L2");
        assertThat(outcome.line("L2").eta()).isEqualTo(window(33, 40));
        assertThat(events(outcome))
                .containsExactly(
                        new EtaMoved(
                                "L1",
                                "Oslo sofa",
                                window(20, 25).latest(),
                                window(20, 23).latest(),
                                "Late ship"),
                        new EtaMoved(
                                "L2",
                                "Oslo chair",
                                window(30, 35).latest(),
                                window(33, 40).latest(),
                                "Late ship"));
        assertThat(outcome.recorded())
                .allSatisfy(entry -> assertThat(entry.note()).contains("note"));
        assertThat(outcome.news())
                .singleElement()
                .satisfies(intent -> assertThat(intent.id()).isEqualTo("d1:order-1"));
        assertThat(news(outcome)).containsExactly(new PastPromise("d1", List.of("L1", "L2"), "Late ship", 5));
    }

    @Test
    void aLineThatWaitsForTheOrdersOneDeliveryIsToldOfOnlyWhenThatDeliveryMoves() {
        // One delivery, when the chair comes: days 30–35.
        Order together = anOrder()
                .withBackorderedLine("Oslo sofa", "8995.00", window(20, 25))
                .withBackorderedLine("Oslo chair", "1995.00", window(30, 35))
                .build();

        Outcome inside = scheduleOf(together)
                .applyDelay("d1", Map.of("L1", window(24, 28)), Map.of(), "Late ship", Note.written("note"), NOW);
        Outcome past = scheduleOf(together)
                .applyDelay("d2", Map.of("L1", window(31, 38)), Map.of(), "Late ship", Note.written("note"), NOW);
        Outcome allocated = scheduleOf(together).allocate("L1", "PO-1", window(26, 29), NOW);

        // The sofa's own date moves, for agents to read; the customer still gets it all on days 30–35.
        assertThat(events(inside))
                .containsExactly(new EtaMoved(
                        "L1",
                        "Oslo sofa",
                        window(20, 25).latest(),
                        window(24, 28).latest(),
                        "Late ship"));
        assertThat(inside.news()).isEmpty();
        assertThat(allocated.recorded()).hasSize(1);
        assertThat(allocated.news()).isEmpty();
        // Past the chair, the sofa sets the delivery: three days later than the customer was told.
        assertThat(news(past)).containsExactly(new PastPromise("d2", List.of("L1"), "Late ship", 3));
    }

    @Test
    void aDelayLeavesLinesThatLeftAndLinesItAlreadyMoved() {
        Order order = anOrder()
                .withStockLine("Glass vase", "329.00")
                .withBackorderedLine("Oslo sofa", "8995.00")
                .build();
        order.ship(List.of("L1"), "PostNord", "PN1", NOW, OrderFixtures.shippedOn(NOW));
        order.applyDelay("d1", Map.of("L2", window(30, 32)), "Late ship", null, NOW);

        Outcome again = scheduleOf(order)
                .applyDelay("d1", Map.of("L1", window(5, 8), "L2", window(40, 42)), Map.of(), "Late ship", null, NOW);

        assertThat(again.any()).isFalse();
        assertThat(again.news()).isEmpty();
        assertThat(again.line("L1").eta()).isEqualTo(window(2, 3));
        assertThat(again.line("L2").eta()).isEqualTo(window(30, 32));
    }

    @Test
    void aPurchaseOrderThatKeepsAWaitingLinesLatestDateTakesItWithoutAWord() {
        Outcome outcome = scheduleOf(sofaAndChair().build()).allocate("L1", "PO-1", window(18, 25), NOW);

        assertThat(outcome.changed()).containsExactly("L1");
        assertThat(outcome.line("L1").purchaseOrderNumber()).contains("PO-1");
        assertThat(outcome.line("L1").eta()).isEqualTo(window(18, 25));
        assertThat(outcome.recorded()).isEmpty();
        assertThat(outcome.news()).isEmpty();
    }

    @Test
    void aPurchaseOrderLandsOnTheShopsReceivingDaysAndALaterDateIsAPastPromise() {
        Order order = sofaAndChair().receivingOn(DayOfWeek.MONDAY).build();

        // Days 22 and 25 are a Tuesday and a Friday; the next Monday is day 28.
        Outcome outcome = scheduleOf(order).allocate("L1", "PO-1", window(22, 25), NOW);

        assertThat(outcome.line("L1").eta()).isEqualTo(window(28, 28));
        assertThat(outcome.recorded()).singleElement().satisfies(entry -> {
            assertThat(entry.event())
                    .isEqualTo(new EtaMoved(
                            "L1",
                            "Oslo sofa",
                            window(20, 25).latest(),
                            window(28, 28).latest(),
                            ""));
            assertThat(entry.systemNote()).isEqualTo(SystemNote.waitsFor("PO-1"));
            assertThat(entry.note()).isEmpty();
        });
        assertThat(outcome.news())
                .singleElement()
                .satisfies(intent -> assertThat(intent.id()).isEqualTo("po:PO-1:order-1:L1"));
        assertThat(news(outcome)).containsExactly(new PastPromise("po:PO-1", List.of("L1"), "", 3));
    }

    @Test
    void aLineTakenByAnotherPurchaseOrderIsNotTakenAgain() {
        Order order = sofaAndChair().build();
        order.allocateToPurchaseOrder("L1", "PO-1", window(20, 25), NOW);

        assertThat(scheduleOf(order).allocate("L1", "PO-2", window(18, 22), NOW).any())
                .isFalse();
    }

    @Test
    void aCancelledPurchaseOrderHandsItsLinesToTheNextOneAndLeavesOtherLinesAlone() {
        Order order = sofaAndChair().build();
        order.allocateToPurchaseOrder("L1", "PO-1", window(20, 25), NOW);
        order.allocateToPurchaseOrder("L2", "PO-2", window(30, 35), NOW);
        Schedule schedule = scheduleOf(order);

        Outcome moved = schedule.leaveCancelled("L1", "PO-1", "PO-3", window(30, 33), NOW);
        Outcome untouched = schedule.leaveCancelled("L2", "PO-1", "PO-3", window(30, 33), NOW);

        assertThat(moved.line("L1").purchaseOrderNumber()).contains("PO-3");
        assertThat(moved.recorded()).singleElement().satisfies(entry -> {
            assertThat(entry.event())
                    .isEqualTo(new EtaMoved(
                            "L1",
                            "Oslo sofa",
                            window(20, 25).latest(),
                            window(30, 33).latest(),
                            ""));
            assertThat(entry.systemNote()).isEqualTo(SystemNote.cancelled("PO-1"));
        });
        assertThat(moved.news())
                .singleElement()
                .satisfies(intent -> assertThat(intent.id()).isEqualTo("po-cancelled:PO-1:order-1:L1"));
        assertThat(news(moved)).containsExactly(new PastPromise("po-cancelled:PO-1", List.of("L1"), "", 8));
        assertThat(untouched.any()).isFalse();
    }

    @Test
    void aLineWhosePurchaseOrderIsCancelledWithNoneToFollowWaitsToBeOrderedAgain() {
        Order order = sofaAndChair().build();
        order.allocateToPurchaseOrder("L1", "PO-1", window(20, 25), NOW);

        Outcome outcome = scheduleOf(order).leaveCancelled("L1", "PO-1", null, window(20, 25), NOW);

        assertThat(outcome.line("L1").waitsToBeOrdered()).isTrue();
        assertThat(outcome.recorded()).isEmpty();
        assertThat(outcome.news()).isEmpty();
    }

    @Test
    void timeOvertakingLinesMovesThoseWhoseNewWindowReachesFurtherAndEachMoveIsNewsOfItsOwn() {
        Order order = sofaAndChair().build();
        Map<String, EtaWindow> windows = new LinkedHashMap<>();
        windows.put("L1", window(26, 27));
        windows.put("L2", window(30, 34));

        Outcome first = scheduleOf(order).runLate(windows, Map.of("L1", 2L, "L2", 1L), NOW);
        order.runLate(windows, Map.of("L1", 2L, "L2", 1L), NOW);
        Outcome further = scheduleOf(order).runLate(Map.of("L1", window(27, 29)), Map.of("L1", 3L), NOW);

        assertThat(first.changed()).containsExactly("L1");
        assertThat(events(first))
                .containsExactly(new OrderEvent.RunningLate(
                        "L1",
                        "Oslo sofa",
                        window(20, 25).latest(),
                        window(26, 27).latest(),
                        2));
        assertThat(news(first)).containsExactly(new PastPromise(CustomerNews.RUNNING_LATE, List.of("L1"), "", 2));
        assertThat(first.news().get(0).id())
                .isEqualTo("running-late:order-1:L1@" + window(26, 27).latest());
        assertThat(further.news().get(0).id())
                .isEqualTo("running-late:order-1:L1@" + window(27, 29).latest());
    }
}
