package app.leadline.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The difference of two stored forms, sent to a store holding the first, leaves the second there. */
class StoredDifferenceTests {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private MongoClient client;
    private MongoCollection<Document> orders;

    @BeforeEach
    void start() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        orders = client.getDatabase("difference").getCollection("orders");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private static Document stored() {
        return new Document("_id", "o-1")
                .append("version", 3L)
                .append("state", "OPEN")
                .append("note", "gift wrap")
                .append(
                        "lines",
                        List.of(
                                new Document("id", "L1").append("eta", "2026-12-01"),
                                new Document("id", "L2").append("eta", "2026-12-03")))
                .append("intents", List.of(new Document("kind", "CONFIRMED")));
    }

    /** Writes the difference at the stored version and returns what the store holds afterwards. */
    private Document storedAfter(StoredDifference difference) {
        orders.insertOne(stored());
        long matched = orders.updateOne(
                        new Document("_id", "o-1").append("version", 3L),
                        difference.toUpdate(new Document("version", 4L)))
                .getMatchedCount();
        assertThat(matched).isEqualTo(1);
        return orders.find(new Document("_id", "o-1")).first();
    }

    @Test
    void changedEntriesAppendedEntriesAndRemovedFieldsAllArrive() {
        Document changed = stored();
        changed.remove("note");
        changed.put("state", "PARTLY_READY");
        changed.put(
                "lines",
                List.of(
                        new Document("id", "L1").append("eta", "2026-12-01"),
                        new Document("id", "L2").append("eta", "2026-12-10")));
        changed.put("intents", List.of(new Document("kind", "CONFIRMED"), new Document("kind", "ETA_MOVED")));

        Document after = storedAfter(StoredDifference.between(stored(), changed));

        assertThat(after).isEqualTo(new Document(changed).append("version", 4L));
    }

    @Test
    void onlyWhatChangedTravels() {
        Document changed = stored();
        changed.put(
                "lines",
                List.of(
                        new Document("id", "L1").append("eta", "2026-12-01"),
                        new Document("id", "L2").append("eta", "2026-12-10")));

        Document update = StoredDifference.between(stored(), changed).toUpdate(new Document("version", 4L));

        assertThat(update)
                .isEqualTo(new Document(
                        "$set",
                        new Document("lines.1", new Document("id", "L2").append("eta", "2026-12-10"))
                                .append("version", 4L)));
    }

    @Test
    void theSameFormLeavesNothingToWrite() {
        assertThat(StoredDifference.between(stored(), stored())
                        .append("timeline", List.of(), 4)
                        .isEmpty())
                .isTrue();
        assertThat(StoredDifference.between(stored(), stored().append("state", "CLOSED"))
                        .isEmpty())
                .isFalse();
        assertThat(StoredDifference.between(stored(), stored())
                        .append("timeline", List.of("e1"), 4)
                        .isEmpty())
                .isFalse();
    }

    @Test
    void appendedEventsKeepOnlyTheNewestUpToTheLimit() {
        orders.insertOne(stored().append("timeline", List.of("e1", "e2", "e3")));
        Document changed = stored();

        orders.updateOne(
                new Document("_id", "o-1"),
                StoredDifference.between(stored(), changed)
                        .append("timeline", List.of("e4", "e5"), 4)
                        .toUpdate(new Document("version", 4L)));

        assertThat(orders.find().first().getList("timeline", String.class)).containsExactly("e2", "e3", "e4", "e5");
    }

    @Test
    void noEventsLeaveTheTimelineAlone() {
        orders.insertOne(stored().append("timeline", new ArrayList<>(List.of("e1"))));

        orders.updateOne(
                new Document("_id", "o-1"),
                StoredDifference.between(stored(), stored())
                        .append("timeline", List.of(), 4)
                        .toUpdate(new Document("version", 4L)));

        assertThat(orders.find().first())
                .isEqualTo(stored().append("version", 4L).append("timeline", List.of("e1")));
    }
}
