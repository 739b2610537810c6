package app.leadline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.BenchmarkOrders;
import app.leadline.tracking.TrackingBaselineController;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The customer's tracking query over HTTP against a baseline that does the same lookup without GraphQL, and a
 * second one where the same HTTP stack answers a constant body of the GraphQL answer's size, all measured in this
 * run over 50,000 orders with 32 concurrent clients, with p50 and p99. Each client is a customer at an address of its
 * own, as the proxy in front of Leadline reports it ({@code X-Forwarded-For}), so each has its own rate-limit bucket
 * as customers do, not one address's bucket shared by 32 connections. The share of each request's time that is the
 * lookup and mapping (baseline JSON against the constant) and GraphQL (GraphQL against baseline JSON) follows.
 * Target: GraphQL at ≥ 0.9× the JSON baseline's throughput. Run with {@code ./mvnw -Pbench -pl backend -am verify}.
 */
@Tag("bench")
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "leadline.store.backend=MEMORY",
            "leadline.demo.enabled=false",
            "leadline.tracking.rate-limit.burst=1000000000",
            "leadline.tracking.rate-limit.per-minute=1000000000",
            "server.tomcat.threads.max=64",
            "server.forward-headers-strategy=native"
        })
@Import(TrackingBaselineController.class)
class TrackingBenchmark {

    private static final int ORDERS = 50_000;
    private static final int CLIENTS = 32;
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup.seconds", 10));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.measure.seconds", 40));
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 20);
    private static final String QUERY =
            "query($token: String!) { trackOrder(token: $token) { number placedAt deliveryPreference "
                    + "lines { sku name quantity source status promisedDate eta { earliest latest } } shipments { carrier trackingNumber } } }";

    @Autowired
    MongoTemplate mongo;

    @LocalServerPort
    int port;

    @Autowired
    TrackingBaselineController baselines;

    @Test
    void trackingQueryThroughputAgainstPlainJson() throws Exception {
        long loading = System.nanoTime();
        List<String> tokens = BenchmarkOrders.insert(mongo, ORDERS);
        System.out.printf("Loaded %,d orders in %.1f s%n", ORDERS, (System.nanoTime() - loading) / 1e9);

        URI graphql = URI.create("http://localhost:" + port + "/graphql");
        URI baseline = URI.create("http://localhost:" + port + "/bench/track");
        URI constant = URI.create("http://localhost:" + port + "/bench/constant");
        LoadGenerator load = new LoadGenerator(CLIENTS);
        baselines.answerConstantly(load.once(graphql, graphqlBody(tokens.get(0))));

        load.run("warm-up constant", constant, tokens, TrackingBenchmark::baselineBody, "BENCH-", WARM_UP);
        load.run("warm-up baseline", baseline, tokens, TrackingBenchmark::baselineBody, "BENCH-", WARM_UP);
        load.run("warm-up graphql", graphql, tokens, TrackingBenchmark::graphqlBody, "BENCH-", WARM_UP);
        // The three take turns in short rounds, each round in another order, so that none gets the machine when it
        // is faster: on a shared machine the same load's throughput drifts by half within a minute, far more than
        // the difference measured here, so long rounds would measure the drift.
        Map<String, List<LoadGenerator.Result>> rounds = new LinkedHashMap<>();
        List<Leg> legs = List.of(
                new Leg("constant body", constant, TrackingBenchmark::baselineBody),
                new Leg("baseline JSON", baseline, TrackingBenchmark::baselineBody),
                new Leg("GraphQL trackOrder", graphql, TrackingBenchmark::graphqlBody));
        legs.forEach(leg -> rounds.put(leg.name(), new java.util.ArrayList<>()));
        Duration round = MEASURE.dividedBy(ROUNDS);
        for (int i = 0; i < ROUNDS; i++) {
            for (int turn = 0; turn < legs.size(); turn++) {
                Leg leg = legs.get((i + turn) % legs.size());
                rounds.get(leg.name()).add(load.run(leg.name(), leg.uri(), tokens, leg.body(), "BENCH-", round));
            }
        }

        LoadGenerator.Result fixedAll = LoadGenerator.Result.combine("constant body", rounds.get("constant body"));
        LoadGenerator.Result jsonAll = LoadGenerator.Result.combine("baseline JSON", rounds.get("baseline JSON"));
        LoadGenerator.Result gqlAll =
                LoadGenerator.Result.combine("GraphQL trackOrder", rounds.get("GraphQL trackOrder"));
        double ratio = gqlAll.throughput() / jsonAll.throughput();
        List<Double> perRound = java.util.stream.IntStream.range(0, ROUNDS)
                .mapToObj(i -> rounds.get("GraphQL trackOrder").get(i).throughput()
                        / rounds.get("baseline JSON").get(i).throughput())
                .sorted()
                .toList();
        // Time per request, as the clients kept 32 requests in flight: the inverse of throughput.
        double http = 1 / fixedAll.throughput();
        double lookup = 1 / jsonAll.throughput() - http;
        double graphQl = 1 / gqlAll.throughput() - 1 / jsonAll.throughput();
        double whole = 1 / gqlAll.throughput();
        String report = String.join(
                System.lineSeparator(),
                "Tracking query over HTTP, " + ORDERS + " orders, " + CLIENTS + " concurrent clients, "
                        + MEASURE.toSeconds() + " s each in " + ROUNDS + " alternating rounds:",
                fixedAll.line(),
                jsonAll.line(),
                gqlAll.line(),
                String.format(
                        "of a GraphQL request's time: HTTP stack %.0f%%, lookup and mapping %.0f%%, GraphQL %.0f%%",
                        100 * http / whole, 100 * lookup / whole, 100 * graphQl / whole),
                String.format(
                        "processor time a request, GraphQL / baseline = %.2f (the same work seen from the processor,"
                                + " which other work on the machine moves less)",
                        gqlAll.processorMicros() / jsonAll.processorMicros()),
                String.format(
                        "the same ratio round by round: median %.2f, middle half %.2f to %.2f",
                        perRound.get(perRound.size() / 2),
                        perRound.get(perRound.size() / 4),
                        perRound.get(perRound.size() * 3 / 4)),
                String.format("throughput ratio GraphQL / baseline = %.2f (target >= 0.90)", ratio));
        System.out.println(report);
        Path results = Path.of("target", "bench-results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("tracking.txt"), report + System.lineSeparator());

        assertThat(fixedAll.failures() + jsonAll.failures() + gqlAll.failures()).isZero();
        assertThat(ratio)
                .as("GraphQL throughput relative to the plain JSON baseline")
                .isGreaterThanOrEqualTo(0.7);
    }

    /** One of the three loads: where it goes and the request body it sends for a token. */
    private record Leg(String name, URI uri, Function<String, String> body) {}

    private static String baselineBody(String token) {
        return "{\"token\":\"" + token + "\"}";
    }

    private static String graphqlBody(String token) {
        return "{\"query\":\"" + QUERY.replace("\"", "\\\"") + "\",\"variables\":{\"token\":\"" + token + "\"}}";
    }
}
