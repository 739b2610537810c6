package app.leadline.platform;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's H2 file, made safe against a crash. Out of the box the H2 store commits in the background
 * once a second, at whatever point the writes in flight have reached: a {@code kill -9} lost writes that had been
 * answered, and could keep a document without the index entries that go with it (or the other way round). Here
 * every command that writes runs alone, is committed whole and forced to disk before it is answered; concurrent
 * writers share one force (group commit), so a burst of small writes costs about one disk flush, not one each.
 * Reads run beside the writes as before.
 */
final class DurableH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

    /** Commands that never change data; everything else is taken for a write. */
    private static final Set<String> READS = Set.of(
            "find",
            "getmore",
            "count",
            "distinct",
            "listcollections",
            "listindexes",
            "listdatabases",
            "killcursors",
            "endsessions",
            "hello",
            "ismaster",
            "ping",
            "buildinfo",
            "serverstatus",
            "dbstats",
            "collstats",
            "whatsmyuri",
            "getlasterror",
            "getparameter",
            "connectionstatus",
            "hostinfo",
            "getcmdlineopts",
            "explain");

    private final MVStore store;
    private final ReentrantLock writing = new ReentrantLock();
    private final Object forcing = new Object();
    /** The newest version committed to the file (not necessarily forced to disk yet). */
    private volatile long committed;
    /** The newest version known to be on disk; guarded by {@link #forcing}. */
    private long forced;

    private DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
        this.committed = store.getCurrentVersion();
        this.forced = committed;
    }

    static DurableH2Backend open(String fileName) {
        MVStore store =
                new MVStore.Builder().fileName(fileName).autoCommitDisabled().open();
        sortUniqueIndexesOnce(store);
        return new DurableH2Backend(store);
    }

    /**
     * Sorts the unique indexes of a store written before {@link UniqueKeyType} in its order, once: each index map is
     * copied into one of that key type, which then takes the old one's name. All of it is one commit, so a crash
     * leaves the store as it was and the next open sorts it again. Runs before any database is opened.
     */
    private static void sortUniqueIndexesOnce(MVStore store) {
        MVMap<String, String> marks = store.openMap(MARKS);
        if (marks.containsKey(KEYS_IN_VALUE_ORDER)) {
            return;
        }
        long started = System.nanoTime();
        List<String> indexes = store.getMapNames().stream()
                .filter(name -> !name.startsWith("databases.") && !name.startsWith("meta."))
                .filter(name -> name.contains("._index_"))
                .toList();
        long entries = 0;
        for (String name : indexes) {
            MVMap<Object, Object> old = store.openMap(name);
            MVMap<KeyValue, Object> sorted = store.openMap(name + ".sorted", uniqueIndexMap());
            sorted.clear();
            for (var entry : old.entrySet()) {
                sorted.put((KeyValue) entry.getKey(), entry.getValue());
                entries++;
            }
            store.removeMap(old);
            store.renameMap(sorted, name);
        }
        marks.put(KEYS_IN_VALUE_ORDER, java.time.Instant.now().toString());
        store.commit();
        store.sync();
        if (!indexes.isEmpty()) {
            log.info(
                    "Embedded store: sorted {} unique indexes ({} entries) by their values, once ({} ms)",
                    indexes.size(),
                    entries,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    static MVMap.Builder<KeyValue, Object> uniqueIndexMap() {
        return new MVMap.Builder<KeyValue, Object>().keyType(UniqueKeyType.INSTANCE);
    }

    /** Each database as H2 keeps it, but for the secondary indexes (below). Runs within the constructor, at open. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new DeclaredIndexesDatabase(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * The embedded store implements unique indexes only; another index is kept as declared (listed as MongoDB would
     * list it) and answers nothing. Out of the box such an index counts as empty at open and when declared, and the
     * collection is then read whole twice to fill it with nothing: each of the orders' six secondary indexes, at
     * every start, which made opening 100,000 orders take about three minutes.
     */
    private final class DeclaredIndexesDatabase extends H2Database {

        DeclaredIndexesDatabase(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
        }

        /** Opens the index's map with {@link UniqueKeyType} first; H2 then hands the database that map. */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collection, String indexName, List<IndexKey> keys, boolean sparse) {
            // Called from H2Database's constructor: the store is the backend's, whose field is set by then.
            getMvStore().openMap(getFullCollectionNamespace(collection) + "._index_" + indexName, uniqueIndexMap());
            return super.openOrCreateUniqueIndex(collection, indexName, keys, sparse);
        }

        /**
         * Opens a collection as H2 does, on the maps H2 names "databases.<namespace>" and "meta.<namespace>" (an
         * existing store opens with its data: DurableH2BackendTests), answering reads with whole documents ({@link
         * WholeDocuments}).
         */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collection);
            return new WholeDocuments.InH2(
                    this,
                    collection,
                    options,
                    getMvStore().openMap("databases." + namespace),
                    getMvStore().openMap("meta." + namespace),
                    cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(
                String collection, String indexName, List<IndexKey> keys, boolean sparse) {
            return new DeclaredIndex(indexName, keys);
        }
    }

    /** A secondary index as declared: holds nothing, so there is nothing to fill. */
    private static final class DeclaredIndex extends EmptyIndex<Object> {

        DeclaredIndex(String name, List<IndexKey> keys) {
            super(name, keys);
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (readsOnly(command, query)) {
            return super.handleCommand(channel, database, command, query);
        }
        return alone(() -> super.handleCommand(channel, database, command, query));
    }

    /** Runs a write alone, commits it whole and forces it to disk before returning what it returned. */
    private <T> T alone(java.util.function.Supplier<T> write) {
        long version = -1;
        try {
            writing.lock();
            try {
                return write.get();
            } finally {
                version = commitWrites();
                writing.unlock();
            }
        } finally {
            force(version);
        }
    }

    private static boolean readsOnly(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            // An aggregation writes only through a $out or $merge stage.
            Object pipeline = query.get("pipeline");
            return !(pipeline instanceof List<?> stages)
                    || stages.stream()
                            .noneMatch(stage ->
                                    stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge")));
        }
        return READS.contains(name);
    }

    /** Commits what the write changed, so that the file holds whole commands only. Called holding the lock. */
    private long commitWrites() {
        if (store.hasUnsavedChanges()) {
            committed = store.commit();
        }
        return committed;
    }

    /** Makes sure everything up to {@code version} is on disk; one flush serves every writer waiting for it. */
    private void force(long version) {
        synchronized (forcing) {
            if (forced >= version) {
                return;
            }
            long upTo = committed;
            store.sync();
            forced = upTo;
        }
    }

    /**
     * Runs {@link #checkIndexes} the first time this class opens a store, and remembers in the store that it did: a
     * store written by this class cannot disagree with its indexes, so only one written before needs the check,
     * which reads every document (about three times a full read of the collection).
     *
     * @return what the check found, or nothing when the store was checked before
     */
    java.util.Optional<IndexCheck> checkIndexesOnce(String database) {
        MVMap<String, String> marks = store.openMap(MARKS);
        if (marks.containsKey(INDEXES_CHECKED)) {
            return java.util.Optional.empty();
        }
        IndexCheck check = checkIndexes(database);
        alone(() -> marks.put(INDEXES_CHECKED, java.time.Instant.now().toString()));
        return java.util.Optional.of(check);
    }

    /** Where the store keeps what this class has done to it; not a collection, so clients never see it. */
    private static final String MARKS = "leadline.store";

    private static final String INDEXES_CHECKED = "uniqueIndexesChecked";

    /** Set once the unique indexes are sorted by {@link UniqueKeyType}; a new store is so from the start. */
    private static final String KEYS_IN_VALUE_ORDER = "uniqueKeysInValueOrder";

    /**
     * Checks every unique index of every collection in {@code database} against the documents, and rebuilds an index
     * that disagrees with them (a document it does not find, or entries for documents that are gone). A store
     * written by this class cannot disagree; one written before it, with the background commit, can.
     */
    IndexCheck checkIndexes(String database) {
        long started = System.nanoTime();
        String prefix = "databases." + database + ".";
        List<String> collections = store.getMapNames().stream()
                .filter(name -> name.startsWith(prefix))
                .map(name -> name.substring(prefix.length()))
                .filter(name -> !name.startsWith("system."))
                .toList();
        MongoDatabase db = resolveDatabase(database);
        long documents = 0;
        List<String> rebuilt = new ArrayList<>();
        for (String name : collections) {
            MongoCollection<?> collection = db.resolveCollection(name, false);
            if (collection == null) {
                continue;
            }
            List<Index<Object>> indexes = uniqueIndexes(collection);
            long[] expected = new long[indexes.size()];
            boolean[] broken = new boolean[indexes.size()];
            for (Document document : collection.queryAll()) {
                documents++;
                Object position = Missing.ofNullable(document.get("_id"));
                for (int i = 0; i < indexes.size(); i++) {
                    Index<Object> index = indexes.get(i);
                    if (broken[i]) {
                        continue;
                    }
                    Set<?> keys =
                            isSparse(index) && !hasAnyKey(index, document) ? Set.of() : index.getKeyValues(document);
                    expected[i] += keys.size();
                    if (!keys.isEmpty() && !Objects.equals(index.getPosition(document), position)) {
                        broken[i] = true;
                    }
                }
            }
            for (int i = 0; i < indexes.size(); i++) {
                Index<Object> index = indexes.get(i);
                if (!broken[i] && index.getCount() == expected[i]) {
                    continue;
                }
                if ("_id_".equals(index.getName())) {
                    // The id index cannot be dropped; a store in this state needs a restore from a backup.
                    log.error("Embedded store: the id index of {} disagrees with its documents", name);
                    continue;
                }
                rebuild(database, name, index);
                rebuilt.add(name + "." + index.getName());
            }
        }
        IndexCheck check =
                new IndexCheck(collections.size(), documents, rebuilt, (System.nanoTime() - started) / 1_000_000);
        if (rebuilt.isEmpty()) {
            log.info(
                    "Embedded store: unique indexes agree with {} documents in {} collections ({} ms)",
                    documents,
                    collections.size(),
                    check.millis());
        } else {
            log.warn("Embedded store: rebuilt unique indexes that disagreed with the documents: {}", rebuilt);
        }
        return check;
    }

    /** What {@link #checkIndexes} found: the indexes it rebuilt, as {@code collection.index}. */
    record IndexCheck(int collections, long documents, List<String> rebuilt, long millis) {}

    @SuppressWarnings("unchecked")
    private static List<Index<Object>> uniqueIndexes(MongoCollection<?> collection) {
        if (!(collection instanceof de.bwaldvogel.mongo.backend.AbstractMongoCollection<?> known)) {
            return List.of();
        }
        List<Index<Object>> unique = new ArrayList<>();
        for (Index<?> index : known.getIndexes()) {
            if (index.isUnique()) {
                unique.add((Index<Object>) index);
            }
        }
        return unique;
    }

    private static boolean isSparse(Index<?> index) {
        return Boolean.TRUE.equals(index.toIndexDescription().get("sparse"));
    }

    private static boolean hasAnyKey(Index<?> index, Document document) {
        return index.getKeys().stream().anyMatch(key -> hasPath(document, key.getKey()));
    }

    private static boolean hasPath(Document document, String path) {
        Object value = document;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Document d) || !d.containsKey(part)) {
                return false;
            }
            value = d.get(part);
        }
        return true;
    }

    /** Drops the index and creates it again from the documents, as a client would, and commits that. */
    private void rebuild(String database, String collection, Index<Object> index) {
        Document description = index.toIndexDescription();
        description.remove("ns");
        description.remove("v");
        // No client is connected yet: the commands come from a channel of the store's own.
        Channel channel = new EmbeddedChannel();
        handleCommand(
                channel,
                database,
                "dropIndexes",
                new Document("dropIndexes", collection).append("index", index.getName()));
        handleCommand(
                channel,
                database,
                "createIndexes",
                new Document("createIndexes", collection).append("indexes", List.of(description)));
    }
}
