package app.leadline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.delay.DelayReport;
import app.leadline.delay.DelayRequest;
import app.leadline.delay.DelayScope;
import app.leadline.delay.SupplierDelays;
import app.leadline.order.BenchmarkOrders;
import app.leadline.order.internal.StoredOrders;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.Supplier;
import app.leadline.supplier.SupplierCatalog;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The delay cascade over 50,000 orders, a delay reaching 20,000 lines in 10,000 of them: the whole cascade (ETAs
 * moved, events recorded, intents queued, progress kept) against a baseline of one raw {@code updateMany} that
 * sets only the ETA on the same lines, measured in the same run. Target: the cascade within 1.5× the baseline.
 */
@Tag("bench")
@SpringBootTest(
        properties = {
            "leadline.store.backend=MEMORY",
            "leadline.demo.enabled=false",
            // The cascade queues intents; sending them is measured apart (NotificationPacingBenchmark).
            "leadline.notifications.dispatch-interval=1h",
            // Background sweeps over all orders would stall whichever run they met (the embedded store serves one
            // command on a collection at a time); they are not part of either figure.
            "leadline.metrics.refresh-interval=1h",
            "leadline.payments.sweep-interval=1h"
        })
class DelayCascadeBenchmark {

    private static final int ORDERS = 50_000;
    private static final int AFFECTED_ORDERS = 10_000;
    /** Measured turns of each, after the warm-up turns. */
    private static final int ROUNDS = 3;
    /** Turns of each before those, reported and not counted. */
    private static final int WARM_UPS = Integer.getInteger("bench.warmups", 1);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    SupplierDelays delays;

    @Autowired
    StoredOrders stored;

    /** Orders a cascade reads at a time (leadline.delays.chunk-size). */
    private static final int CHUNK = 250;

    /**
     * The processor time the whole process spent in each baseline run and in each cascade, in seconds: beside the
     * times, which other work on a shared machine stretches, it shows how much work each of the two is.
     */
    private final List<Double> baselineCpu = new ArrayList<>();

    private final List<Double> cascadeCpu = new ArrayList<>();

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    /** One raw {@code updateMany} that moves the ETA of every affected line, in seconds. */
    private double baseline(LocalDate arrival, int run) {
        Document window =
                new Document("earliest", arrival.plusDays(8 + run)).append("latest", arrival.plusDays(10 + run));
        System.gc();
        double cpu = cpuSeconds();
        long start = System.nanoTime();
        long modified = mongo.getCollection("orders")
                .updateMany(
                        new Document("lines.purchaseOrder", "PO-BENCH"),
                        new Document("$set", new Document("lines.1.eta", window).append("lines.3.eta", window)))
                .getModifiedCount();
        double seconds = (System.nanoTime() - start) / 1e9;
        baselineCpu.add(cpuSeconds() - cpu);
        assertThat(modified).isEqualTo(AFFECTED_ORDERS);
        return seconds;
    }

