package app.leadline.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.BenchmarkOrders;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 20,000 queued intents (order confirmations by SMS) dispatched through the real Twilio SDK against a local
 * stand-in for Twilio's API, with the sender paced at 200 messages per second. Measured in the run: the rate
 * sustained from the first message to the last against the configured limit (target ≥ 95%; the full collections of
 * the heap's own measures stop every thread for seconds, so the rate is also given without them), duplicates (target
 * none: every customer gets exactly one message), and the heap after collection at each quarter (target flat).
 * The store is the embedded in-memory store, so that the figure is the dispatcher's and the pacer's; {@code
 * -Dbench.store=H2} runs it on the H2 file store the running application uses by default, whose serialization of
 * whole documents then sets the pace (about 175 a second on two cores).
 */
@Tag("bench")
@SpringBootTest(
        properties = {
            "leadline.demo.enabled=false",
            "leadline.notifications.echo=false",
            "leadline.notifications.dispatch-interval=1h",
            "leadline.notifications.retry-interval=1h",
            "leadline.notifications.quiet-hours=00:00-00:00",
            "leadline.notifications.sms-per-second=" + NotificationPacingBenchmark.LIMIT,
            "leadline.twilio.account-sid=AC00000000000000000000000000000001",
            "leadline.twilio.auth-token=bench-token",
            "leadline.twilio.from=+4570000000"
        })
class NotificationPacingBenchmark {

    static final int LIMIT = 200;
    private static final int INTENTS = 20_000;
    /** Orders a dispatch streams through: all that are queued, in one pass over the store. */
    private static final int BATCH = INTENTS;

    private static final Map<String, Integer> RECEIVED = new ConcurrentHashMap<>();
    private static final long[] ARRIVALS = new long[INTENTS * 2];
    private static final AtomicInteger ARRIVED = new AtomicInteger();
    /**
     * How long the heap's measures stopped every thread (a full collection each): the benchmark's own pauses, in
     * which no sender can take its slot, and which a sender's pace cannot make up for.
     */
    private static final java.util.concurrent.atomic.AtomicLong MEASURING_NANOS =
            new java.util.concurrent.atomic.AtomicLong();

    private static final WireMockServer TWILIO = new WireMockServer(
            wireMockConfig().dynamicPort().disableRequestJournal().containerThreads(32));

    static {
        TWILIO.addMockServiceRequestListener((request, response) -> {
            int index = ARRIVED.getAndIncrement();
            if (index < ARRIVALS.length) {
                ARRIVALS[index] = System.nanoTime();
            }
            for (String pair : request.getBodyAsString().split("&")) {
                if (pair.startsWith("To=")) {
                    RECEIVED.merge(URLDecoder.decode(pair.substring(3), StandardCharsets.UTF_8), 1, Integer::sum);
                }
            }
        });
        TWILIO.stubFor(post(urlPathMatching("/2010-04-01/Accounts/.*/Messages.json"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM00000000000000000000000000000b01\", \"status\": \"queued\"}")));
        TWILIO.start();
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        Path folder = Files.createTempDirectory("leadline-pacing-bench");
        registry.add("leadline.store.backend", () -> System.getProperty("bench.store", "MEMORY"));
        registry.add("leadline.store.path", folder::toString);
        registry.add("leadline.twilio.api-base-url", () -> "http://localhost:" + TWILIO.port());
    }

