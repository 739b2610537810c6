package app.leadline.order;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Every change to an order goes through here: load, change through the aggregate's own methods, store as one
 * atomic update guarded by the version. When someone else changed the order in between, the change is tried
 * again against the new state — where the aggregate may now refuse it — so two changes never both win silently.
 * Payment operations the change left in the order's outbox are sent afterwards.
 */
@Service
public class OrderChanges {

    static final int ATTEMPTS = 5;
    private static final String TIMELINE = "timeline";

    private final Orders orders;
    private final MongoTemplate mongo;
    private final PaymentOutbox payments;
    private final OrderChangeFeed feed;

    OrderChanges(Orders orders, MongoTemplate mongo, PaymentOutbox payments, OrderChangeFeed feed) {
        this.orders = orders;
        this.mongo = mongo;
        this.payments = payments;
        this.feed = feed;
    }

    /** The change's result and the order as stored after it. */
    public record Changed<T>(T result, Order order) {}

    public <T> Changed<T> apply(String orderId, Function<Order, T> change) {
        Changed<T> changed = applyOnly(orderId, change);
        if (!changed.order().pendingPayments().isEmpty()) {
            payments.send(changed.order(), this);
        }
        return changed;
    }

    /**
     * The same change to many orders at once: one read, one bulk write of versioned replaces. Orders someone else
     * changed in between are redone one by one through {@link #apply}, so the change must be idempotent (applying it
     * twice does what applying it once does).
     *
     * @return each order's result, by order id
     */
    public <T> Map<String, T> applyToAll(Collection<String> orderIds, Function<Order, T> change) {
        return applyToAll(orderIds, false, change);
    }

    /**
     * As {@link #applyToAll(Collection, Function)}, for a change that only adds to the timeline and never reads it:
     * the timeline is then neither read nor written whole, its new events are appended (and the oldest dropped past
     * the limit) in the same versioned update.
     */
    public <T> Map<String, T> applyToAllAppendingEvents(Collection<String> orderIds, Function<Order, T> change) {
        return applyToAll(orderIds, true, change);
    }

    /**
     * As {@link #applyToAll(Collection, Function)}, starting from states of the orders the caller has just read,
     * which saves reading them again; orders changed since are redone from a fresh read through {@link #apply}.
     *
     * @return each order's result and the order as stored after the change, by order id
     */
    public <T> Map<String, Changed<T>> applyToKnown(Collection<Order> known, Function<Order, T> change) {
        Map<String, Changed<T>> results = new LinkedHashMap<>();
        List<VersionedUpdate> updates = new ArrayList<>();
        for (Order order : known) {
            Document stored = new Document();
            mongo.getConverter().write(order, stored);
            T result = change.apply(order);
            Document changed = new Document();
            mongo.getConverter().write(order, changed);
            VersionedUpdate update = VersionedUpdate.of(order, StoredDifference.between(stored, changed));
            updates.add(update);
            changed.put("version", update.version() + 1);
            results.put(order.id(), new Changed<>(result, mongo.getConverter().read(Order.class, changed)));
        }
        for (String id : writeAll(updates)) {
            results.put(id, apply(id, change));
        }
        return results;
    }

    private <T> Map<String, T> applyToAll(
            Collection<String> orderIds, boolean appendEvents, Function<Order, T> change) {
        Map<String, T> results = new LinkedHashMap<>();
        List<VersionedUpdate> updates = new ArrayList<>();
        Query query = Query.query(Criteria.where("_id").in(orderIds));
        if (appendEvents) {
            query.fields().exclude(TIMELINE);
        }
        for (Document stored : mongo.find(query, Document.class, mongo.getCollectionName(Order.class))) {
            Order order = mongo.getConverter().read(Order.class, stored);
            results.put(order.id(), change.apply(order));
            Document changed = new Document();
            mongo.getConverter().write(order, changed);
            Object newEvents = appendEvents ? changed.remove(TIMELINE) : null;
            // Only what the change touched travels back, under the same version guard as a whole save.
            Update update = StoredDifference.between(stored, changed);
            if (newEvents instanceof List<?> events && !events.isEmpty()) {
                update.push(TIMELINE).slice(-Order.TIMELINE_LIMIT).each(events.toArray());
            }
            updates.add(VersionedUpdate.of(order, update));
        }
        for (String id : writeAll(updates)) {
            results.put(id, apply(id, change).result());
        }
        return results;
    }

    /** An order's update, to be written only if the order is still at {@code version}; it moves it one on. */
    private record VersionedUpdate(String orderId, long version, Update update) {

        static VersionedUpdate of(Order order, Update update) {
            long version = order.version() == null ? 0 : order.version();
            return new VersionedUpdate(order.id(), version, update.set("version", version + 1));
        }
    }

    /**
     * Writes the updates in one bulk, each under its version guard; returns the orders someone else changed in
     * between, whose updates were therefore not written.
     */
    private List<String> writeAll(List<VersionedUpdate> updates) {
        if (updates.isEmpty()) {
            return List.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Order.class);
        updates.forEach(update -> bulk.updateOne(
                Query.query(Criteria.where("_id")
                        .is(update.orderId())
                        .and("version")
                        .is(update.version())),
                update.update()));
        int matched = bulk.execute().getMatchedCount();
        updates.forEach(update -> feed.changed(update.orderId()));
        if (matched == updates.size()) {
            return List.of();
        }
        Map<String, Long> expected = new HashMap<>();
        updates.forEach(update -> expected.put(update.orderId(), update.version() + 1));
        Query versions = Query.query(Criteria.where("_id").in(expected.keySet()));
        versions.fields().include("_id", "version");
        return mongo.find(versions, Document.class, mongo.getCollectionName(Order.class)).stream()
                .filter(current ->
                        !expected.get(current.getString("_id")).equals(((Number) current.get("version")).longValue()))
                .map(current -> current.getString("_id"))
                .toList();
    }

    <T> Changed<T> applyOnly(String orderId, Function<Order, T> change) {
        for (int attempt = 1; ; attempt++) {
            Order order = orders.findById(orderId)
                    .orElseThrow(() -> new OrderRuleViolation("UNKNOWN_ORDER", "order", "There is no such order."));
            T result = change.apply(order);
            try {
                Changed<T> changed = new Changed<>(result, orders.save(order));
                feed.changed(orderId);
                return changed;
            } catch (OptimisticLockingFailureException conflict) {
                if (attempt == ATTEMPTS) {
                    throw new OrderRuleViolation(
                            "BUSY", "order", "The order is being changed by someone else; try again.");
                }
            }
        }
    }
}