    /**
     * Reads every affected order once as a cascade reads them (by id, a chunk at a time, without timelines and
     * outboxes), and nothing else, in seconds: the store's part of a cascade that no planning of ours can skip, since
     * each order's rules decide what moves. Beside the baseline's one update it gives the least a cascade that reads
     * each order before writing it can take on this store.
     */
    private double read(List<String> orderIds) {
        System.gc();
        long start = System.nanoTime();
        int read = 0;
        for (int from = 0; from < orderIds.size(); from += CHUNK) {
            read += stored.withoutTimelineOrOutbox(orderIds.subList(from, Math.min(orderIds.size(), from + CHUNK)))
                    .size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(read).isEqualTo(AFFECTED_ORDERS);
        return seconds;
    }

    /** How long one delay took: logging it (checks, figures, chunks), then its cascade, in seconds. */
    private record Timed(double logging, double cascade) {}

    /** Logs delay number {@code round} (a later date each time) and waits for its cascade to finish. */
    private Timed cascade(int round) throws InterruptedException {
        System.gc();
        long start = System.nanoTime();
        var logged = delays.log(
                new DelayRequest(
                        new DelayScope(DelayScope.Type.PURCHASE_ORDER, "PO-BENCH", null, null),
                        null,
                        10 + 5 * round,
                        "SUPPLIER_BEHIND",
                        null,
                        "bench"),
                "bench");
        assertThat(logged.errors()).isEmpty();
        String id = logged.report().orElseThrow().id();
        double logging = (System.nanoTime() - start) / 1e9;
        double cpu = cpuSeconds();
        DelayReport report = delays.report(id).orElseThrow();
        while (report.state() != DelayReport.State.DONE) {
            Thread.sleep(20);
            report = delays.report(id).orElseThrow();
        }
        // The cascade proper: from the confirmed delay to every line moved, event recorded and intent queued.
        double cascade = (System.nanoTime() - start) / 1e9 - logging;
        cascadeCpu.add(cpuSeconds() - cpu);
        assertThat(report.movedLines()).isEqualTo(2 * AFFECTED_ORDERS);
        return new Timed(logging, cascade);
    }

    /** Runs' times as printed, two decimals each. */
    private static List<String> inSeconds(List<Double> runs) {
        return runs.stream().map(run -> String.format("%.2f", run)).toList();
    }

    private static double median(List<Double> runs) {
        List<Double> sorted = runs.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    @Test
    void cascadeAgainstARawUpdateMany() throws Exception {
        suppliers.save(new Supplier("BENCH-SUPPLIER", "Bench supplier", null));
        LocalDate arrival = LocalDate.now().plusDays(20);
        long loading = System.nanoTime();
        List<PurchaseOrder.Allocation> allocations =
                BenchmarkOrders.insertForDelay(mongo, ORDERS, AFFECTED_ORDERS, "PO-BENCH");
        suppliers.save(new PurchaseOrder(
                "PO-BENCH",
                "BENCH-SUPPLIER",
                List.of("SOFA", "CHAIR"),
                arrival,
                PurchaseOrder.Status.OPEN,
                allocations,
                arrival,
                null));
        System.out.printf(
                "Loaded %,d orders (%,d allocated lines) in %.1f s%n",
                ORDERS, allocations.size(), (System.nanoTime() - loading) / 1e9);

        // Runs on this machine vary by a factor of two (the collector, a shared host), so baseline and cascade take
        // turns: baseline, cascade, baseline, cascade, baseline, cascade, baseline, and each figure is the median of
        // its runs. The first turns of each (one, or -Dbench.warmups) warm the code paths up (the JIT) and are
        // reported, not counted. The baseline sets the ETA alone, on the same lines, in one statement; each run sets a
        // different window, and each cascade is a new delay (a later date), so every run changes every line.
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "bench", null, List.of(new SimpleGrantedAuthority("ROLE_AGENT"))));
        List<Double> warmBaselines = new ArrayList<>();
        List<Double> warmCascades = new ArrayList<>();
        for (int round = 0; round < WARM_UPS; round++) {
            warmBaselines.add(baseline(arrival, round));
            warmCascades.add(cascade(round).cascade());
        }
        List<String> affected = allocations.stream()
                .map(PurchaseOrder.Allocation::orderId)
                .distinct()
                .toList();
        read(affected);
        List<Double> runs = new ArrayList<>();
        List<Double> cascades = new ArrayList<>();
        List<Double> loggings = new ArrayList<>();
        List<Double> reads = new ArrayList<>();
        for (int round = WARM_UPS; round < WARM_UPS + ROUNDS; round++) {
            runs.add(baseline(arrival, round));
            reads.add(read(affected));
            Timed timed = cascade(round);
            cascades.add(timed.cascade());
            loggings.add(timed.logging());
        }
        runs.add(baseline(arrival, WARM_UPS + ROUNDS));
        double baseline = median(runs);
        double cascade = median(cascades);
        double logging = median(loggings);
        double reading = median(reads);
        double baselineWork = median(baselineCpu.subList(WARM_UPS, baselineCpu.size()));
        double cascadeWork = median(cascadeCpu.subList(WARM_UPS, cascadeCpu.size()));

        String result = String.join(
                System.lineSeparator(),
                String.format(
                        "Delay cascade, %,d orders in store, %,d lines in %,d orders affected:",
                        ORDERS, 2 * AFFECTED_ORDERS, AFFECTED_ORDERS),
                String.format("baseline updateMany (ETA only): %.2f s (median of %s)", baseline, inSeconds(runs)),
                String.format(
                        "cascade (ETAs moved, events recorded, intents queued, progress kept): %.2f s (median of %s)",
                        cascade, inSeconds(cascades)),
                String.format("logging a delay before it (checks, preview figures, chunks): %.2f s", logging),
                String.format(
                        "reading the affected orders once as a cascade reads them (by id, %d at a time, without"
                                + " timelines and outboxes), nothing else: %.2f s (median of %s)",
                        CHUNK, reading, inSeconds(reads)),
                String.format(
                        "the least a cascade that reads each order before writing it takes on this store, the baseline's"
                                + " update plus that read: %.2f times the baseline",
                        (baseline + reading) / baseline),
                String.format(
                        "warm-up turns, not counted: baseline %s s, cascade %s s",
                        inSeconds(warmBaselines), inSeconds(warmCascades)),
                String.format(
                        "processor time of the process, medians without the warm-up turns: baseline %.2f s, cascade"
                                + " %.2f s (%.2f times)",
                        baselineWork, cascadeWork, cascadeWork / baselineWork),
                String.format("ratio cascade / baseline = %.2f (target <= 1.5)", cascade / baseline));
        System.out.println(result);
        Path results = Path.of("target", "bench-results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("delay-cascade.txt"), result + System.lineSeparator());
        assertThat(cascade / baseline)
                .as("cascade relative to a raw updateMany")
                .isLessThanOrEqualTo(1.5);
    }
}
