package app.leadline.platform;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;

/**
 * The embedded store's collections, answering each read with the documents as they stand between two writes.
 *
 * <p>Out of the box the store changes a stored document field by field, in place, and answers a read with that very
 * document, which the server encodes after the collection is free again: a read racing a write could take some
 * fields from before it and some from after. A change then read an order's new version beside its old state and
 * wrote over the other change under a version guard that matched. Here each document a find or a find-and-modify
 * answers is copied while the collection is still held. A copy of its top level is enough: a write never changes a
 * document's values in place, it puts new ones (deep copies) in their place.
 *
 * <p>The collection's own writes find the documents to change through the same query code and change what they
 * find, so they must get the stored documents, not copies: queries are copied only when answering a caller outside
 * the collection.
 *
 * <p>They also match queries for a list of ids through a set of them ({@link IdsIn}).
 */
public final class WholeDocuments {

    /** Whether the collection is inside one of its own writes; read and set only while holding the collection. */
    private boolean writing;

    private List<Document> answered(List<Document> matched) {
        if (writing) {
            return matched;
        }
        List<Document> copies = new ArrayList<>(matched.size());
        for (Document document : matched) {
            copies.add(document.clone());
        }
        return copies;
    }

    private <T> T writing(Supplier<T> write) {
        writing = true;
        try {
            return write.get();
        } finally {
            writing = false;
        }
    }

    private Document findAndModify(Supplier<Document> findAndModify) {
        Document result = writing(findAndModify);
        if (result.get("value") instanceof Document value) {
            result.put("value", value.clone());
        }
        return result;
    }

    /**
     * The in-memory store ({@code leadline.store.backend=MEMORY}, the tests) with collections of whole documents; also
     * for tests that serve one store to several instances of Leadline.
     */
    public static MemoryBackend memoryBackend() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return new MemoryDatabase(databaseName, getCursorRegistry()) {
                    @Override
                    protected MemoryCollection openOrCreateCollection(String name, CollectionOptions options) {
                        return new InMemory(this, name, options, cursorRegistry);
                    }
                };
            }
        };
    }

    private static final class InMemory extends MemoryCollection {

        private final WholeDocuments whole = new WholeDocuments();
        private final IdsIn ids = new IdsIn(super::documentMatchesQuery);

        InMemory(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected QueryResult createQueryResult(List<Document> matched, int batchSize) {
            return super.createQueryResult(whole.answered(matched), batchSize);
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            return ids.matches(document, query);
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            return whole.findAndModify(() -> super.findAndModify(query));
        }

        @Override
        public synchronized Document updateDocuments(
                Document selector, Document update, ArrayFilters filters, boolean multi, boolean upsert, Oplog oplog) {
            return whole.writing(() -> super.updateDocuments(selector, update, filters, multi, upsert, oplog));
        }

        @Override
        public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
            return whole.writing(() -> super.deleteDocuments(selector, limit, oplog));
        }
    }

    /** A collection of the H2 store, as H2 opens it, of whole documents. */
    static final class InH2 extends H2Collection {

        private final WholeDocuments whole = new WholeDocuments();
        private final IdsIn ids = new IdsIn(super::documentMatchesQuery);

        InH2(
                MongoDatabase database,
                String name,
                CollectionOptions options,
                MVMap<Object, Document> data,
                MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult createQueryResult(List<Document> matched, int batchSize) {
            return super.createQueryResult(whole.answered(matched), batchSize);
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            return ids.matches(document, query);
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            return whole.findAndModify(() -> super.findAndModify(query));
        }

        @Override
        public synchronized Document updateDocuments(
                Document selector, Document update, ArrayFilters filters, boolean multi, boolean upsert, Oplog oplog) {
            return whole.writing(() -> super.updateDocuments(selector, update, filters, multi, upsert, oplog));
        }

        @Override
        public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
            return whole.writing(() -> super.deleteDocuments(selector, limit, oplog));
        }
    }
}
