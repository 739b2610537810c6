package app.leadline.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** The keys an order is stored with, and the terms that find them in the embedded store. */
class SearchKeysTests {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void start() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        mongo = new MongoTemplate(client, "search");
        BenchmarkOrders.insert(mongo, 3);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private List<String> found(String term) {
        return mongo.find(Query.query(SearchKeys.matching(term)), Order.class).stream()
                .map(Order::number)
                .toList();
    }

    @Test
    void anOrderIsStoredWithItsKeys() {
        org.bson.Document stored = mongo.findOne(
                Query.query(org.springframework.data.mongodb.core.query.Criteria.where("number")
                        .is("BENCH-1")),
                org.bson.Document.class,
                "orders");
        assertThat(stored.getList(SearchKeys.FIELD, String.class))
                .contains("=bench-1", "=1", "n:customer 1", "n:1", "e:c1@example.com", "p:4520000001", "p:20000001");
    }

    @Test
    void anOrderReadWithOnlyItsLinesStillReads() {
        Query onlyLines = new Query();
        onlyLines.fields().include("lines");
        assertThat(mongo.find(onlyLines, Order.class))
                .hasSize(3)
                .allSatisfy(order -> assertThat(order.lines()).isNotEmpty());
    }

    @Test
    void termsFindTheOrdersTheyName() {
        assertThat(found("BENCH-2")).containsExactly("BENCH-2");
        assertThat(found("2")).containsExactly("BENCH-2");
        assertThat(found("custom")).containsExactlyInAnyOrder("BENCH-0", "BENCH-1", "BENCH-2");
        assertThat(found("C1@EXAMPLE")).containsExactly("BENCH-1");
        assertThat(found("20 00 00 01")).containsExactly("BENCH-1");
        assertThat(found("+45 2000 0001")).containsExactly("BENCH-1");
        assertThat(found("sofa-oslo-3")).hasSize(3);
        assertThat(found("ustomer")).isEmpty();
    }

    @Test
    void namesAreFoundAsTypedOnAnyKeyboard() {
        assertThat(SearchKeys.normal("  Søren   ØSTERGÅRD ")).isEqualTo("soren ostergard");
        assertThat(SearchKeys.normal("Łukasz Wąsowski")).isEqualTo("lukasz wasowski");
        assertThat(SearchKeys.normal("Jürgen Groß")).isEqualTo("jurgen gross");
    }
}
