package app.leadline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.BenchmarkOrders;
import app.leadline.order.Order;
import app.leadline.order.OrderQueries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The agents' search over 100,000 orders on the embedded store, which has no secondary indexes and reads every
 * order for every search: each kind of term, timed against the exact-value search it replaced, measured in this
 * run. Target: no kind slower than 2× the old exact search. Run with {@code ./mvnw -Pbench -pl backend -am verify}.
 */
@Tag("bench")
@SpringBootTest(properties = {"leadline.store.backend=MEMORY", "leadline.demo.enabled=false"})
class OrderSearchBenchmark {

    private static final int ORDERS = 100_000;
    private static final int PAGE = 21;
    private static final int ROUNDS = Integer.getInteger("bench.search.rounds", 15);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OrderQueries orders;

    @Test
    void searchTimesAt100kOrdersAgainstTheExactSearch() throws Exception {
        long loading = System.nanoTime();
        BenchmarkOrders.insert(mongo, ORDERS);
        System.out.printf("Loaded %,d orders in %.1f s%n", ORDERS, (System.nanoTime() - loading) / 1e9);

        // What an agent types, by kind; BenchmarkOrders' order i is BENCH-i, "Customer i", ci@example.com and
        // +4520 followed by i in six digits.
        Map<String, String> terms = new LinkedHashMap<>();
        terms.put("order number with prefix", "bench-73512");
        terms.put("order number without prefix", "73512");
        terms.put("part of a name", "custom");
        terms.put("e-mail", "C73512@example.com");
        terms.put("national phone", "20 07 35 12");
        terms.put("nothing matches", "no-such-order");

        double baseline = medianMillis(() -> exactSearch("BENCH-73512"));
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "Agents' search, %,d orders, embedded store, median of %d: exact search (before) %.1f ms",
                ORDERS,
                ROUNDS,
                baseline));
        double slowest = 0;
        for (Map.Entry<String, String> term : terms.entrySet()) {
            List<Order> found = search(term.getValue());
            double millis = medianMillis(() -> search(term.getValue()));
            slowest = Math.max(slowest, millis / baseline);
            lines.add(String.format(
                    Locale.ROOT,
                    "%-28s %-22s %6.1f ms  %.2f x exact  (%d found on the first page)",
                    term.getKey(),
                    "'" + term.getValue() + "'",
                    millis,
                    millis / baseline,
                    found.size()));
        }
        String report = String.join(System.lineSeparator(), lines);
        System.out.println(report);
        Path results = Path.of("target", "bench-results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("search.txt"), report + System.lineSeparator());

        assertThat(search("73512")).extracting(Order::number).containsExactly("BENCH-73512");
        assertThat(search("20 07 35 12")).extracting(Order::number).containsExactly("BENCH-73512");
        assertThat(slowest).as("slowest search relative to the exact one").isLessThan(2.0);
    }

    private List<Order> search(String term) {
        return orders.search(Optional.of(term), Optional.empty(), PAGE, Optional.empty());
    }

    /** The search as it was: whole values only, each field as stored. */
    private List<Order> exactSearch(String t) {
        Criteria any = new Criteria()
                .orOperator(
                        Criteria.where("number").is(t),
                        Criteria.where("customer.email").is(t.toLowerCase(Locale.ROOT)),
                        Criteria.where("customer.email").is(t),
                        Criteria.where("customer.phone").is(t),
                        Criteria.where("lines.sku").is(t),
                        Criteria.where("lines.supplier").is(t),
                        Criteria.where("lines.purchaseOrder").is(t));
        return mongo.find(Query.query(any).with(Sort.by("_id")).limit(PAGE), Order.class);
    }

    private static double medianMillis(Supplier<?> search) {
        search.get();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            search.get();
            times.add((System.nanoTime() - start) / 1e6);
        }
        times.sort(Double::compare);
        return times.get(times.size() / 2);
    }
}
