package app.leadline.promise;

import app.leadline.delivery.EtaCalculator;
import app.leadline.delivery.EtaWindow;
import app.leadline.delivery.SupplierSpread;
import app.leadline.order.LineSource;
import app.leadline.order.LineStatus;
import app.leadline.order.OrderLine;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.Supplier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The rule that says whether time has overtaken an open line's promise, and where its window goes then. What could
 * happen soonest is measured first: the goods arriving today, or leaving on the next dispatch day; a window ending
 * before that can no longer hold. A purchase order past its expected arrival with the line's goods missing is
 * re-projected from the supplier's learned lateness given that it is already so many days late; where history holds
 * nothing that late, and for lines waiting for the warehouse or a dropshipping supplier, the window starts from today
 * and is given {@code slackDays} working days more on its late end, so that it moves every few days rather than daily
 * while nobody acts.
 */
final class Reprojection {

    private final EtaCalculator etas;
    private final Function<String, Optional<PurchaseOrder>> purchaseOrders;
    private final Function<String, Optional<Supplier>> suppliers;
    private final BiFunction<String, Integer, Optional<SupplierSpread>> lateness;
    private final int slackDays;

    /**
     * @param lateness a supplier's learned window of days after the expected arrival, given the goods are so many
     *     days late already
     */
    Reprojection(
            EtaCalculator etas,
            Function<String, Optional<PurchaseOrder>> purchaseOrders,
            Function<String, Optional<Supplier>> suppliers,
            BiFunction<String, Integer, Optional<SupplierSpread>> lateness,
            int slackDays) {
        this.etas = etas;
        this.purchaseOrders = purchaseOrders;
        this.suppliers = suppliers;
        this.lateness = lateness;
        this.slackDays = slackDays;
    }

    /**
     * A line time has overtaken.
     *
     * @param daysOverdue calendar days since its goods were expected: its purchase order's expected arrival, or the
     *     last day they could have left the warehouse (or the dropshipping supplier) and still kept its first window
     * @param window where the line's window goes now, never ending before today
     * @param moves whether the line's window must move to it: its window ends before what could happen soonest
     *     (before the learned window, for an overdue purchase order)
     * @param purchaseOrder the purchase order whose goods are missing, if that is what is late
     */
    record Overdue(long daysOverdue, EtaWindow window, boolean moves, Optional<String> purchaseOrder) {}

    /**
     * Whether time has overtook the open line of an order to the country, seen at {@code now}: its window must move,
     * its purchase order is past its expected arrival, or the watch moved it before and no supplier has given a date
     * since. Empty for a line whose promise still holds, and for closed lines.
     */
    Optional<Overdue> of(OrderLine line, String country, Instant now) {
        if (!line.isOpen()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Optional<PurchaseOrder> po = line.status() == LineStatus.AWAITING_SUPPLIER
                ? line.purchaseOrderNumber().flatMap(purchaseOrders).filter(PurchaseOrder::isOpen)
                : Optional.empty();
        Estimate estimate;
        long daysOverdue;
        if (po.isPresent()) {
            LocalDate expected = po.get().expectedArrival();
            daysOverdue = Math.max(0, ChronoUnit.DAYS.between(expected, today));
            estimate = backordered(line, expected, (int) daysOverdue, country, now, today);
        } else {
            estimate = waiting(line, country, now, today);
            LocalDate due = etas.lastDispatchFor(line.windowBeforeDelays().latest(), country);
            daysOverdue = Math.max(0, ChronoUnit.DAYS.between(due, today));
        }
        boolean moves = line.eta().latest().isBefore(estimate.mustReach());
        boolean poLate = po.isPresent() && daysOverdue > 0;
        if (!moves && !poLate && !line.isRunningLate()) {
            return Optional.empty();
        }
        return Optional.of(new Overdue(
                daysOverdue,
                moves ? estimate.window() : line.eta(),
                moves,
                poLate ? Optional.of(po.get().number()) : Optional.empty()));
    }

    /** Where a window goes, and the day it must reach not to be overtaken. */
    private record Estimate(EtaWindow window, LocalDate mustReach) {}

    private Estimate backordered(
            OrderLine line, LocalDate expected, int daysLate, String country, Instant now, LocalDate today) {
        if (daysLate > 0) {
            Optional<SupplierSpread> learned = line.supplierCode().flatMap(code -> lateness.apply(code, daysLate));
            if (learned.isPresent()) {
                EtaWindow window = etas.forOverdue(now, today, expected, country, learned.get());
                return new Estimate(window, window.latest());
            }
        }
        return fromToday(today, day -> etas.forBackorder(now, day, country));
    }

    private Estimate waiting(OrderLine line, String country, Instant now, LocalDate today) {
        if (line.status() != LineStatus.AWAITING_SUPPLIER) {
            return fromToday(
                    today,
                    day -> day.equals(today) ? etas.forStock(now, country) : etas.forSupplierDispatch(day, country));
        }
        if (line.source() == LineSource.DROPSHIP) {
            return fromToday(today, day -> etas.forSupplierDispatch(day, country));
        }
        Optional<Supplier> supplier = line.supplierCode().flatMap(suppliers);
        return fromToday(
                today,
                day -> supplier.flatMap(known -> known.arrivalIfOrderedOn(day))
                        .map(arrival -> etas.forToBeOrdered(now, arrival.earliest(), arrival.latest(), country))
                        .orElseGet(() -> etas.forBackorder(now, day, country)));
    }

    /**
     * The window if what the line waits for happened today, its late end where it would be if that happened
     * {@code slackDays} later; it must move once even today's ends later than the line's window.
     */
    private Estimate fromToday(LocalDate today, Function<LocalDate, EtaWindow> happeningOn) {
        EtaWindow soonest = happeningOn.apply(today);
        EtaWindow slack = happeningOn.apply(today.plusDays(slackDays));
        return new Estimate(
                new EtaWindow(soonest.earliest(), later(slack.latest(), soonest.latest())), soonest.latest());
    }

    private static LocalDate later(LocalDate day, LocalDate notBefore) {
        return day.isBefore(notBefore) ? notBefore : day;
    }
}
