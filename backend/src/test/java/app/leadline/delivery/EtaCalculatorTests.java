package app.leadline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.delivery.DeliveryProperties.Transit;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EtaCalculatorTests {

    private static final ZoneId WAREHOUSE = ZoneId.of("Europe/Copenhagen");

    /** A supplier working Monday to Friday in Denmark. */
    private static final SupplierDays DANISH_SUPPLIER = new SupplierDays(java.util.List.of(), "DK");

    private final EtaCalculator etas = new EtaCalculator(new DeliveryProperties(
            WAREHOUSE,
            LocalTime.of(14, 0),
            1,
            Map.of(
                    "DK", new Transit(1, 2),
                    "DE", new Transit(2, 3),
                    "GB", new Transit(3, 5),
                    "PL", new Transit(2, 4)),
            new Transit(3, 6),
            "DK",
            java.util.List.of()));

    private static java.time.Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), WAREHOUSE)
                .toInstant();
    }

    @Test
    void theWarehousesDayJustAfterMidnightThereIsTheNewDayThoughUtcsIsStillTheOld() {
        // 00:37 on Monday 7 December in Copenhagen is 23:37 on Sunday 6 December in UTC: goods booked then came on the
        // 7th.
        assertThat(etas.today(java.time.Instant.parse("2026-12-06T23:37:00Z")))
                .isEqualTo(LocalDate.parse("2026-12-07"));
        assertThat(etas.today(at("2026-12-07T23:59"))).isEqualTo(LocalDate.parse("2026-12-07"));
    }

    @Test
    void goodsSoManyDaysLateLeaveAfterTheChristmasClosureAndArriveOnDeliveryDaysNeverOnASundayOrNewYearsDay() {
        // Goods to Denmark (1-2 days in transit) promised Mon 14 to Mon 21 December leave Fri 11 to Thu 17 December.
        EtaWindow december = new EtaWindow(LocalDate.parse("2026-12-14"), LocalDate.parse("2026-12-21"), 0.8);
        // Seven days late, the last of them would leave on Christmas Eve; nothing leaves until Mon 28 December, so
        // they reach the customer by Wed 30 December, not Mon 28 December as the promise moved by seven days would.
        assertThat(etas.shifted(december, 7, "DK"))
                .isEqualTo(new EtaWindow(LocalDate.parse("2026-12-21"), LocalDate.parse("2026-12-30"), 0.8));
        // Two weeks late: the first leave Mon 28 December; the last leave Thu 31 December and travel past New Year's
        // Day and the weekend, arriving Tue 5 January.
        assertThat(etas.shifted(december, 14, "DK"))
                .isEqualTo(new EtaWindow(LocalDate.parse("2026-12-29"), LocalDate.parse("2027-01-05"), 0.8));
        // To Poland (2-4 days), Fri 4 to Fri 11 December leave Wed 2 to Mon 7 December; two days late they leave Fri 4
        // and Wed 9 December and arrive, past the weekend, Tue 8 and Tue 15 December.
        EtaWindow week = new EtaWindow(LocalDate.parse("2026-12-04"), LocalDate.parse("2026-12-11"));
        assertThat(etas.shifted(week, 2, "PL"))
                .isEqualTo(new EtaWindow(LocalDate.parse("2026-12-08"), LocalDate.parse("2026-12-15")));
    }

    @Test
    void stockOrderedBeforeTheCutOffLeavesTheSameDay() {
        // Monday 23 November 2026, 09:00: dispatched Monday, 1-2 working days to Denmark.
        assertThat(etas.forStock(at("2026-11-23T09:00"), "DK"))
                .isEqualTo(new EtaWindow(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-25")));
    }

    @Test
    void stockOrderedAfterTheCutOffLeavesTheNextWorkingDay() {
        assertThat(etas.forStock(at("2026-11-23T15:30"), "DK"))
                .isEqualTo(new EtaWindow(LocalDate.parse("2026-11-25"), LocalDate.parse("2026-11-26")));
    }

    @Test
    void stockOrderedFridayAfternoonLeavesMondayAndTransitSkipsTheWeekend() {
        // Friday 27 November after cut-off: dispatched Monday 30, 2-3 working days to Germany.
        assertThat(etas.forStock(at("2026-11-27T16:00"), "DE"))
                .isEqualTo(new EtaWindow(LocalDate.parse("2026-12-02"), LocalDate.parse("2026-12-03")));
    }

    @Test
    void stockOrderedOnSundayLeavesMonday() {
        assertThat(etas.forStock(at("2026-11-29T10:00"), "DK"))
                .isEqualTo(new EtaWindow(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-02")));
    }

    @Test
    void aCountryWithoutConfiguredTransitUsesTheDefault() {
        assertThat(etas.forStock(at("2026-11-23T09:00"), "FR"))
                .isEqualTo(new EtaWindow(LocalDate.parse("2026-11-26"), LocalDate.parse("2026-12-01")));
    }

    @Test
    void aBackorderLeavesAfterThePurchaseOrderArrivesAndIsHandled() {
        // Arrives Thursday 10 December, handled in one working day, dispatched Friday 11, 1-2 days to Denmark.
        assertThat(etas.forBackorder(at("2026-11-23T09:00"), LocalDate.parse("2026-12-10"), "DK"))
                .isEqualTo(new EtaWindow(LocalDate.parse("2026-12-14"), LocalDate.parse("2026-12-15")));
    }

    @Test
    void aPurchaseOrderArrivingOnSaturdayIsHandledFromMonday() {
        assertThat(etas.forBackorder(at("2026-11-23T09:00"), LocalDate.parse("2026-12-12"), "DK"))
                .isEqualTo(new EtaWindow(LocalDate.parse("2026-12-16"), LocalDate.parse("2026-12-17")));
    }

    @Test
    void anOverduePurchaseOrderIsCountedFromToday() {
        assertThat(etas.forBackorder(at("2026-11-23T09:00"), LocalDate.parse("2026-11-01"), "DK"))
                .isEqualTo(new EtaWindow(LocalDate.parse("2026-11-25"), LocalDate.parse("2026-11-26")));
    }

    @Test
    void aDropshipTakesTheSuppliersLeadTimePlusTransit() {
        // Dispatch day Monday 23; lead 2-5 plus transit 2-3 to Germany: 4 and 8 working days on.
        assertThat(etas.forDropship(
                        at("2026-11-23T09:00"), new LeadTime(2, 5), DANISH_SUPPLIER, "DE", java.util.Optional.empty()))
                .isEqualTo(new EtaWindow(LocalDate.parse("2026-11-27"), LocalDate.parse("2026-12-03")));
    }

    @Test
    void aBackorderOfALateSupplierArrivesWithinItsLearnedDaysAfterTheDateItGaveAndSaysHowSure() {
        // Expected Thursday 10 December; this supplier comes 1 day early to 4 days late: 9 to 14 December, handled,
        // dispatched 10 and 15, 1-2 days to Denmark.
        SupplierSpread learned = new SupplierSpread(-1, 4, 0.8);
        assertThat(etas.forBackorder(
                        at("2026-11-23T09:00"), LocalDate.parse("2026-12-10"), "DK", java.util.Optional.of(learned)))
                .isEqualTo(new EtaWindow(LocalDate.parse("2026-12-11"), LocalDate.parse("2026-12-17"), 0.8));
    }

    @Test
    void aBackorderOfASupplierEarlySoFarIsNeverPromisedToEndBeforeTheDateItGave() {
        // Expected Thursday 10 December from a supplier that came 26 to 16 days early so far (one receipt weeks early):
        // it may come from 14 November on, and it may come on the day it gave, not later than that: arrives by 10
        // December, handled and dispatched on the 11th, 1-2 days to Denmark. Its window does not end weeks before the
        // goods are due.
        SupplierSpread learned = new SupplierSpread(-26, -16, 0.8);
        EtaWindow window = etas.forBackorder(
                at("2026-11-23T09:00"), LocalDate.parse("2026-12-10"), "DK", java.util.Optional.of(learned));
        assertThat(window.latest())
                .isEqualTo(etas.forBackorder(at("2026-11-23T09:00"), LocalDate.parse("2026-12-10"), "DK")
                        .latest());
        // A dropshipped item the supplier now sends on Monday 14 December likewise leaves by that day at the latest.
        assertThat(etas.forSupplierDispatch(LocalDate.parse("2026-12-14"), "DK", java.util.Optional.of(learned))
                        .latest())
                .isEqualTo(etas.forSupplierDispatch(LocalDate.parse("2026-12-14"), "DK")
                        .latest());
    }

    @Test
    void withNothingLearnedABackorderFollowsTheSuppliersWordAndStatesNoConfidence() {
        assertThat(etas.forBackorder(
                        at("2026-11-23T09:00"), LocalDate.parse("2026-12-10"), "DK", java.util.Optional.empty()))
                .isEqualTo(new EtaWindow(LocalDate.parse("2026-12-14"), LocalDate.parse("2026-12-15")));
    }

    @Test
    void aDropshipCountsTheLeadTimeOnTheSuppliersOwnWorkingDaysNotOnTheWarehouses() {
        // Handed over on Monday 4 January 2027; lead 2-3 working days. A Polish supplier does not work on Wednesday 6
        // January (Epiphany, a public holiday in Poland): it sends on Thursday 7 or Friday 8, and 1-2 days to Denmark
        // bring them Friday 8 to Tuesday 12. A Danish supplier works that Wednesday: a day sooner at each end.
        SupplierDays polish = new SupplierDays(java.util.List.of(), "PL");
        assertThat(etas.forDropship(
                        at("2027-01-04T09:00"), new LeadTime(2, 3), polish, "DK", java.util.Optional.empty()))
                .isEqualTo(new EtaWindow(LocalDate.parse("2027-01-08"), LocalDate.parse("2027-01-12")));
        assertThat(etas.forDropship(
                        at("2027-01-04T09:00"), new LeadTime(2, 3), DANISH_SUPPLIER, "DK", java.util.Optional.empty()))
                .isEqualTo(new EtaWindow(LocalDate.parse("2027-01-07"), LocalDate.parse("2027-01-11")));
    }

    @Test
    void aDropshipOfASupplierEarlyAndLateWidensItsLeadTimeToTheLateSideOnlyNeverLeavingBeforeItsFastestDay() {
        // Dispatch day Monday 23; lead 2-5 working days (25 Nov, 30 Nov). Learned -5..+3 calendar days around the
        // days it gives: it leaves from Wednesday 25 Nov, not before it could have made the goods, to Thursday 3 Dec,
        // then 2-3 days to Germany.
        SupplierSpread learned = new SupplierSpread(-5, 3, 0.8);
        assertThat(etas.forDropship(
                        at("2026-11-23T09:00"),
                        new LeadTime(2, 5),
                        DANISH_SUPPLIER,
                        "DE",
                        java.util.Optional.of(learned)))
                .isEqualTo(new EtaWindow(LocalDate.parse("2026-11-27"), LocalDate.parse("2026-12-08"), 0.8));
    }

    @Test
    void aLineNobodyOrderedYetFromAnEarlySupplierComesNoSoonerThanItsLeadTimeAllows() {
        // Ordered on Monday 7 December, lead 10-15 working days: arrives 21-28 December by the supplier's word. It
        // came up to 11 days before the day it gave, and up to 4 after: not before 21 December (nothing is ordered
        // yet), to 1 January; handled, dispatched 22 December and 5 January, 1-2 days to Denmark.
        SupplierSpread learned = new SupplierSpread(-11, 4, 0.8);
        assertThat(orderedOn7DecemberWithin10To15WorkingDays(learned))
                .isEqualTo(new EtaWindow(LocalDate.parse("2026-12-23"), LocalDate.parse("2027-01-07"), 0.8));
    }

    @Test
    void aLineNobodyOrderedYetFromASupplierAlwaysEarlyComesOnItsLeadTimesFastestDay() {
        // Always 11 to 9 days before the day it gave: the lead time's fastest day, Monday 21 December, is the soonest
        // and, nothing later being learned, the latest too; handled, dispatched 22 December, 1-2 days to Denmark,
        // where nothing is delivered on Christmas Eve nor over Christmas.
        SupplierSpread learned = new SupplierSpread(-11, -9, 0.8);
        assertThat(orderedOn7DecemberWithin10To15WorkingDays(learned))
                .isEqualTo(new EtaWindow(LocalDate.parse("2026-12-23"), LocalDate.parse("2026-12-28"), 0.8));
    }

    @Test
    void aLineNobodyOrderedYetFromASupplierLateEvenAtItsEarliestComesThatMuchLaterThanItsLeadTime() {
        // Three days after the lead time's fastest day: Thursday 24 December, Christmas Eve, when the warehouse is
        // closed; handled from Monday 28, dispatched Tuesday 29, one day to Denmark.
        SupplierSpread learned = new SupplierSpread(3, 9, 0.8);
        assertThat(orderedOn7DecemberWithin10To15WorkingDays(learned).earliest())
                .isEqualTo(LocalDate.parse("2026-12-30"));
    }

    /** A line waiting to be ordered on Monday 7 December from a supplier of 10-15 working days: 21-28 December. */
    private EtaWindow orderedOn7DecemberWithin10To15WorkingDays(SupplierSpread learned) {
        return etas.forToBeOrdered(
                at("2026-12-07T09:00"),
                LocalDate.parse("2026-12-21"),
                LocalDate.parse("2026-12-28"),
                "DK",
                java.util.Optional.of(learned));
    }

    @Test
    void aLineStillToBeOrderedIsNotPromisedSoonerThanTheGoodsTheSupplierHasOnOrderOfItsSku() {
        // The supplier often comes up to eleven days early, and has the same SKU on order for Friday 8 January: goods
        // not yet bought come no sooner than 8 January, though ordered today they could come from 21 December.
        SupplierSpread early = new SupplierSpread(-11, 4, 0.8);
        EtaWindow window = etas.forToBeOrderedAfter(
                at("2026-12-07T09:00"),
                LocalDate.parse("2026-12-21"),
                LocalDate.parse("2026-12-28"),
                java.util.Optional.of(LocalDate.parse("2027-01-08")),
                "DK",
                "NORDIC-SOFAS",
                supplier -> java.util.Optional.of(early));

        // Arrived on Friday 8 January, handled on Monday 11, delivered in Denmark from Tuesday 12.
        assertThat(window.earliest()).isEqualTo(LocalDate.parse("2027-01-12"));
        // Not sooner at its late end than a line on that purchase order: 8 January four days late, handled, in transit.
        EtaWindow onOrder = etas.forPurchaseOrder(
                at("2026-12-07T09:00"),
                LocalDate.parse("2027-01-08"),
                "DK",
                "NORDIC-SOFAS",
                supplier -> java.util.Optional.of(early));
        assertThat(window.latest()).isAfterOrEqualTo(onOrder.latest());
        // With nothing on order it would be promised from the lead time counted from today.
        assertThat(orderedOn7DecemberWithin10To15WorkingDays(early).earliest()).isBefore(LocalDate.parse("2027-01-01"));
    }

    @Test
    void oneDeliveryWaitsForTheLatestLineWhileSplitDeliveriesSpanFirstToLast() {
        EtaWindow soon = new EtaWindow(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-25"));
        EtaWindow later = new EtaWindow(LocalDate.parse("2026-12-14"), LocalDate.parse("2026-12-15"));

        assertThat(EtaWindow.allOf(java.util.List.of(soon, later))).isEqualTo(later);
        assertThat(EtaWindow.span(java.util.List.of(soon, later)))
                .isEqualTo(new EtaWindow(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-12-15")));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "DK, 2026-12-28, 2026-12-29",
        "DE, 2026-12-28, 2026-12-29",
        "GB, 2026-12-30, 2027-01-04",
        "PL, 2026-12-29, 2026-12-31"
    })
    void aChristmasOrderIsDeliveredOnlyOnTheDestinationsDeliveryDays(String country, String earliest, String latest) {
        // Tuesday 22 December after the cut-off: dispatched Wednesday 23; then each country's own holidays
        // (Boxing Day on Monday 28 in Britain, Christmas Eve in Poland and, by custom, in Denmark) pass without
        // deliveries.
        assertThat(etas.forStock(at("2026-12-22T15:00"), country))
                .isEqualTo(new EtaWindow(LocalDate.parse(earliest), LocalDate.parse(latest)));
    }

    @Test
    void nothingLeavesOnTheWarehousesPublicHolidaysNorItsClosedDays() {
        EtaCalculator closedInJuly = new EtaCalculator(new DeliveryProperties(
                WAREHOUSE,
                LocalTime.of(14, 0),
                1,
                Map.of("DK", new Transit(1, 2)),
                new Transit(3, 6),
                "DK",
                java.util.List.of(
                        new DeliveryProperties.Closed(LocalDate.parse("2027-07-12"), LocalDate.parse("2027-07-23")))));

        // Thursday 24 December: Christmas Eve and Christmas in Denmark, so the order is handled from Monday 28 and
        // dispatched Tuesday 29.
        assertThat(etas.forStock(at("2026-12-24T09:00"), "DE"))
                .isEqualTo(new EtaWindow(LocalDate.parse("2026-12-30"), LocalDate.parse("2026-12-31")));
        // Friday 9 July 2027 after the cut-off, with the warehouse closed for two weeks: dispatched Monday 26.
        assertThat(closedInJuly.forStock(at("2027-07-09T15:00"), "DK"))
                .isEqualTo(new EtaWindow(LocalDate.parse("2027-07-27"), LocalDate.parse("2027-07-28")));
    }

    @Test
    void theDaysAheadTheWarehouseSendsNothingAreTheWeekdaysOfItsHolidaysAndClosures() {
        EtaCalculator inDecember = new EtaCalculator(
                new DeliveryProperties(
                        WAREHOUSE,
                        LocalTime.of(14, 0),
                        1,
                        Map.of("DK", new Transit(1, 2)),
                        new Transit(3, 6),
                        "DK",
                        java.util.List.of(new DeliveryProperties.Closed(
                                LocalDate.parse("2027-01-04"), LocalDate.parse("2027-01-05")))),
                java.time.Clock.fixed(java.time.Instant.parse("2026-12-07T09:00:00Z"), WAREHOUSE));

        // Christmas Eve (kept by custom), Christmas Day and New Year's Day, the two days closed; Boxing Day is a
        // Saturday, and weekends are no news.
        assertThat(inDecember.closedWeekdaysAhead(31))
                .containsExactly(
                        LocalDate.parse("2026-12-24"),
                        LocalDate.parse("2026-12-25"),
                        LocalDate.parse("2027-01-01"),
                        LocalDate.parse("2027-01-04"),
                        LocalDate.parse("2027-01-05"));
    }
}
