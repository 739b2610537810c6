package app.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read never sees a document half-changed. The embedded store changes a stored document field by field, in place,
 * and out of the box hands readers that same document, which the server then encodes after the collection is free
 * again: a read racing a write could take some fields from before it and some from after. Two changes of one order
 * (a customer's delivery choice and an agent's shipment) then both won, as the second read the first's new version
 * beside its old choice and wrote over it under a version guard that matched.
 */
class ConsistentReadsTests {

    private static final int WRITES = 200;

    @TempDir
    Path folder;

    @Test
    void aFindRacingAWriteSeesTheDocumentWholeBeforeOrAfterIt_inMemory() throws Exception {
        assertNoTornReads(
                WholeDocuments.memoryBackend(),
                collection -> collection.find(Filters.eq("_id", "order")).first());
    }

    @Test
    void aFindRacingAWriteSeesTheDocumentWholeBeforeOrAfterIt_inH2() throws Exception {
        assertNoTornReads(
                DurableH2Backend.open(folder.resolve("store.mv").toString()),
                collection -> collection.find(Filters.eq("_id", "order")).first());
    }

    @Test
    void aFindAndModifyAnswersTheDocumentWholeAsItsChangeLeftIt() throws Exception {
        assertNoTornReads(
                WholeDocuments.memoryBackend(),
                collection -> collection.findOneAndUpdate(
                        Filters.eq("_id", "order"),
                        Updates.inc("reads", 1),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    /**
     * One writer replaces the document again and again with {@code a} and {@code b} equal, a long field between them;
     * two readers read it meanwhile, each read must have {@code a} equal to {@code b}.
     */
    private static void assertNoTornReads(MongoBackend backend, Function<MongoCollection<Document>, Document> read)
            throws Exception {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        List<String> between = Collections.nCopies(500, "x".repeat(20));
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try (MongoClient client =
                MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            MongoCollection<Document> orders = client.getDatabase("leadline").getCollection("orders");
            orders.insertOne(version(0, between));
            AtomicBoolean writing = new AtomicBoolean(true);
            Future<?> writer = threads.submit(() -> {
                try {
                    for (int version = 1; version <= WRITES; version++) {
                        orders.replaceOne(Filters.eq("_id", "order"), version(version, between));
                    }
                } finally {
                    writing.set(false);
                }
            });
            List<Future<List<String>>> readers = new ArrayList<>();
            for (int reader = 0; reader < 2; reader++) {
                readers.add(threads.submit(() -> {
                    List<String> torn = new ArrayList<>();
                    while (writing.get()) {
                        Document seen = read.apply(orders);
                        if (!seen.get("a").equals(seen.get("b"))) {
                            torn.add("a=" + seen.get("a") + " b=" + seen.get("b"));
                        }
                    }
                    return torn;
                }));
            }
            writer.get();
            List<String> torn = new ArrayList<>();
            for (Future<List<String>> reader : readers) {
                torn.addAll(reader.get());
            }
            assertThat(torn)
                    .as("reads that saw part of a write (of %d)", torn.size())
                    .isEmpty();
        } finally {
            threads.shutdownNow();
            server.shutdownNow();
        }
    }

    private static Document version(int version, List<String> between) {
        return new Document("_id", "order")
                .append("a", version)
                .append("between", between)
                .append("b", version)
                .append("reads", 0);
    }
}
