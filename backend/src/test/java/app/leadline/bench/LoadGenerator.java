package app.leadline.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** Closed-loop HTTP load: N clients each send a request, wait for the answer, and send the next, for a while. */
final class LoadGenerator {

    /**
     * @param processorNanos the processor time the whole process spent meanwhile (server and clients), which other
     *     work on the machine moves less than it moves the throughput
     */
    record Result(
            String name,
            long requests,
            long failures,
            double seconds,
            long processorNanos,
            long collectorMillis,
            long[] latenciesNanos) {

        static Result combine(String name, List<Result> results) {
            return new Result(
                    name,
                    results.stream().mapToLong(Result::requests).sum(),
                    results.stream().mapToLong(Result::failures).sum(),
                    results.stream().mapToDouble(Result::seconds).sum(),
                    results.stream().mapToLong(Result::processorNanos).sum(),
                    results.stream().mapToLong(Result::collectorMillis).sum(),
                    results.stream()
                            .flatMapToLong(result -> Arrays.stream(result.latenciesNanos()))
                            .toArray());
        }

        double throughput() {
            return requests / seconds;
        }

        /** Processor time per request, in microseconds. */
        double processorMicros() {
            return processorNanos / 1_000.0 / Math.max(1, requests);
        }

        double percentileMillis(double p) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1_000_000.0;
        }

        String line() {
            return String.format(
                    "%-22s %9.0f req/s   p50 %6.2f ms   p99 %6.2f ms   %5.0f µs of processor a request   (%d requests,"
                            + " %d failed, %.1f s in the collector's pauses)",
                    name,
                    throughput(),
                    percentileMillis(50),
                    percentileMillis(99),
                    processorMicros(),
                    requests,
                    failures,
                    collectorMillis / 1000.0);
        }
    }

    private final int clients;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    LoadGenerator(int clients) {
        this.clients = clients;
    }

    /**
     * The address client {@code client} connects from, as the proxy in front of Leadline reports it: each client is
     * a customer of its own (TEST-NET-2, RFC 5737), not one address with many connections.
     */
    private static String address(int client) {
        return "198.51.100." + (client + 1);
    }

    /** One request's answer. */
    String once(URI uri, String body) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(uri)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** Runs for {@code duration}; each request's body is made from a token drawn at random. */
    Result run(
            String name,
            URI uri,
            List<String> tokens,
            Function<String, String> body,
            String expected,
            Duration duration)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        long processorAtStart = processorNanos();
        long collectorAtStart = collectorMillis();
        List<Future<long[]>> futures = new ArrayList<>();
        long[] failures = new long[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int count = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline) {
                    String token = tokens.get(random.nextInt(tokens.size()));
                    HttpRequest request = HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json")
                            .header("X-Forwarded-For", address(client))
                            .POST(HttpRequest.BodyPublishers.ofString(body.apply(token)))
                            .build();
                    long sent = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - sent;
                    if (response.statusCode() != 200 || !response.body().contains(expected)) {
                        failures[client]++;
                    }
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = took;
                }
                return Arrays.copyOf(latencies, count);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> future : futures) {
            all.add(future.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long processor = processorNanos() - processorAtStart;
        pool.shutdown();
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(
                name,
                latencies.length,
                Arrays.stream(failures).sum(),
                seconds,
                processor,
                collectorMillis() - collectorAtStart,
                latencies);
    }

    /** The time the collectors have spent so far, in milliseconds. */
    private static long collectorMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    private static long processorNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
