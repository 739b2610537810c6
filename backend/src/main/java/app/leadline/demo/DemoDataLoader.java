package app.leadline.demo;

import app.leadline.delay.DelayReport;
import app.leadline.delay.DelayRequest;
import app.leadline.delay.DelayScope;
import app.leadline.delay.SupplierDelays;
import app.leadline.delivery.EtaCalculator;
import app.leadline.order.LineSource;
import app.leadline.order.OrderIntake;
import app.leadline.order.OrderLine;
import app.leadline.order.OrderQueries;
import app.leadline.order.TrackingLinks;
import app.leadline.supplier.Purchasing;
import app.leadline.supplier.SupplierCatalog;
import app.leadline.supplier.SupplierDefinitions;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * On a first start with an empty store, loads the demo and prints tracking links for a handful of orders. On
 * later starts it issues those few links anew (a link is only ever stored as a hash) and prints them again.
 * Links go to standard output on purpose, not to the log: tokens never enter a log.
 */
@Component
@ConditionalOnBooleanProperty(name = "leadline.demo.enabled", matchIfMissing = true)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final SupplierCatalog suppliers;
    private final SupplierDefinitions definitions;
    private final Purchasing purchasing;
    private final OrderIntake intake;
    private final OrderQueries orders;
    private final TrackingLinks links;
    private final SupplierDelays delays;
    private final DemoProperties properties;
    private final EtaCalculator etas;
    private final Clock clock;
    private final PrintStream out = System.out;

    DemoDataLoader(
            SupplierCatalog suppliers,
            SupplierDefinitions definitions,
            Purchasing purchasing,
            OrderIntake intake,
            OrderQueries orders,
            TrackingLinks links,
            SupplierDelays delays,
            DemoProperties properties,
            EtaCalculator etas,
            Clock clock) {
        this.suppliers = suppliers;
        this.definitions = definitions;
        this.purchasing = purchasing;
        this.intake = intake;
        this.orders = orders;
        this.links = links;
        this.delays = delays;
        this.properties = properties;
        this.etas = etas;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (orders.count() == 0 && suppliers.isEmpty()) {
            load();
        } else {
            log.info("Store holds {} orders; demo data is not loaded again", orders.count());
            printShowcaseLinks();
        }
    }

    private void load() {
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        as("demo-admin", List.of("ROLE_AGENT", "ROLE_ADMIN", "SCOPE_orders:write"), () -> {
            DemoData.suppliers()
                    .forEach(supplier ->
                            succeeded(definitions.define(supplier, "demo-admin").errors()));
            succeeded(purchasing.recordArrived(DemoData.history(today), "demo-admin"));
            DemoData.purchaseOrders(today)
                    .forEach(po -> succeeded(purchasing.place(po, "demo-admin").errors()));
        });
        long purchasingDone = System.nanoTime();
        Instant now = clock.instant();
        var batch = DemoData.orders(properties.orders(), now, leavingWith(now));
        // The showcase orders come first: their links are printed as soon as they are in, the rest follows.
        int showcase = Math.min(DemoData.SHOWCASE.size(), batch.size());
        as("demo-loader", List.of("SCOPE_orders:write"), () -> {
            var placed = intake.place(batch.subList(0, showcase));
            succeeded(placed.errors());
            List<String> delayed = delayShowcaseLines();
            // Their links come with them: issued only now, they need not be issued anew as on a later start.
            Map<String, String> showcaseLinks = placed.orders().stream()
                    .filter(outcome -> outcome.trackingUrl().isPresent())
                    .collect(Collectors.toMap(
                            outcome -> outcome.order().number(),
                            outcome -> outcome.trackingUrl().orElseThrow()));
            // The other orders go in while the delays are applied: a delay reaches the orders it found when it was
            // logged, so these are not among them either way. The links are printed once their orders show it.
            boolean printed = false;
            for (int from = showcase; from < batch.size(); from += 100) {
                if (!printed && delayed.stream().allMatch(this::applied)) {
                    printLinks(showcaseLinks);
                    printed = true;
                }
                succeeded(intake.place(batch.subList(from, Math.min(batch.size(), from + 100)))
                        .errors());
            }
            if (!printed) {
                delayed.forEach(this::awaitCascade);
                printLinks(showcaseLinks);
            }
        });
        log.info(
                "Loaded demo data in {} ms: {} suppliers and {} purchase orders received before in {} ms, {} orders",
                (System.nanoTime() - started) / 1_000_000,
                DemoData.suppliers().size(),
                DemoData.history(today).size(),
                (purchasingDone - started) / 1_000_000,
                batch.size());
    }

    /** The earliest moment (to the minute, up to six days back) an order left the warehouse on the same day as now. */
    private Instant leavingWith(Instant now) {
        LocalDate day = etas.nextDispatchDay(now);
        long same = 0;
        long before = Duration.ofDays(6).toMinutes() + 1;
        while (before - same > 1) {
            long minutes = (same + before) / 2;
            if (etas.nextDispatchDay(now.minus(Duration.ofMinutes(minutes))).equals(day)) {
                same = minutes;
            } else {
                before = minutes;
            }
        }
        return now.minus(Duration.ofMinutes(same));
    }

    private static void succeeded(List<?> errors) {
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Demo data is invalid: " + errors);
        }
    }

    /**
     * Two showcase orders have a line that a supplier delay pushed past its promise, so they can be cancelled. Each
     * delay is logged as an agent logs one, for the one product (a SKU of its supplier), before the other orders
     * come in: the console lists it with its reason and report, and the customers are told as for any delay.
     *
     * @return the delays logged, applied in the background
     */
    private List<String> delayShowcaseLines() {
        List<String> logged = new ArrayList<>();
        as("demo-agent", List.of("ROLE_AGENT"), () -> {
            for (String number : DemoData.DELAYED) {
                orders.byNumber(number).ifPresent(order -> {
                    OrderLine line = order.lines().stream()
                            .filter(candidate -> candidate.source() == LineSource.BACKORDER)
                            .findFirst()
                            .orElseThrow();
                    var delay = delays.log(
                            new DelayRequest(
                                    new DelayScope(
                                            DelayScope.Type.SKU,
                                            null,
                                            line.supplierCode().orElseThrow(),
                                            line.sku()),
                                    null,
                                    DemoData.DAYS_LATE,
                                    DemoData.DELAY_REASON,
                                    null,
                                    "Supplier confirmed by phone"),
                            "demo-agent");
                    succeeded(delay.errors());
                    logged.add(delay.report().orElseThrow().id());
                });
            }
        });
        return logged;
    }

    /** Whether a delay has reached every order it found, read as the agent who logged it reads it. */
    private boolean applied(String delayId) {
        return as(
                "demo-agent",
                List.of("ROLE_AGENT"),
                () -> delays.report(delayId)
                        .map(report -> report.state() == DelayReport.State.DONE)
                        .orElse(false));
    }

    /** The showcase links are printed once their orders show the delay: its cascade is one order, and quick. */
    private void awaitCascade(String delayId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!applied(delayId)) {
            if (System.nanoTime() > deadline) {
                log.warn("Demo delay {} is still being applied; its orders show it once it is done", delayId);
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** On a later start the links are issued anew: the store keeps only their tokens' hashes. */
    private void printShowcaseLinks() {
        printLinks(DemoData.SHOWCASE.stream()
                .filter(number -> orders.byNumber(number).isPresent())
                .collect(Collectors.toMap(
                        Function.identity(), number -> links.reissue(number).orElseThrow())));
    }

    private void printLinks(Map<String, String> linkByNumber) {
        if (linkByNumber.isEmpty()) {
            return;
        }
        out.println();
        out.println("Demo orders: open a tracking link to see what the customer sees.");
        for (String number : DemoData.SHOWCASE) {
            String link = linkByNumber.get(number);
            if (link == null) {
                continue;
            }
            out.println("Tracking link: " + link);
            orders.byNumber(number)
                    .ifPresent(order ->
                            out.println("  " + number + " (" + order.customer().locale() + ", "
                                    + order.destination().country() + "): " + describe(order.lines())
                                    + "; order arrives " + order.eta().earliest()
                                    + " to " + order.eta().latest()));
        }
        out.println();
    }

    private static String describe(List<OrderLine> lines) {
        return lines.stream()
                .map(line -> line.name() + " [" + line.source().name().toLowerCase() + ", "
                        + line.eta().earliest() + " to " + line.eta().latest() + "]")
                .collect(Collectors.joining(", "));
    }

    /** The demo is handed over as an admin, an agent and the shop would hand it over, through the same checks. */
    private static void as(String name, List<String> authorities, Runnable work) {
        as(name, authorities, () -> {
            work.run();
            return null;
        });
    }

    private static <T> T as(String name, List<String> authorities, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                name,
                null,
                authorities.stream().map(SimpleGrantedAuthority::new).toList()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
