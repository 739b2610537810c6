package app.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import app.leadline.support.BesideTheOthers;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded H2 store keeps every write it acknowledged, with its index entries, across a kill -9. */
@BesideTheOthers // starts JVMs of its own and kills them; the test mostly waits for them
class DurableH2BackendTests {

    @TempDir
    Path folder;

    @RepeatedTest(3)
    void everyAcknowledgedWriteSurvivesAKillWithItsIndexEntries() throws Exception {
        String file = folder.resolve("store.mv").toString();
        Process writer = java(StoreWriter.class, file);
        Set<Integer> inserted = new HashSet<>();
        Set<Integer> updated = new HashSet<>();
        int killAfter = ThreadLocalRandom.current().nextInt(200, 1500);
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (inserted.size() + updated.size() < killAfter && (line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts.length == 2 && parts[0].equals("inserted")) {
                    inserted.add(Integer.parseInt(parts[1]));
                } else if (parts.length == 2 && parts[0].equals("updated")) {
                    updated.add(Integer.parseInt(parts[1]));
                }
            }
            writer.destroyForcibly(); // SIGKILL: no shutdown hook, no close of the store
            writer.waitFor();
        }
        assertThat(inserted).hasSizeGreaterThan(50);

        DurableH2Backend reopened = DurableH2Backend.open(file);
        DurableH2Backend.IndexCheck check = reopened.checkIndexes(StoreWriter.DATABASE);
        assertThat(check.rebuilt())
                .as("indexes that disagreed with the documents")
                .isEmpty();
        withCollection(reopened, things -> {
            for (int id : inserted) {
                int version = updated.contains(id) ? 1 : 0;
                // Found through the {_id, version} unique index, as a versioned order update finds its order.
                assertThat(things.find(Filters.and(Filters.eq("_id", id), Filters.gte("version", version)))
                                .first())
                        .as("document %d, acknowledged", id)
                        .isNotNull();
            }
            for (int id : updated) {
                assertThat(things.countDocuments(Filters.and(Filters.eq("_id", id), Filters.eq("version", 1))))
                        .as("update of %d, acknowledged", id)
                        .isEqualTo(1);
            }
            for (Document document : things.find()) {
                assertThat(things.countDocuments(Filters.and(
                                Filters.eq("_id", document.get("_id")),
                                Filters.eq("version", document.get("version")))))
                        .as("document %s found through its index", document.get("_id"))
                        .isEqualTo(1);
            }
        });
    }

    @Test
    void anIndexThatMissesDocumentsIsRebuiltAtOpen() {
        String file = folder.resolve("store.mv").toString();
        DurableH2Backend first = DurableH2Backend.open(file);
        withCollection(first, things -> {
            things.createIndex(
                    new Document("_id", 1).append("version", 1),
                    new IndexOptions().unique(true).name(StoreWriter.VERSIONED));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                documents.add(new Document("_id", i).append("version", 3));
            }
            things.insertMany(documents);
        });
        // What a crash in the middle of a write could leave with the background commit: entries gone from an index.
        MVStore raw = MVStore.open(file);
        MVMap<KeyValue, Object> index = raw.openMap(
                StoreWriter.DATABASE + "." + StoreWriter.COLLECTION + "._index_" + StoreWriter.VERSIONED,
                DurableH2Backend.uniqueIndexMap());
        List<KeyValue> keys = new ArrayList<>(index.keySet()).subList(0, 7);
        keys.forEach(index::remove);
        raw.close();

        DurableH2Backend reopened = DurableH2Backend.open(file);
        DurableH2Backend.IndexCheck check =
                reopened.checkIndexesOnce(StoreWriter.DATABASE).orElseThrow();

        assertThat(check.rebuilt()).containsExactly(StoreWriter.COLLECTION + "." + StoreWriter.VERSIONED);
        assertThat(check.documents()).isEqualTo(100);
        withCollection(reopened, things -> {
            for (int i = 0; i < 100; i++) {
                assertThat(things.countDocuments(Filters.and(Filters.eq("_id", i), Filters.eq("version", 3))))
                        .isEqualTo(1);
            }
        });
        // A store this backend has checked, and written since, is not read whole again at every start.
        assertThat(DurableH2Backend.open(file).checkIndexesOnce(StoreWriter.DATABASE))
                .isEmpty();
    }

    @Test
    void openingAStoreReadsNoDocumentForItsSecondaryIndexes() {
        String file = folder.resolve("store.mv").toString();
        withCollection(DurableH2Backend.open(file), things -> {
            things.createIndex(new Document("email", 1), new IndexOptions().name("by_email"));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                documents.add(new Document("_id", i)
                        .append("email", "c" + i + "@example.com")
                        .append("note", "x".repeat(500)));
            }
            things.insertMany(documents);
        });

        DurableH2Backend reopened = DurableH2Backend.open(file);
        long readOpening = reopened.getMvStore().getFileStore().getReadCount();
        withCollection(reopened, things -> {
            assertThat(things.countDocuments()).isEqualTo(3_000);
            long readScanning = reopened.getMvStore().getFileStore().getReadCount() - readOpening;
            // Had the open read the documents, they would be in the cache now and the scan would read next to nothing.
            assertThat(readOpening).as("pages read opening the store").isLessThan(readScanning);
            assertThat(things.listIndexes().map(index -> index.getString("name")))
                    .contains("by_email");
            assertThat(things.find(Filters.eq("email", "c2999@example.com")).first())
                    .extracting(document -> document.get("_id"))
                    .isEqualTo(2_999);
        });
    }

    @Test
    void aStoreWhoseUniqueIndexesWereSortedTheOldWayFindsEveryDocumentByThem() {
        String file = folder.resolve("store.mv").toString();
        // Written as the H2 backend comes, which sorts index keys by their Java serialization ("N-9" before "N-10").
        withCollection(new H2Backend(new MVStore.Builder().fileName(file).open()), things -> {
            things.createIndex(
                    new Document("number", 1), new IndexOptions().unique(true).name("by_number"));
            things.createIndex(
                    new Document("_id", 1).append("version", 1),
                    new IndexOptions().unique(true).name(StoreWriter.VERSIONED));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                documents.add(new Document("_id", i).append("number", "N-" + i).append("version", 2));
            }
            things.insertMany(documents);
        });

        for (int open = 1; open <= 2; open++) {
            String added = "N-added-" + open;
            withCollection(DurableH2Backend.open(file), things -> {
                for (int i = 0; i < 1_000; i++) {
                    assertThat(things.find(Filters.eq("number", "N-" + i)).first())
                            .as("document with number N-%d", i)
                            .extracting(document -> document.get("_id"))
                            .isEqualTo(i);
                    assertThat(things.countDocuments(Filters.and(Filters.eq("_id", i), Filters.eq("version", 2))))
                            .as("document %d by id and version", i)
                            .isEqualTo(1);
                }
                assertThatThrownBy(() -> things.insertOne(new Document("_id", 5_000).append("number", "N-123")))
                        .as("a second document with a number taken")
                        .isInstanceOf(MongoWriteException.class)
                        .hasMessageContaining("duplicate key");
                things.insertOne(new Document("_id", 2_000 + things.countDocuments()).append("number", added));
            });
        }
        withCollection(
                DurableH2Backend.open(file),
                things -> assertThat(things.countDocuments(Filters.in("number", "N-added-1", "N-added-2")))
                        .as("the documents added after the sort")
                        .isEqualTo(2));
    }

    /**
     * The kill lands somewhere between the file's opening and the sort's one commit (the test is skipped when the
     * process got past that commit first): either way the next open finds every document by its unique key.
     */
    @Test
    void aKillWhileTheOpenSortsTheOldOrderLeavesAStoreThatOpens() throws Exception {
        String file = folder.resolve("store.mv").toString();
        int count = 5_000;
        withCollection(new H2Backend(new MVStore.Builder().fileName(file).open()), things -> {
            things.createIndex(
                    new Document("number", 1), new IndexOptions().unique(true).name("by_number"));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                documents.add(new Document("_id", i).append("number", "N-" + i));
            }
            things.insertMany(documents);
        });
        Process opener = java(StoreOpener.class, file);
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(opener.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("opening");
            opener.destroyForcibly(); // SIGKILL, as soon as the open has begun
            opener.waitFor();
        }
        MVStore killed = MVStore.open(file);
        boolean sortedBeforeTheKill = killed.openMap("leadline.store").containsKey("uniqueKeysInValueOrder");
        killed.close();
        assumeFalse(sortedBeforeTheKill, "the kill came after the sort was committed");

        withCollection(DurableH2Backend.open(file), things -> {
            for (int i = 0; i < count; i++) {
                assertThat(things.find(Filters.eq("number", "N-" + i)).first())
                        .as("document with number N-%d", i)
                        .isNotNull();
            }
            assertThat(things.countDocuments()).isEqualTo(count);
        });
    }

    /** Starts {@code main} in a JVM of its own on the store file, its standard output to be read. */
    private static Process java(Class<?> main, String file) throws IOException {
        return new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        main.getName(),
                        file)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Serves the store to the real driver until {@code use} returns, then closes it as a shutdown would. */
    private static void withCollection(MongoBackend backend, Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            use.accept(client.getDatabase(StoreWriter.DATABASE).getCollection(StoreWriter.COLLECTION));
        } finally {
            server.shutdownNow();
        }
    }
}
