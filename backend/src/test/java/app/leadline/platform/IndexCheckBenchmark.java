package app.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.BenchmarkOrders;
import de.bwaldvogel.mongo.MongoBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the check of the embedded store's unique indexes at start costs with 100,000 orders in the H2 file ({@code
 * -Dbench.orders} for another number): against
 * reading every order once through the driver, in the same run.
 */
@Tag("bench")
@SpringBootTest(properties = {"leadline.store.backend=H2", "leadline.demo.enabled=false"})
class IndexCheckBenchmark {

    private static final int ORDERS = Integer.getInteger("bench.orders", 100_000);

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("leadline.store.path", () -> data.toString());
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MongoBackend store;

    @Test
    void checkingTheUniqueIndexesCostsAboutAsMuchAsReadingEveryOrderOnce() throws Exception {
        BenchmarkOrders.insert(mongo, ORDERS);
        DurableH2Backend durable = (DurableH2Backend) store;

        long[] scan = new long[3];
        long[] check = new long[3];
        DurableH2Backend.IndexCheck last = null;
        for (int round = 0; round < 3; round++) {
            long started = System.nanoTime();
            long read = mongo.execute("orders", collection -> {
                long n = 0;
                for (Document ignored : collection.find()) {
                    n++;
                }
                return n;
            });
            scan[round] = (System.nanoTime() - started) / 1_000_000;
            assertThat(read).isEqualTo(ORDERS);
            started = System.nanoTime();
            last = durable.checkIndexes("leadline");
            check[round] = (System.nanoTime() - started) / 1_000_000;
            assertThat(last.rebuilt()).isEmpty();
        }
        java.util.Arrays.sort(scan);
        java.util.Arrays.sort(check);
        String report = String.format(
                "Unique index check of the embedded H2 store, %,d orders (%,d documents in %d collections):%n"
                        + "  check %d ms, reading every order through the driver %d ms (medians of 3): ratio %.2f%n",
                ORDERS, last.documents(), last.collections(), check[1], scan[1], (double) check[1] / scan[1]);
        System.out.print(report);
        Path results = Path.of("target", "bench-results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("index-check.txt"), report);
    }
}
