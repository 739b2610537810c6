package app.leadline.order;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * What the embedded store cannot find without reading every order, held in this process: each order's search keys,
 * and which orders wait for work that runs in the background (messages to send once no dispatcher's lease holds
 * them, payment operations to send, lines running late, refund requests to decide, open lines for the promise
 * watch). MongoDB answers both from its indexes ({@code searchKeys},
 * {@code notifications.sentAt}, …); the embedded store keeps no secondary index and would read all of every order
 * each time (seconds at 100,000 orders, and the message dispatcher looks every two seconds). Here each order's keys
 * are one short string, in order of id, so a search reads those strings (about 40 MB at 100,000 orders) and then
 * fetches only the orders of the page by id, which the store does find through its unique index; a sweep fetches by
 * id only the orders that wait for it, and none when none do.
 *
 * <p>Every write of an order in this process names the order in {@link OrderChangeFeed}; the index takes those
 * names and reads the orders afresh before the next search or sweep, so an order is found as soon as its change
 * is answered. Until the index is built (in the background after start) and whenever the number of orders it holds
 * disagrees with the store's (orders written around this process, which the design does not do), searches go to the
 * store's query and the index is built again; sweeps find nothing until it is built (it reads what waits from the
 * store), but for the open lines, which agents may be waiting to see, and bear with a disagreement for
 * {@link #SETTLE}, the moment between an order stored and named. A sweep also goes to the store's query once every
 * {@link #NET}, so that no work waits longer than that on a write the index was not told of; even then it reads
 * the orders by id, a thousand at a time ({@link #waitingOnes}).
 */
@Component
class OrderIndex {

    private static final Logger log = LoggerFactory.getLogger(OrderIndex.class);

    /** Between one order's keys; a key never holds it. */
    private static final char SEPARATOR = '\u0001';

    /** How many orders a page's worth of candidates is fetched in, when a filter may turn some away. */
    private static final int FETCH = 100;

    /** How many orders' ids a sweep's query names at most. */
    private static final int IDS_PER_QUERY = 1000;

    /**
     * How many orders one reply of the store carries at most. The embedded store answers a query without a batch size
     * in one reply, which the driver refuses beyond 48 MB; a thousand orders with full timelines come near that.
     */
    private static final int ORDERS_PER_REPLY = 200;

    /** How many ids one reply carries at most, when a query reads ids alone. */
    private static final int IDS_PER_REPLY = 20_000;

    /** How often a sweep asks the store itself instead of the index. */
    static final Duration NET = Duration.ofMinutes(15);

    /** How long sweeps trust the index while it holds another number of orders than the store. */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    /** Work that runs in the background, or that an agent asks for, over the orders that wait for it. */
    enum Work {
        /** Customer news not yet sent, due once the last dispatcher's lease on it has run out. */
        MESSAGES(order -> order.getList("notifications", Document.class, List.of()).stream()
                .filter(intent -> intent.get("sentAt") == null)
                .map(intent -> intent.get("leaseUntil") instanceof Date lease ? lease.toInstant() : Instant.MIN)
                .min(Comparator.naturalOrder())),
        /** Payment operations not yet sent to the provider. */
        PAYMENTS(whenever(order ->
                !order.getList("pendingPayments", Object.class, List.of()).isEmpty())),
        /** Lines expected later than first promised. */
        LATE_LINES(whenever(order -> Boolean.TRUE.equals(order.get("late")))),
        /** Refund requests waiting for a decision. */
        REFUND_DECISIONS(whenever(order -> order.getList("refunds", Document.class, List.of()).stream()
                .anyMatch(refund -> RefundRequest.State.REQUESTED.name().equals(refund.get("state"))))),
        /**
         * Lines still to be shipped, which the promise watch looks over and agents read as the running-late list:
         * the store is asked while the index is built, since an agent may be waiting for the answer.
         */
        OPEN_LINES(whenever(order -> order.getList("lines", Document.class, List.of()).stream()
                .anyMatch(line ->
                        LineStatus.OPEN.stream().anyMatch(open -> open.name().equals(line.get("status")))))) {
            @Override
            boolean asksStoreWhileBuilding() {
                return true;
            }
        };

        /** From when an order waits for this work; empty when it does not. */
        private final Function<Document, Optional<Instant>> due;

        Work(Function<Document, Optional<Instant>> due) {
            this.due = due;
        }

        /** Whether a sweep asks the store while the index is built instead of finding nothing. */
        boolean asksStoreWhileBuilding() {
            return false;
        }

        private static Function<Document, Optional<Instant>> whenever(Predicate<Document> waits) {
            return order -> waits.test(order) ? Optional.of(Instant.MIN) : Optional.empty();
        }
    }

    private final MongoTemplate mongo;
    private final boolean enabled;

    /** Each order's keys as one string, {@code \u0001key\u0001key\u0001}, newest order first. */
    private final ConcurrentSkipListMap<NewestFirst, String> keys = new ConcurrentSkipListMap<>();

    /** Each order's place in {@link #keys}, by id. */
    private final Map<String, NewestFirst> places = new ConcurrentHashMap<>();

    /** The orders that wait for each kind of work, with the time from when they do. */
    private final Map<Work, Map<String, Instant>> waiting = new EnumMap<>(Work.class);

    /** When each kind of work last went to the store's own query ({@link System#nanoTime()}). */
    private final Map<Work, Long> lastAskedStore = new ConcurrentHashMap<>();

    /** Orders changed since they were read. */
    private final Set<String> changed = ConcurrentHashMap.newKeySet();

    private volatile boolean ready;
    /** Since when ({@link System#nanoTime()}) the index has held another number of orders than the store; 0 if not. */
    private volatile long disagreeingSince;

    private volatile boolean building;

    /** Whether the last build failed, until the next one begins. */
    private volatile boolean failed;

    OrderIndex(
            MongoTemplate mongo,
            OrderChangeFeed feed,
            @Value("${spring.mongodb.uri:}") String storeUri,
            @Value("${leadline.search.index:true}") boolean wanted) {
        this.mongo = mongo;
        this.enabled = wanted && storeUri.isBlank();
        for (Work work : Work.values()) {
            waiting.put(work, new ConcurrentHashMap<>());
            lastAskedStore.put(work, System.nanoTime());
        }
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
     * The first {@code pageSize} orders after {@code after} whose keys match the term (every order without one) and
     * that pass the filter, newest first; empty when the index cannot answer yet, and the caller asks the store.
     */
    Optional<List<Order>> search(
            Optional<String> term, Predicate<Order> filter, int pageSize, Optional<NewestFirst> after) {
        if (!current(Duration.ZERO)) {
            return Optional.empty();
        }
        Predicate<String> matches = term.map(SearchKeys::lookup)
                .<Predicate<String>>map(lookup -> lookup::matches)
                .orElse(packed -> true);
        Map<NewestFirst, String> from = after.<Map<NewestFirst, String>>map(place -> keys.tailMap(place, false))
                .orElse(keys);
        Iterator<Map.Entry<NewestFirst, String>> candidates = from.entrySet().iterator();
        List<Order> found = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        int wanted = filter == null ? pageSize : FETCH;
        while (found.size() < pageSize && candidates.hasNext()) {
            Map.Entry<NewestFirst, String> candidate = candidates.next();
            if (matches.test(candidate.getValue())) {
                batch.add(candidate.getKey().id());
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

    /**
     * The ids of the orders that wait for this work at {@code now}: none while the index is being built (it reads them
     * from the store, and the sweeps after it find them) unless the work {@linkplain Work#asksStoreWhileBuilding()
     * asks the store then}; empty when the store answers instead (once every {@link #NET}, or then).
     */
    Optional<Set<String>> waitingFor(Work work, Instant now) {
        long nanos = System.nanoTime();
        if (nanos - lastAskedStore.get(work) >= NET.toNanos()) {
            lastAskedStore.put(work, nanos);
            return Optional.empty();
        }
        if (current(SETTLE)) {
            Set<String> ids = new HashSet<>();
            waiting.get(work).forEach((id, from) -> {
                if (!from.isAfter(now)) {
                    ids.add(id);
                }
            });
            return Optional.of(ids);
        }
        return work.asksStoreWhileBuilding() ? Optional.empty() : Optional.of(Set.of());
    }

    /** {@link #waitingOnes(Work, Instant, Criteria, Set)} for work that waits for no time. */
    List<Query> waitingOnes(Work work, Criteria criteria, Set<String> skipped) {
        return waitingOnes(work, Instant.MAX, criteria, skipped);
    }

    /**
     * The queries for the orders that wait for this work at {@code now} and match the criteria, without those
     * skipped, to be read in turn until the caller has enough. A MongoDB server of its own answers the criteria from
     * its indexes, in one query. The embedded store finds orders by id through its unique index only when the query
     * names nothing else, and otherwise reads every order and gathers all it matches before answering (more than the
     * heap for every order with open lines, at 100,000 orders): so here each query names only ids, a thousand at
     * most, of the orders the index says wait, or, when the store answers, of those its query finds (reading their
     * ids alone). What the criteria say beyond the work the caller tests again on what it reads: the index knew the
     * order as last written, and a write may come between. None when no order waits.
     */
    List<Query> waitingOnes(Work work, Instant now, Criteria criteria, Set<String> skipped) {
        if (!enabled) {
            return List.of(Query.query(
                    skipped.isEmpty()
                            ? criteria
                            : new Criteria()
                                    .andOperator(criteria, Criteria.where("_id").nin(skipped))));
        }
        Set<String> ids = waitingFor(work, now).orElseGet(() -> idsFromStore(criteria));
        return byIds(ids.stream().filter(id -> !skipped.contains(id)));
    }

    /** Queries for these orders in order of id, each naming a thousand ids at most and bounding its replies. */
    private static List<Query> byIds(Stream<String> ids) {
        List<String> sorted = ids.sorted().toList();
        List<Query> queries = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += IDS_PER_QUERY) {
            List<String> chunk = sorted.subList(from, Math.min(sorted.size(), from + IDS_PER_QUERY));
            queries.add(Query.query(Criteria.where("_id").in(chunk)).cursorBatchSize(ORDERS_PER_REPLY));
        }
        return queries;
    }

    /** The ids of the orders the store's own query finds, read without the rest of each order. */
    private Set<String> idsFromStore(Criteria criteria) {
        return idsOf(Query.query(criteria));
    }

    private Set<String> idsOf(Query query) {
        query.cursorBatchSize(IDS_PER_REPLY).fields().include("_id");
        return mongo.find(query, Document.class, mongo.getCollectionName(Order.class)).stream()
                .map(order -> order.getString("_id"))
                .collect(Collectors.toSet());
    }

    /** Up to {@code limit} of the orders that wait for this work and match the criteria, as that type. */
    <T> List<T> read(Work work, Criteria criteria, Set<String> skipped, int limit, Class<T> type, String... fields) {
        List<T> found = new ArrayList<>();
        for (Query query : waitingOnes(work, criteria, skipped)) {
            Arrays.stream(fields).forEach(query.fields()::include);
            found.addAll(mongo.find(query.limit(limit - found.size()), type, mongo.getCollectionName(Order.class)));
            if (found.size() >= limit) {
                break;
            }
        }
        return found;
    }

    /**
     * Whether the index holds every order as last written, reading the changed ones again; builds it again if not.
     * Searches want it exact ({@link Duration#ZERO}); sweeps bear with another number of orders than the store's for
     * {@link #SETTLE}, since orders just handed over are named a moment after they are stored.
     */
    private boolean current(Duration patience) {
        if (!enabled || !ready) {
            return false;
        }
        refreshChanged();
        if (keys.size() == mongo.estimatedCount(Order.class)) {
            disagreeingSince = 0;
            return true;
        }
        long now = System.nanoTime();
        if (disagreeingSince == 0) {
            disagreeingSince = now;
        }
        if (now - disagreeingSince < patience.toNanos()) {
            return true;
        }
        disagreeingSince = 0;
        ready = false;
        buildInBackground();
        return false;
    }

    /**
     * Waits up to {@code patience} until the index is built, when the store wants one, so that work in no hurry reads
     * what waits from it rather than from the store: reading every order beside the build holds up the embedded
     * store (one query on a collection at a time) for everyone else meanwhile, tracking lookups included.
     *
     * @return whether the index is ready; false at once when its build failed
     */
    boolean awaitBuilt(Duration patience) throws InterruptedException {
        if (!enabled) {
            return false;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (this) {
            while (!ready) {
                if (failed) {
                    return false;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    /** Whether the index answers searches; for tests that must know which way a search went. */
    boolean ready() {
        return ready;
    }

    /**
     * Whether the index holds every order as last written, so that the next search is answered from it; starts
     * building it again if not. For benchmarks that write orders around the change feed and must wait for it: a build
     * that began while they wrote is ready and yet misses their last orders, and the next search would find it so.
     */
    boolean answersSearches() {
        return current(Duration.ZERO);
    }

    /** The orders with these ids, newest first. */
    private List<Order> fetch(Collection<String> ids) {
        List<Order> orders =
                new ArrayList<>(mongo.find(Query.query(Criteria.where("_id").in(ids)), Order.class));
        orders.sort(NewestFirst.orders());
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
        for (Query chunk : byIds(ids.stream())) {
            for (Document order : read(chunk)) {
                put(order);
                gone.remove(order.getString("_id"));
            }
        }
        gone.forEach(id -> {
            NewestFirst place = places.remove(id);
            if (place != null) {
                keys.remove(place);
            }
            waiting.values().forEach(orders -> orders.remove(id));
        });
    }

    private synchronized void buildInBackground() {
        if (building) {
            return;
        }
        building = true;
        Thread builder = new Thread(this::build, "order-index");
        builder.setDaemon(true);
        builder.start();
    }

    private void build() {
        long started = System.nanoTime();
        failed = false;
        try {
            keys.clear();
            places.clear();
            waiting.values().forEach(Map::clear);
            // The ids first, then the orders a thousand at a time by id: the embedded store gathers a query's whole
            // answer before the first reply, which for every order's indexed fields at once outgrew both the heap
            // and the driver's largest message (48 MB at 90,000 orders). Orders changed while this reads are read
            // again before the next search; an order already held was read since this began, after a change, and
            // is fresher than what this read.
            for (Query chunk : byIds(idsOf(new Query()).stream())) {
                for (Document order : read(chunk)) {
                    synchronized (this) {
                        if (!places.containsKey(order.getString("_id"))) {
                            put(order);
                        }
                    }
                    if (order.get(SearchKeys.FIELD) == null) {
                        // Not keyed yet: the start's backfill keys it and names it; read it again then.
                        changed.add(order.getString("_id"));
                    }
                }
            }
            ready = true;
            log.info("Order index of {} orders built in {} ms", keys.size(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            failed = true;
            log.warn("Order index not built ({}); searches and sweeps read the store", e.toString());
        } finally {
            building = false;
            synchronized (this) {
                notifyAll();
            }
        }
    }

    private List<Document> read(Query query) {
        return mongo.find(indexed(query), Document.class, mongo.getCollectionName(Order.class));
    }

    private void put(Document order) {
        String id = order.getString("_id");
        NewestFirst place = NewestFirst.of(order);
        NewestFirst was = places.put(id, place);
        if (was != null && !was.equals(place)) {
            keys.remove(was);
        }
        keys.put(place, packed(order));
        for (Work work : Work.values()) {
            work.due
                    .apply(order)
                    .ifPresentOrElse(
                            from -> waiting.get(work).put(id, from),
                            () -> waiting.get(work).remove(id));
        }
    }

    /** The query reading only the orders' ids, search keys and what tells the work they wait for. */
    private static Query indexed(Query query) {
        query.fields()
                .include("_id")
                .include("placedAt")
                .include(SearchKeys.FIELD)
                .include("notifications")
                .include("pendingPayments")
                .include("late")
                .include("refunds")
                .include("lines.status");
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
