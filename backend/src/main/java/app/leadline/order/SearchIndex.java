package app.leadline.order;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The agents' search keys of every order, held in this process for the embedded store. MongoDB answers a search from
 * its index on {@code searchKeys}; the embedded store keeps no secondary index and would read all of every order
 * for each search (seconds at 100,000 orders). Here each order's keys are one short string, in order of id, so a
 * search reads those strings (about 40 MB at 100,000 orders) and then fetches only the orders of the page by id,
 * which the store does find through its unique index.
 *
 * <p>Every write of an order in this process names the order in {@link OrderChangeFeed}; the index takes those
 * names and reads the orders' keys afresh before the next search, so an order is findable as soon as its change
 * is answered. Until the index is built (in the background after start) and whenever the number of orders it holds
 * disagrees with the store's (orders written around this process, which the design does not do), searches go to
 * the store's query and the index is built again.
 */
@Component
class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    /** Between one order's keys; a key never holds it. */
    private static final char SEPARATOR = '\u0001';

    /** How many orders a page's worth of candidates is fetched in, when a filter may turn some away. */
    private static final int FETCH = 100;

    private final MongoTemplate mongo;
    private final boolean enabled;

    /** Each order's keys as one string, {@code \u0001key\u0001key\u0001}, in order of the order's id. */
    private final ConcurrentSkipListMap<String, String> keys = new ConcurrentSkipListMap<>();

    /** Orders changed since their keys were read. */
    private final Set<String> changed = ConcurrentHashMap.newKeySet();

    private volatile boolean ready;
    private volatile boolean building;

    SearchIndex(
            MongoTemplate mongo,
            OrderChangeFeed feed,
            @Value("${spring.mongodb.uri:}") String storeUri,
            @Value("${leadline.search.index:true}") boolean wanted) {
        this.mongo = mongo;
        this.enabled = wanted && storeUri.isBlank();
        if (enabled) {
            feed.changes().subscribe(changed::add);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void buildAfterStart() {
        if (enabled) {
            buildInBackground();
        }
    }

    /**
     * The first {@code pageSize} orders after {@code after} whose keys match the term and that pass the filter, in
     * order of id; empty when the index cannot answer yet, and the caller asks the store.
     */
    Optional<List<Order>> search(String term, Predicate<Order> filter, int pageSize, Optional<String> after) {
        if (!enabled || !ready) {
            return Optional.empty();
        }
        refreshChanged();
        if (keys.size() != mongo.estimatedCount(Order.class)) {
            ready = false;
            buildInBackground();
            return Optional.empty();
        }
        SearchKeys.Lookup lookup = SearchKeys.lookup(term);
        Map<String, String> from =
                after.<Map<String, String>>map(id -> keys.tailMap(id, false)).orElse(keys);
        Iterator<Map.Entry<String, String>> candidates = from.entrySet().iterator();
        List<Order> found = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        int wanted = filter == null ? pageSize : FETCH;
        while (found.size() < pageSize && candidates.hasNext()) {
            Map.Entry<String, String> candidate = candidates.next();
            if (lookup.matches(candidate.getValue())) {
                batch.add(candidate.getKey());
            }
            if (batch.size() == wanted || (!candidates.hasNext() && !batch.isEmpty())) {
                fetch(batch).stream()
                        .filter(order -> filter == null || filter.test(order))
                        .limit(pageSize - found.size())
                        .forEach(found::add);
                batch.clear();
            }
        }
        return Optional.of(found);
    }

    /** Whether the index answers searches; for tests that must know which way a search went. */
    boolean ready() {
        return ready;
    }

    private List<Order> fetch(Collection<String> ids) {
        List<Order> orders =
                new ArrayList<>(mongo.find(Query.query(Criteria.where("_id").in(ids)), Order.class));
        orders.sort(Comparator.comparing(Order::id));
        return orders;
    }

    private synchronized void refreshChanged() {
        if (changed.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        for (Iterator<String> names = changed.iterator(); names.hasNext(); ) {
            ids.add(names.next());
            names.remove();
        }
        Set<String> gone = new HashSet<>(ids);
        for (Document order : keysOf(Query.query(Criteria.where("_id").in(ids)))) {
            keys.put(order.getString("_id"), packed(order));
            gone.remove(order.getString("_id"));
        }
        gone.forEach(keys::remove);
    }

    private synchronized void buildInBackground() {
        if (building) {
            return;
        }
        building = true;
        Thread builder = new Thread(this::build, "search-index");
        builder.setDaemon(true);
        builder.start();
    }

    private void build() {
        long started = System.nanoTime();
        try {
            keys.clear();
            // Orders changed while this reads are read again before the next search; putIfAbsent keeps a fresher
            // read of an order that changed since this one began.
            try (var all = mongo.stream(keysOnly(new Query()), Document.class, mongo.getCollectionName(Order.class))) {
                all.forEach(order -> {
                    keys.putIfAbsent(order.getString("_id"), packed(order));
                    if (order.get(SearchKeys.FIELD) == null) {
                        // Not keyed yet: the start's backfill keys it and names it; read it again then.
                        changed.add(order.getString("_id"));
                    }
                });
            }
            ready = true;
            log.info(
                    "Search index of {} orders built in {} ms", keys.size(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Search index not built ({}); searches read the store", e.toString());
        } finally {
            building = false;
        }
    }

    private List<Document> keysOf(Query query) {
        return mongo.find(keysOnly(query), Document.class, mongo.getCollectionName(Order.class));
    }

    /** The query reading only the orders' ids and search keys. */
    private static Query keysOnly(Query query) {
        query.fields().include("_id").include(SearchKeys.FIELD);
        return query;
    }

    private static String packed(Document order) {
        StringBuilder packed = new StringBuilder().append(SEPARATOR);
        for (Object key : order.getList(SearchKeys.FIELD, Object.class, List.of())) {
            packed.append(key).append(SEPARATOR);
        }
        return packed.toString();
    }

    /** How a key is written between its neighbours, for {@link SearchKeys.Lookup}. */
    static String whole(String key) {
        return SEPARATOR + key + SEPARATOR;
    }

    static String start(String prefix) {
        return SEPARATOR + prefix;
    }
}
