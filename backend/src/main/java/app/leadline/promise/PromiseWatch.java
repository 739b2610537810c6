package app.leadline.promise;

import app.leadline.delivery.EtaCalculator;
import app.leadline.delivery.EtaWindow;
import app.leadline.order.Order;
import app.leadline.order.OrderChanges;
import app.leadline.order.OrderLine;
import app.leadline.order.OrderOperations;
import app.leadline.order.OrderQueries;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.Supplier;
import app.leadline.supplier.SupplierCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The promise watch: a sweep, every {@code leadline.promise-watch.interval} and once after start, that finds open
 * lines time has overtaken (a purchase order past its expected arrival with their goods missing, a ready or in-stock
 * line past its dispatch day, a dropshipped line past its supplier's dispatch) and moves each one's window to where
 * {@link Reprojection} says it now goes, through {@link OrderOperations#runLate}: the timeline says it is running late,
 * and the customer is told under the rules of a delay.
 *
 * <p>Several instances may sweep at once without a lease: each order's change is a versioned single-document update
 * decided from the order as it stands, and a line already moved as far is left alone, so an instance that loses the
 * race redoes the decision on the stored order and finds nothing left to do. Every instance reaches the same
 * decision from the same store and day, so the worst two sweeps at once cost is reading the orders twice.
 */
@Service
public class PromiseWatch {

    private static final Logger log = LoggerFactory.getLogger(PromiseWatch.class);

    /** How long the first sweep waits for the order index before it reads the store instead. */
    private static final Duration INDEX_PATIENCE = Duration.ofMinutes(5);

    private final OrderQueries orders;
    private final OrderOperations operations;
    private final SupplierCatalog suppliers;
    private final SupplierLateness lateness;
    private final EtaCalculator etas;
    private final Clock clock;
    private final boolean enabled;
    private final int slackDays;

    PromiseWatch(
            OrderQueries orders,
            OrderOperations operations,
            SupplierCatalog suppliers,
            SupplierLateness lateness,
            EtaCalculator etas,
            Clock clock,
            @Value("${leadline.promise-watch.enabled:true}") boolean enabled,
            @Value("${leadline.promise-watch.slack-days:7}") int slackDays) {
        this.orders = orders;
        this.operations = operations;
        this.suppliers = suppliers;
        this.lateness = lateness;
        this.etas = etas;
        this.clock = clock;
        this.enabled = enabled;
        this.slackDays = Math.max(0, slackDays);
    }

    /** An open line time has overtaken, as agents see it in the running-late list. */
    public record RunningLateLine(
            String orderId,
            String orderNumber,
            String customer,
            String lineId,
            String name,
            Optional<String> supplier,
            Optional<String> purchaseOrder,
            long daysOverdue,
            LocalDate promisedDate,
            EtaWindow estimate,
            boolean moved,
            boolean movesNext,
            boolean movedSincePromised) {}

    /** What one sweep did: lines found overtaken, lines moved now, orders that could not be changed. */
    public record Swept(int overdue, int moved, int setAside) {}

    /**
     * The first sweep, off the start's path: the application is up and answering while it runs. It waits for the
     * embedded store's order index first (a couple of minutes at most, at 100,000 orders), instead of reading every
     * order with open lines beside the index's own reading.
     */
    @EventListener(ApplicationReadyEvent.class)
    void sweepAfterStart() {
        if (enabled) {
            Thread first = new Thread(this::sweepOnceIndexed, "promise-watch-start");
            first.setDaemon(true);
            first.start();
        }
    }

    private void sweepOnceIndexed() {
        try {
            orders.awaitIndexed(INDEX_PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        sweepLogged(" after start");
    }

    @Scheduled(
            fixedDelayString = "${leadline.promise-watch.interval:15m}",
            initialDelayString = "${leadline.promise-watch.interval:15m}")
    void scheduledSweep() {
        if (enabled) {
            sweepLogged("");
        }
    }

    /** A sweep, said in the log when it moved anything, and always after start (browser tests wait for that line). */
    private void sweepLogged(String when) {
        try {
            Swept swept = sweep();
            if (!when.isEmpty() || swept.moved() > 0 || swept.setAside() > 0) {
                log.info(
                        "Promise watch{}: {} lines running late, {} moved now, {} orders set aside",
                        when,
                        swept.overdue(),
                        swept.moved(),
                        swept.setAside());
            }
        } catch (RuntimeException e) {
            log.error("Promise watch{} failed; it sweeps again at the next interval", when, e);
        }
    }

    /** Finds the lines time has overtaken and moves those whose window no longer holds. */
    public Swept sweep() {
        Instant now = clock.instant();
        Reprojection rule = rule();
        List<String> toMove = new ArrayList<>();
        int[] overdue = {0};
        orders.forEachWithOpenLines(order -> {
            Map<String, Reprojection.Overdue> found = overdueLines(order, rule, now);
            overdue[0] += found.size();
            if (found.values().stream().anyMatch(Reprojection.Overdue::moves)) {
                toMove.add(order.id());
            }
        });
        if (toMove.isEmpty()) {
            return new Swept(overdue[0], 0, 0);
        }
        OrderChanges.Bulk<List<String>> bulk = operations.runLate(toMove, order -> plan(order, rule, now));
        int moved = bulk.results().values().stream().mapToInt(List::size).sum();
        return new Swept(overdue[0], moved, bulk.setAside().size());
    }

    /** The open lines time has overtaken, most overdue first, each with its estimate as the next sweep leaves it. */
    public List<RunningLateLine> runningLate() {
        Instant now = clock.instant();
        Reprojection rule = rule();
        List<RunningLateLine> found = new ArrayList<>();
        orders.forEachWithOpenLines(order -> overdueLines(order, rule, now).forEach((lineId, overdue) -> {
            OrderLine line = order.line(lineId);
            found.add(new RunningLateLine(
                    order.id(),
                    order.number(),
                    order.customer().name(),
                    line.id(),
                    line.name(),
                    line.supplierCode(),
                    overdue.purchaseOrder().or(line::purchaseOrderNumber),
                    overdue.daysOverdue(),
                    line.promisedDate(),
                    overdue.window().landingOn(order.receivingDays()),
                    line.isRunningLate(),
                    overdue.moves(),
                    !line.eta().latest().equals(line.promisedDate())));
        }));
        found.sort(Comparator.comparingLong(RunningLateLine::daysOverdue)
                .reversed()
                .thenComparing(RunningLateLine::orderNumber)
                .thenComparing(RunningLateLine::lineId));
        return found;
    }

    private static Map<String, Reprojection.Overdue> overdueLines(Order order, Reprojection rule, Instant now) {
        Map<String, Reprojection.Overdue> found = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            rule.of(line, order.destination().country(), now).ifPresent(overdue -> found.put(line.id(), overdue));
        }
        return found;
    }

    /** One order's part of a sweep, decided from the order as it stands. */
    private static OrderOperations.Overdue plan(Order order, Reprojection rule, Instant now) {
        Map<String, EtaWindow> windows = new LinkedHashMap<>();
        Map<String, Long> days = new LinkedHashMap<>();
        overdueLines(order, rule, now).forEach((lineId, overdue) -> {
            if (overdue.moves()) {
                windows.put(lineId, overdue.window());
                days.put(lineId, overdue.daysOverdue());
            }
        });
        return new OrderOperations.Overdue(windows, days);
    }

    /** The rule with what is known now: open purchase orders, suppliers and their learned lateness, read once. */
    private Reprojection rule() {
        Map<String, PurchaseOrder> purchaseOrders = suppliers.openPurchaseOrders().stream()
                .collect(Collectors.toMap(PurchaseOrder::number, Function.identity(), (a, b) -> a));
        Map<String, Supplier> byCode = suppliers.suppliers().stream()
                .collect(Collectors.toMap(Supplier::code, Function.identity(), (a, b) -> a));
        SupplierLateness.Learned learned = lateness.learned();
        return new Reprojection(
                etas,
                number -> Optional.ofNullable(purchaseOrders.get(number)),
                code -> Optional.ofNullable(byCode.get(code)),
                learned::givenLate,
                slackDays);
    }
}
