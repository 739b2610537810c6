package app.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries for a list of ids answer what the store answers out of the box, in memory and in H2, though our collections
 * match them through a set of the ids ({@link IdsIn}): lists of string ids, lists mixing in other types (a double
 * finds a document whose id is the same integer), lists beside another condition, and writes that find their
 * documents by such a list.
 */
class IdListQueriesTests {

    private static final ObjectId OBJECT_ID = new ObjectId();

    @TempDir
    Path folder;

    private static final List<String> SOME = IntStream.rangeClosed(1, 400)
            .filter(i -> i % 3 != 0)
            .mapToObj(i -> "order-" + i)
            .toList();

    /** Each read as a list of the ids it found, in order of id. */
    private static final List<Function<MongoCollection<Document>, List<Object>>> READS = List.of(
            orders -> ids(orders, Filters.in("_id", SOME)),
            orders -> ids(orders, Filters.in("_id", List.of("order-7"))),
            orders -> ids(orders, Filters.in("_id", List.of())),
            orders -> ids(orders, Filters.in("_id", List.of("order-2", 7.0, "nobody"))),
            orders -> ids(orders, Filters.in("_id", List.of(OBJECT_ID, "order-5"))),
            orders -> ids(orders, Filters.and(Filters.in("_id", SOME), Filters.eq("even", true))),
            orders -> {
                orders.updateMany(Filters.in("_id", SOME), Updates.set("touched", true));
                return ids(orders, Filters.eq("touched", true));
            },
            orders -> {
                orders.deleteMany(Filters.in("_id", List.of("order-1", "order-4", 7)));
                return ids(orders, new Document());
            });

    @Test
    void answersAsTheStoreOutOfTheBox_inMemory() {
        assertThat(answers(WholeDocuments.memoryBackend())).isEqualTo(answers(new MemoryBackend()));
    }

    @Test
    void answersAsTheStoreOutOfTheBox_inH2() {
        List<List<Object>> expected = answers(new MemoryBackend());
        assertThat(answers(DurableH2Backend.open(folder.resolve("store.mv").toString())))
                .isEqualTo(expected);
        // A read that found nothing, or everything, would pass as easily; these are what a reader expects.
        assertThat(expected.get(0)).hasSize(200);
        assertThat(expected.get(1)).containsExactly("order-7");
        assertThat(expected.get(3)).containsExactlyInAnyOrder(7, "order-2");
        assertThat(expected.get(4)).containsExactlyInAnyOrder(OBJECT_ID, "order-5");
    }

    private static List<List<Object>> answers(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client =
                MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            MongoCollection<Document> orders = client.getDatabase("leadline").getCollection("orders");
            List<Document> stored = new ArrayList<>();
            for (int i = 1; i <= 300; i++) {
                stored.add(new Document("_id", "order-" + i).append("even", i % 2 == 0));
            }
            stored.add(new Document("_id", 7).append("even", false));
            stored.add(new Document("_id", OBJECT_ID).append("even", true));
            orders.insertMany(stored);
            List<List<Object>> answers = new ArrayList<>();
            for (Function<MongoCollection<Document>, List<Object>> read : READS) {
                answers.add(read.apply(orders));
            }
            return answers;
        } finally {
            server.shutdownNow();
        }
    }

    private static List<Object> ids(MongoCollection<Document> orders, Bson filter) {
        List<Object> ids = new ArrayList<>();
        orders.find(filter)
                .sort(new Document("_id", 1))
                .map(found -> found.get("_id"))
                .into(ids);
        return ids;
    }
}
