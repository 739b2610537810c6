package app.leadline.order;

import app.leadline.order.internal.StoredDifference;
import app.leadline.order.internal.StoredOrders;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
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
    /** The field where a bulk write leaves its receipt on each order it wrote. */
    private static final String RECEIPT = "lastBulkWrite";

    private final Orders orders;
    private final MongoTemplate mongo;
    private final StoredOrders stored;
    private final PaymentOutbox payments;
    private final OrderChangeFeed feed;
    private final StuckOrders stuck;

    OrderChanges(
            Orders orders,
            MongoTemplate mongo,
            StoredOrders stored,
            PaymentOutbox payments,
            OrderChangeFeed feed,
            StuckOrders stuck) {
        this.stuck = stuck;
        this.orders = orders;
        this.mongo = mongo;
        this.stored = stored;
        this.payments = payments;
        this.feed = feed;
    }

    /** The change's result and the order as stored after it. */
    public record Changed<T>(T result, Order order) {}

    /**
     * What a change to many orders came to: each changed order's result, by order id, and the orders it could not
     * change, which are set aside (see {@link StuckOrders}) so that they do not stop the others.
     */
    public record Bulk<T>(Map<String, T> results, Set<String> setAside) {}

    <T> Changed<T> apply(String orderId, Function<Order, T> change) {
        Changed<T> changed = applyOnly(orderId, change);
        if (!changed.order().pendingPayments().isEmpty()) {
            payments.send(changed.order(), this);
        }
        return changed;
    }

    /**
     * The same change to many orders at once, for a change that only adds to the timeline and the outbox and never
     * reads them: one read (without either), one bulk write of versioned updates carrying only what changed, the new
     * events appended (and the oldest dropped past the limit), the new messages queued after those waiting or sent.
     * Only the fields the change replaced are turned back into stored form ({@link StoredOrders.Reading}), not the
     * whole order. Orders someone else changed in between are redone one by one through {@link #apply}, so the
     * change must be idempotent (applying it twice does what applying it once does). An order that cannot be changed
     * is set aside for {@code work} and the others go on.
     */
    <T> Bulk<T> applyToAllAppendingEvents(
            StuckOrders.Work work, Collection<String> orderIds, Function<Order, T> change) {
        Map<String, T> results = new LinkedHashMap<>();
        Set<String> setAside = new LinkedHashSet<>();
        List<VersionedUpdate> updates = new ArrayList<>();
        for (Document before : stored.withoutTimelineOrOutbox(orderIds)) {
            String id = before.getString("_id");
            try {
                StoredOrders.Reading read = stored.reading(before);
                Order order = read.order();
                T result = change.apply(order);
                Map<String, Object> changed = read.changedFields();
                Object newEvents = changed.remove(StoredOrders.TIMELINE);
                Object newNews = changed.remove(StoredOrders.OUTBOX);
                StoredDifference difference = StoredDifference.of(before, changed);
                if (newEvents instanceof List<?> events) {
                    difference.append(StoredOrders.TIMELINE, events, Timeline.LIMIT);
                }
                if (newNews instanceof List<?> news) {
                    difference.append(StoredOrders.OUTBOX, news);
                }
                if (!difference.isEmpty()) {
                    updates.add(VersionedUpdate.of(order, difference));
                }
                results.put(id, result);
            } catch (RuntimeException e) {
                setAside(id, work, e, setAside);
            }
        }
        for (String id : writeAll(updates)) {
            results.remove(id);
            try {
                results.put(id, apply(id, change).result());
            } catch (RuntimeException e) {
                setAside(id, work, e, setAside);
            }
        }
        stuck.cleared(results.keySet(), work);
        return new Bulk<>(results, setAside);
    }

    private void setAside(String orderId, StuckOrders.Work work, RuntimeException cause, Set<String> setAside) {
        setAside.add(orderId);
        stuck.setAside(orderId, work, cause);
    }

    /**
     * As {@link #applyToAllAppendingEvents}, for any change, starting from states of the orders the caller has just
     * read, which saves reading them again; orders changed since are redone from a fresh read through {@link
     * #apply}. An order that cannot be changed is set aside for {@code work} and the others go on.
     *
     * @return each order's result and the order as stored after the change, by order id
     */
    <T> Bulk<Changed<T>> applyToKnown(StuckOrders.Work work, Collection<Order> known, Function<Order, T> change) {
        Map<String, Changed<T>> results = new LinkedHashMap<>();
        Set<String> setAside = new LinkedHashSet<>();
        List<VersionedUpdate> updates = new ArrayList<>();
        for (Order order : known) {
            try {
                Document before = stored.formOf(order);
                T result = change.apply(order);
                Document changed = stored.formOf(order);
                StoredDifference difference = StoredDifference.between(before, changed);
                if (difference.isEmpty()) {
                    results.put(order.id(), new Changed<>(result, order));
                    continue;
                }
                VersionedUpdate update = VersionedUpdate.of(order, difference);
                updates.add(update);
                changed.put("version", update.version() + 1);
                results.put(order.id(), new Changed<>(result, stored.read(changed)));
            } catch (RuntimeException e) {
                setAside(order.id(), work, e, setAside);
            }
        }
        for (String id : writeAll(updates)) {
            results.remove(id);
            try {
                results.put(id, apply(id, change));
            } catch (RuntimeException e) {
                setAside(id, work, e, setAside);
            }
        }
        stuck.cleared(results.keySet(), work);
        return new Bulk<>(results, setAside);
    }

    /** An order's change, to be written only if the order is still at {@code version}; it moves it one on. */
    private record VersionedUpdate(String orderId, long version, StoredDifference difference) {

        static VersionedUpdate of(Order order, StoredDifference difference) {
            return new VersionedUpdate(order.id(), order.version() == null ? 0 : order.version(), difference);
        }

        UpdateOneModel<Document> model(String receipt) {
            return new UpdateOneModel<>(
                    new Document("_id", orderId).append("version", version),
                    difference.toUpdate(new Document("version", version + 1).append(RECEIPT, receipt)));
        }
    }

    /**
     * Writes the updates in one bulk, each under its version guard; returns the orders someone else changed in
     * between, whose updates were therefore not written. The updates are in stored form already and go to the driver
     * as they are. Each written order keeps the bulk's receipt, which tells the orders written from those someone
     * else changed in between: their versions alone cannot, as the other change moved them one on just the same.
     */
    private List<String> writeAll(List<VersionedUpdate> updates) {
        if (updates.isEmpty()) {
            return List.of();
        }
        String receipt = UUID.randomUUID().toString();
        List<UpdateOneModel<Document>> models =
                updates.stream().map(update -> update.model(receipt)).toList();
        int matched = mongo.execute(
                Order.class,
                collection -> collection
                        .bulkWrite(models, new BulkWriteOptions().ordered(false))
                        .getMatchedCount());
        updates.forEach(update -> feed.changed(update.orderId()));
        if (matched == updates.size()) {
            return List.of();
        }
        List<String> ids = updates.stream().map(VersionedUpdate::orderId).toList();
        List<Document> receipts = mongo.execute(
                Order.class,
                collection -> collection
                        .find(Filters.in("_id", ids))
                        .projection(Projections.include("_id", RECEIPT))
                        .into(new ArrayList<>()));
        return receipts.stream()
                .filter(current -> !receipt.equals(current.getString(RECEIPT)))
                .map(current -> current.getString("_id"))
                .toList();
    }

    <T> Changed<T> applyOnly(String orderId, Function<Order, T> change) {
        for (int attempt = 1; ; attempt++) {
            Order order = orders.findById(orderId)
                    .orElseThrow(() -> new OrderRuleViolation("UNKNOWN_ORDER", "order", "There is no such order."));
            Document before = stored.formOf(order);
            T result = change.apply(order);
            if (before.equals(stored.formOf(order))) {
                // Nothing to store: a change that turned out to change nothing does not move the version, so it
                // does not get in the way of anyone else's change.
                return new Changed<>(result, order);
            }
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
