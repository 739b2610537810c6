package app.leadline.delivery;

import app.leadline.delivery.DeliveryProperties.Transit;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Computes each line's ETA window from when its goods can leave (stock, a purchase order's arrival, a
 * supplier's dispatch) plus transit to the destination. Dispatch counts the warehouse's working days (Monday to
 * Friday, not its country's public holidays nor its configured closed days); transit counts the destination
 * country's delivery days (Monday to Friday, not its public holidays), so no window starts or ends on a day nothing
 * is delivered there.
 */
@Component
public class EtaCalculator {

    private final DeliveryProperties properties;
    private final Clock clock;

    @Autowired
    EtaCalculator(DeliveryProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    EtaCalculator(DeliveryProperties properties) {
        this(properties, Clock.systemUTC());
    }

    /** A stock item leaves on the next dispatch: today before the cut-off, else the next working day. */
    public EtaWindow forStock(Instant placedAt, String country) {
        return afterDispatch(nextDispatch(placedAt), country);
    }

    /** A backordered item leaves after its purchase order arrives and is handled. */
    public EtaWindow forBackorder(Instant placedAt, LocalDate expectedArrival, String country) {
        LocalDate placedOn = placedAt.atZone(properties.zone()).toLocalDate();
        LocalDate arrival = expectedArrival.isBefore(placedOn) ? placedOn : expectedArrival;
        LocalDate dispatch = addWorkingDays(onOrAfterWorkingDay(arrival), properties.handlingDays());
        return afterDispatch(dispatch, country);
    }

    /**
     * A backordered item nobody has bought in yet: the goods arrive between the two days (the supplier's lead time
     * counted from today), then leave as any backordered item does.
     */
    public EtaWindow forToBeOrdered(
            Instant placedAt, LocalDate earliestArrival, LocalDate latestArrival, String country) {
        return new EtaWindow(
                forBackorder(placedAt, earliestArrival, country).earliest(),
                forBackorder(placedAt, latestArrival, country).latest());
    }

    /**
     * A backordered item whose purchase order is expected on the day, its supplier's learned spread around that day:
     * the goods arrive between the day shifted by the spread's ends, then leave as any backordered item does. The
     * window states the spread's confidence; without a spread it is {@link #forBackorder(Instant, LocalDate,
     * String)}.
     */
    public EtaWindow forBackorder(
            Instant placedAt, LocalDate expectedArrival, String country, Optional<SupplierSpread> spread) {
        return spread.map(learned -> arrivingBetween(
                        placedAt,
                        expectedArrival.plusDays(learned.earliestDays()),
                        notBeforeTheirWord(expectedArrival, learned),
                        country,
                        learned))
                .orElseGet(() -> forBackorder(placedAt, expectedArrival, country));
    }

    /**
     * A backordered item waiting for a purchase order of the supplier expected on the day, seen at {@code now}: before
     * the day has passed, the supplier's learned spread around it; once it has passed without the goods, as the
     * promise watch sees it, the spread of the supplier's arrivals that were at least that late ({@link
     * #forOverdue(Instant, LocalDate, LocalDate, String, SupplierSpread)}), so that a line given to a purchase order
     * already overdue is not moved again a quarter of an hour later.
     */
    public EtaWindow forPurchaseOrder(
            Instant now, LocalDate expectedArrival, String country, String supplier, SupplierSpreads spreads) {
        // Days late as the promise watch counts them (by UTC's day), so that both find the same spread.
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        long daysLate = ChronoUnit.DAYS.between(expectedArrival, today);
        if (daysLate > 0) {
            Optional<SupplierSpread> late = spreads.givenLate(supplier, (int) daysLate);
            if (late.isPresent()) {
                return forOverdue(now, today, expectedArrival, country, late.get());
            }
        }
        return forBackorder(now, expectedArrival, country, spreads.of(supplier));
    }

    /**
     * A backordered item whose purchase order was expected on a day now passed and whose goods have not come: they
     * arrive between the day shifted by the ends of the supplier's spread given so many days late, never before
     * {@code today}, then leave as any backordered item does.
     */
    public EtaWindow forOverdue(
            Instant now, LocalDate today, LocalDate expectedArrival, String country, SupplierSpread givenLate) {
        return forToBeOrdered(
                        now,
                        later(expectedArrival.plusDays(givenLate.earliestDays()), today),
                        later(expectedArrival.plusDays(givenLate.latestDays()), today),
                        country)
                .withConfidence(givenLate.confidence());
    }

    /**
     * A backordered item nobody has bought in yet, its supplier's learned spread around the lead time's days: the
     * goods arrive from the lead time's fastest day (later when the supplier is always late) to its slowest shifted
     * by the spread's end, never before the first. See {@link #notBeforeLeadTime(SupplierSpread)}.
     */
    public EtaWindow forToBeOrdered(
            Instant placedAt,
            LocalDate earliestArrival,
            LocalDate latestArrival,
            String country,
            Optional<SupplierSpread> spread) {
        return spread.map(learned -> {
                    LocalDate first = earliestArrival.plusDays(notBeforeLeadTime(learned));
                    LocalDate last = later(latestArrival.plusDays(learned.latestDays()), first);
                    return arrivingBetween(placedAt, first, last, country, learned);
                })
                .orElseGet(() -> forToBeOrdered(placedAt, earliestArrival, latestArrival, country));
    }

    /**
     * A backordered item nobody has bought in yet, as {@link #forToBeOrdered(Instant, LocalDate, LocalDate, String,
     * Optional)} with the supplier's spread; while its supplier has the same SKU on an open purchase order expected on
     * {@code lastOnOrder}, the last one to come, never sooner than those goods, neither than the day the supplier gave
     * for them nor than the window a line on that purchase order is promised now. Bought later, they do not overtake
     * them.
     */
    public EtaWindow forToBeOrderedAfter(
            Instant placedAt,
            LocalDate earliestArrival,
            LocalDate latestArrival,
            Optional<LocalDate> lastOnOrder,
            String country,
            String supplier,
            SupplierSpreads spreads) {
        Optional<SupplierSpread> spread = spreads.of(supplier);
        EtaWindow ordered = forToBeOrdered(placedAt, earliestArrival, latestArrival, country, spread);
        return lastOnOrder
                .map(day -> ordered.noEarlierThan(forPurchaseOrder(placedAt, day, country, supplier, spreads))
                        .noEarlierThan(forToBeOrdered(placedAt, day, day, country, spread)))
                .orElse(ordered);
    }

    private EtaWindow arrivingBetween(
            Instant placedAt, LocalDate first, LocalDate last, String country, SupplierSpread learned) {
        return forToBeOrdered(placedAt, first, last, country).withConfidence(learned.confidence());
    }

    /**
     * A dropshipped item: the supplier, handed the order on the warehouse's next dispatch day, sends it within its
     * lead time counted on its own working days (its weekdays, not its country's holidays), and with its learned
     * spread between the lead time's fastest day (later when the supplier is always late) and its slowest shifted by
     * the spread's end (see {@link #notBeforeLeadTime(SupplierSpread)}); then the carriers' transit.
     */
    public EtaWindow forDropship(
            Instant placedAt,
            LeadTime leadTime,
            SupplierDays supplier,
            String country,
            Optional<SupplierSpread> spread) {
        LocalDate start = nextDispatch(placedAt);
        LocalDate fastest = supplier.addWorkingDays(start, leadTime.minDays());
        LocalDate slowest = supplier.addWorkingDays(start, leadTime.maxDays());
        if (spread.isEmpty()) {
            Transit transit = transit(country);
            return new EtaWindow(
                    deliveryDaysLater(fastest, transit.min(), country),
                    deliveryDaysLater(slowest, transit.max(), country));
        }
        SupplierSpread learned = spread.get();
        LocalDate first = fastest.plusDays(notBeforeLeadTime(learned));
        LocalDate last = later(slowest.plusDays(learned.latestDays()), first);
        return dispatchedBetween(first, last, country, learned);
    }

    /**
     * The last day goods the supplier gave a day for may come: the spread's end, never before that day. A supplier early
     * so far (one receipt weeks early, say) may not be so again, and a customer whose window ends before the day the
     * supplier gave is promised what the supplier never said; a delay to a later day would then move no window either.
     */
    private static LocalDate notBeforeTheirWord(LocalDate day, SupplierSpread learned) {
        return day.plusDays(Math.max(0, learned.latestDays()));
    }

    /**
     * How many days a lead time's fastest day moves by the learned spread: later when the supplier comes late even at
     * its earliest, never sooner. The spread is learned from purchase orders against the day each supplier gave for
     * it; coming before that day says the supplier named a day later than it could manage, not that it makes goods
     * faster than its fastest lead time, counted from an order it has not even received yet.
     */
    private static int notBeforeLeadTime(SupplierSpread learned) {
        return Math.max(0, learned.earliestDays());
    }

    /** A dropshipped item the supplier now dispatches on the given day, its learned spread around that day. */
    public EtaWindow forSupplierDispatch(LocalDate dispatch, String country, Optional<SupplierSpread> spread) {
        if (spread.isEmpty()) {
            return forSupplierDispatch(dispatch, country);
        }
        SupplierSpread learned = spread.get();
        LocalDate first = dispatch.plusDays(learned.earliestDays());
        return dispatchedBetween(first, notBeforeTheirWord(dispatch, learned), country, learned);
    }

    private EtaWindow dispatchedBetween(LocalDate first, LocalDate last, String country, SupplierSpread learned) {
        Transit transit = transit(country);
        return new EtaWindow(
                deliveryDaysLater(onOrAfterWorkingDay(first), transit.min(), country),
                deliveryDaysLater(onOrAfterWorkingDay(last), transit.max(), country),
                learned.confidence());
    }

    private static LocalDate later(LocalDate day, LocalDate notBefore) {
        return day.isBefore(notBefore) ? notBefore : day;
    }

    /** An item that left the warehouse at {@code shippedAt}: the carrier's window from that day. */
    public EtaWindow forShipped(Instant shippedAt, String country) {
        return afterDispatch(
                onOrAfterWorkingDay(shippedAt.atZone(properties.zone()).toLocalDate()), country);
    }

    /** A dropshipped item the supplier now dispatches on the given day. */
    public EtaWindow forSupplierDispatch(LocalDate dispatch, String country) {
        return afterDispatch(onOrAfterWorkingDay(dispatch), country);
    }

    /** The warehouse's rhythm and the carriers' transit times as Leadline ships them, with nothing configured. */
    public static EtaCalculator withDefaults() {
        return new EtaCalculator(new DeliveryProperties(null, null, 0, null, null, null, null));
    }

    /**
     * The warehouse's day at the instant, as its staff count days: the day goods arrive on. Just after midnight there,
     * it is a day ahead of UTC's.
     */
    public LocalDate today(Instant now) {
        return now.atZone(properties.zone()).toLocalDate();
    }

    /**
     * The warehouse's day now: the day Leadline counts "today" by, for goods received, purchase orders sent, dates not
     * in the past and lead times counted from today.
     */
    public LocalDate today() {
        return today(clock.instant());
    }

    /** The next day the warehouse dispatches on, as seen at the instant: today before the cut-off, else later. */
    public LocalDate nextDispatchDay(Instant now) {
        return nextDispatch(now);
    }

    /**
     * The last working day goods could leave the warehouse and still reach the country by {@code latest}; the day
     * before the earliest one considered when none could.
     */
    public LocalDate lastDispatchFor(LocalDate latest, String country) {
        return lastDispatchFor(latest, transit(country).max(), country);
    }

    /** As {@link #lastDispatchFor(LocalDate, String)}, the goods so many delivery days in transit. */
    private LocalDate lastDispatchFor(LocalDate arrival, int transitDays, String country) {
        LocalDate day = arrival;
        for (int tries = 0; tries < 60; tries++) {
            if (isWorkingDay(day)
                    && !deliveryDaysLater(day, transitDays, country).isAfter(arrival)) {
                return day;
            }
            day = day.minusDays(1);
        }
        return day;
    }

    /**
     * The window of goods that leave so many calendar days later than it had them leave (a supplier's "days late"):
     * each end's day of leaving (the last working day from which the carriers reach it), moved by the days, leaves on
     * the next working day from there and travels as goods do. So goods that now leave in a closure (Christmas) leave
     * after it, and arrive on the country's delivery days, never on a weekend or a public holiday.
     */
    public EtaWindow shifted(EtaWindow window, int days, String country) {
        Transit transit = transit(country);
        LocalDate first =
                lastDispatchFor(window.earliest(), transit.min(), country).plusDays(days);
        LocalDate last =
                lastDispatchFor(window.latest(), transit.max(), country).plusDays(days);
        return new EtaWindow(
                deliveryDaysLater(onOrAfterWorkingDay(first), transit.min(), country),
                deliveryDaysLater(onOrAfterWorkingDay(last), transit.max(), country),
                window.confidence());
    }

    private Transit transit(String country) {
        return properties.transitTo(country);
    }

    private LocalDate nextDispatch(Instant placedAt) {
        ZonedDateTime local = placedAt.atZone(properties.zone());
        LocalDate day = local.toLocalDate();
        if (isWorkingDay(day) && local.toLocalTime().isBefore(properties.cutOff())) {
            return day;
        }
        return addWorkingDays(day, 1);
    }

    private EtaWindow afterDispatch(LocalDate dispatch, String country) {
        Transit transit = transit(country);
        return new EtaWindow(
                deliveryDaysLater(dispatch, transit.min(), country),
                deliveryDaysLater(dispatch, transit.max(), country));
    }

    private LocalDate onOrAfterWorkingDay(LocalDate day) {
        return isWorkingDay(day) ? day : addWorkingDays(day, 1);
    }

    /** The day goods dispatched on {@code dispatch} reach the country after so many of its delivery days. */
    private static LocalDate deliveryDaysLater(LocalDate dispatch, int days, String country) {
        LocalDate day = dispatch;
        int left = days;
        while (left > 0 || !isDeliveryDay(day, country)) {
            day = day.plusDays(1);
            if (isDeliveryDay(day, country)) {
                left--;
            }
        }
        return day;
    }

    LocalDate addWorkingDays(LocalDate from, int days) {
        LocalDate day = from;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /**
     * The weekdays from today, for {@code days} days, on which the warehouse dispatches nothing: its country's public
     * holidays and the days it is closed. Goods expected on one leave on the next working day.
     */
    public List<LocalDate> closedWeekdaysAhead(int days) {
        LocalDate today = today();
        return today.datesUntil(today.plusDays(days))
                .filter(day -> isWeekday(day) && !isWorkingDay(day))
                .toList();
    }

    /** A day the warehouse dispatches on. */
    private boolean isWorkingDay(LocalDate day) {
        return isWeekday(day) && !PublicHolidays.isHoliday(properties.country(), day) && !properties.closedOn(day);
    }

    private static boolean isDeliveryDay(LocalDate day, String country) {
        return isWeekday(day) && !PublicHolidays.isHoliday(country, day);
    }

    private static boolean isWeekday(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }
}