    @AfterAll
    static void stop() {
        TWILIO.stop();
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    NotificationDispatcher dispatcher;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void twentyThousandIntentsAtTheSendersPace() throws Exception {
        long loading = System.nanoTime();
        BenchmarkOrders.insertWithConfirmations(mongo, INTENTS);
        // Written around the change feed: the dispatcher finds waiting orders through the order index, so it has to
        // hold them first (as it does for orders handed over through intake).
        BenchmarkOrders.awaitOrderIndex(context);
        System.out.printf("Queued %,d intents in %.1f s%n", INTENTS, (System.nanoTime() - loading) / 1e9);

        // The heap after a collection, every quarter of the messages, taken by a watcher beside the dispatcher.
        List<String> heap = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Double> heapMegabytes = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread watcher = new Thread(() -> {
            int quarter = 1;
            while (quarter <= 4 && !Thread.currentThread().isInterrupted()) {
                if (ARRIVED.get() >= quarter * INTENTS / 4) {
                    long collecting = System.nanoTime();
                    double used = usedHeapMegabytes();
                    MEASURING_NANOS.addAndGet(System.nanoTime() - collecting);
                    heapMegabytes.add(used);
                    heap.add(String.format("%,d sent: %.0f MB", ARRIVED.get(), used));
                    quarter++;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.start();
        double cpuBefore = cpuSeconds();
        long start = System.nanoTime();
        int sent = 0;
        int rounds = 0;
        while (sent < INTENTS && rounds++ < 100) {
            sent += dispatcher.dispatch(BATCH);
        }
        double whole = (System.nanoTime() - start) / 1e9;
        double cpu = cpuSeconds() - cpuBefore;
        watcher.join(10_000);

        int arrived = ARRIVED.get();
        long[] times = java.util.Arrays.copyOf(ARRIVALS, Math.min(arrived, ARRIVALS.length));
        java.util.Arrays.sort(times);
        double span = (times[times.length - 1] - times[0]) / 1e9;
        double rawRate = (times.length - 1) / span;
        double measuring = MEASURING_NANOS.get() / 1e9;
        double rate = (times.length - 1) / (span - measuring);
        long duplicates = RECEIVED.values().stream().filter(count -> count > 1).count();
        String result = String.join(
                System.lineSeparator(),
                String.format(
                        "Notification pacing, %,d intents, limit %d SMS/s per sender, through the Twilio SDK:",
                        INTENTS, LIMIT),
                String.format(
                        "sent %,d SMS to %,d customers in %.1f s (first to last: %.1f s)",
                        arrived, RECEIVED.size(), whole, span),
                String.format(
                        "sustained rate %.1f SMS/s = %.1f%% of the limit (target >= 95%%), without the %.1f s the heap's"
                                + " measures stopped everything; with them %.1f SMS/s = %.1f%%",
                        rate, 100 * rate / LIMIT, measuring, rawRate, 100 * rawRate / LIMIT),
                String.format("customers messaged more than once: %d (target 0)", duplicates),
                // Whether the machine's processors, rather than the pacer, set the rate: the process (application,
                // store and Twilio's stand-in together) against all the processors there are.
                String.format(
                        "processor time of the process while sending: %.1f s, %.1f ms an SMS, %.0f%% of %d processors",
                        cpu,
                        1000 * cpu / Math.max(1, arrived),
                        100 * cpu / (whole * Runtime.getRuntime().availableProcessors()),
                        Runtime.getRuntime().availableProcessors()),
                "heap after GC: " + String.join(", ", heap));
        System.out.println(result);
        Path results = Path.of("target", "bench-results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("notification-pacing.txt"), result + System.lineSeparator());

        assertThat(sent).isEqualTo(INTENTS);
        assertThat(arrived).isEqualTo(INTENTS);
        assertThat(RECEIVED).hasSize(INTENTS);
        assertThat(duplicates).isZero();
        assertThat(rate / LIMIT).as("share of the pacing limit sustained").isGreaterThanOrEqualTo(0.95);
        assertThat(rate / LIMIT).as("never faster than the limit").isLessThanOrEqualTo(1.02);
        assertThat(heapMegabytes).hasSize(4);
        assertThat(heapMegabytes.stream().mapToDouble(Double::doubleValue).max().orElseThrow() - heapMegabytes.get(0))
                .as("heap growth while sending (MB): flat, the work is streamed")
                .isLessThan(64);
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    private static double usedHeapMegabytes() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / 1024.0 / 1024.0;
    }
}
