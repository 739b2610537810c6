package app.leadline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.BenchmarkOrders;
import app.leadline.order.OrderChangeFeed;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Whether the customer's tracking query stays as fast as the embedded H2 store grows: its median latency over HTTP
 * with 10,000 orders in the store, then with 100,000, both measured in this run (8 clients, tokens drawn from every
 * order stored). Target: the median at 100,000 within 1.2× of the median at 10,000. The store is left in {@code
 * target/bench-stores/scale} with {@code tokens.txt} beside it, for {@code bin/memory.mjs} ({@code STORE=}) to run
 * the application on.
 */
@Tag("bench")
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "leadline.store.backend=H2",
            "leadline.store.path=target/bench-stores/scale",
            "leadline.demo.enabled=false",
            "leadline.promise-watch.enabled=false",
            "leadline.tracking.rate-limit.burst=1000000000",
            "leadline.tracking.rate-limit.per-minute=1000000000",
            "server.forward-headers-strategy=native"
        })
class ScaleBenchmark {

    private static final int SMALL = 10_000;
    private static final int LARGE = 100_000;
    private static final int CLIENTS = 8;
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup.seconds", 10));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.measure.seconds", 20));
    private static final String QUERY =
            "query($token: String!) { trackOrder(token: $token) { number lines { sku name status eta { earliest latest } } } }";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OrderChangeFeed feed;

    @LocalServerPort
    int port;

    @Test
    void trackingLatencyWithTenTimesTheOrders() throws Exception {
        assertThat(mongo.getCollection("orders").countDocuments())
                .as("an empty store in target/bench-stores/scale (mvn clean, or remove it)")
                .isZero();
        URI graphql = URI.create("http://localhost:" + port + "/graphql");
        LoadGenerator load = new LoadGenerator(CLIENTS);

        List<String> tokens = new ArrayList<>(BenchmarkOrders.insert(mongo, feed, 0, SMALL));
        load.run("warm-up", graphql, tokens, ScaleBenchmark::body, "BENCH-", WARM_UP);
        LoadGenerator.Result small =
                load.run("10,000 orders", graphql, tokens, ScaleBenchmark::body, "BENCH-", MEASURE);

        long loading = System.nanoTime();
        tokens.addAll(BenchmarkOrders.insert(mongo, feed, SMALL, LARGE - SMALL));
        double loadSeconds = (System.nanoTime() - loading) / 1e9;
        load.run("warm-up", graphql, tokens, ScaleBenchmark::body, "BENCH-", WARM_UP);
        LoadGenerator.Result large =
                load.run("100,000 orders", graphql, tokens, ScaleBenchmark::body, "BENCH-", MEASURE);

        double ratio = large.percentileMillis(50) / small.percentileMillis(50);
        String report = String.join(
                System.lineSeparator(),
                "Tracking query over HTTP in the embedded H2 store, " + CLIENTS + " clients, " + MEASURE.toSeconds()
                        + " s each (90,000 orders added in " + String.format("%.0f s", loadSeconds) + "):",
                small.line(),
                large.line(),
                String.format("p50 ratio 100,000 / 10,000 orders = %.2f (target <= 1.20)", ratio));
        System.out.println(report);
        Path results = Path.of("target", "bench-results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("scale.txt"), report + System.lineSeparator());
        Files.write(Path.of("target", "bench-stores", "scale", "tokens.txt"), tokens.subList(0, 1000));

        assertThat(small.failures() + large.failures()).isZero();
    }

    private static String body(String token) {
        return "{\"query\":\"" + QUERY.replace("\"", "\\\"") + "\",\"variables\":{\"token\":\"" + token + "\"}}";
    }
}
