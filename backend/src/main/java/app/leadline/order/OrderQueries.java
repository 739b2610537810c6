package app.leadline.order;

import app.leadline.order.internal.StoredOrders;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reading orders, for the modules that show them. */
@Service
public class OrderQueries {

    private final Orders orders;
    private final MongoTemplate mongo;
    private final StoredOrders stored;
    private final Clock clock;
    private final OrderIndex orderIndex;

    OrderQueries(Orders orders, MongoTemplate mongo, StoredOrders stored, Clock clock, OrderIndex orderIndex) {
        this.orders = orders;
        this.orderIndex = orderIndex;
        this.stored = stored;
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * The order a tracking token opens. Unknown, expired, revoked and malformed tokens all give an empty answer,
     * so a caller cannot tell them apart.
     */
    public Optional<Order> byTrackingToken(String presented) {
        return TrackingToken.parse(presented)
                .flatMap(token -> orders.findByTrackingTokenHash(token.hash()))
                .filter(order -> order.trackableAt(clock.instant()));
    }

    public Optional<Order> byNumber(String number) {
        return orders.findByNumber(number);
    }

    public List<Order> byIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : (List<Order>) orders.findAllById(ids);
    }

    /** A customer order line allocated to a purchase order, with its order. */
    public record Allocated(Order order, OrderLine line) {}

    /**
     * The lines allocated to a purchase order with their orders, oldest order first: the order in which goods
     * received serve them (and so the reverse of the order in which a receipt taken back leaves them). Only lines that
     * are on the purchase order: an allocation a crash left for an order never stored, or for a line that waits
     * elsewhere, names none (see {@link StrayAllocations}).
     */
    public List<Allocated> allocatedOldestFirst(app.leadline.supplier.PurchaseOrder po) {
        java.util.Map<String, Order> byId = byIds(po.allocations().stream()
                        .map(app.leadline.supplier.PurchaseOrder.Allocation::orderId)
                        .distinct()
                        .toList())
                .stream()
                .collect(java.util.stream.Collectors.toMap(Order::id, java.util.function.Function.identity()));
        return po.allocations().stream()
                .filter(allocation -> byId.containsKey(allocation.orderId()))
                .map(allocation -> {
                    Order order = byId.get(allocation.orderId());
                    return new Allocated(order, order.line(allocation.lineId()));
                })
                .filter(allocated -> allocated.line().isOn(po.number()))
                .sorted(java.util.Comparator.comparing(
                        allocated -> allocated.order().placedAt()))
                .toList();
    }

    /**
     * The orders with a line of one of the supplier's SKUs that waits for goods elsewhere than {@code purchaseOrder}:
     * for another purchase order, or to be ordered. Oldest order first, by the time placed and then the id; a stream,
     * to be closed, so that a caller who needs only the first few reads only those.
     */
    public Stream<Order> waitingElsewhere(String supplier, Collection<String> skus, String purchaseOrder) {
        return mongo.stream(
                Query.query(Criteria.where("lines")
                                .elemMatch(backorderedAwaiting(supplier, skus)
                                        .and("purchaseOrder")
                                        .ne(purchaseOrder)))
                        .with(org.springframework.data.domain.Sort.by("placedAt", "_id")),
                Order.class);
    }

    /** A backordered line of one of the supplier's SKUs that waits for its goods, as a query matches it. */
    static Criteria backorderedAwaiting(String supplier, Collection<String> skus) {
        return Criteria.where("supplier")
                .is(supplier)
                .and("source")
                .is(LineSource.BACKORDER)
                .and("status")
                .is(LineStatus.AWAITING_SUPPLIER)
                .and("sku")
                .in(skus);
    }

    /**
     * How many customer order lines still wait for each purchase order's goods: allocated to it and neither received,
     * shipped nor cancelled since. One read of the allocated orders' lines for all of them.
     *
     * @return the count for each purchase order, in the order given
     */
    public List<Integer> linesWaitingFor(List<app.leadline.supplier.PurchaseOrder> purchaseOrders) {
        List<String> orderIds = purchaseOrders.stream()
                .flatMap(po -> po.allocations().stream())
                .map(app.leadline.supplier.PurchaseOrder.Allocation::orderId)
                .distinct()
                .toList();
        java.util.Map<String, Order> byId = new java.util.HashMap<>();
        if (!orderIds.isEmpty()) {
            Query query = Query.query(Criteria.where("_id").in(orderIds));
            query.fields().include("_id", "number", "placedAt", "lines");
            mongo.find(query, Order.class).forEach(order -> byId.put(order.id(), order));
        }
        return purchaseOrders.stream()
                .map(po -> (int) po.allocations().stream()
                        .filter(allocation ->
                                waitsFor(byId.get(allocation.orderId()), allocation.lineId(), po.number()))
                        .count())
                .toList();
    }

    /** Whether the order's line still waits for this purchase order's goods. */
    private static boolean waitsFor(Order order, String lineId, String purchaseOrder) {
        return order != null
                && order.lines().stream()
                        .anyMatch(line -> line.id().equals(lineId)
                                && line.status() == LineStatus.AWAITING_SUPPLIER
                                && purchaseOrder.equals(line.purchaseOrder()));
    }

    /**
     * These orders with their timelines and outboxes left empty: for reading many at once when neither matters (a
     * count, a preview), at a fraction of the cost.
     */
    public List<Order> byIdsWithoutTimelineOrOutbox(Collection<String> ids) {
        return ids.isEmpty()
                ? List.of()
                : stored.withoutTimelineOrOutbox(ids).stream().map(stored::read).toList();
    }

    /** Units of each SKU customers ordered in orders placed at or after the instant, cancelled lines not counted. */
    public java.util.Map<String, Integer> unitsOrderedSince(Collection<String> skus, java.time.Instant since) {
        java.util.Map<String, Integer> units = new java.util.HashMap<>();
        if (skus.isEmpty()) {
            return units;
        }
        Query query = Query.query(Criteria.where("placedAt")
                .gte(since)
                .and("lines")
                .elemMatch(Criteria.where("sku").in(skus)));
        query.fields().include("_id", "number", "placedAt", "lines");
        for (Order order : mongo.find(query, Order.class)) {
            for (OrderLine line : order.lines()) {
                if (skus.contains(line.sku()) && line.status() != LineStatus.CANCELLED) {
                    units.merge(line.sku(), line.quantity(), Integer::sum);
                }
            }
        }
        return units;
    }

    /** Open dropshipped lines of a supplier (of one SKU, if given), as (order id, line id). */
    /** The open lines a delay (or the promise watch) last moved, or placed held by it, by its id. */
    public List<LineRef> openLinesLastMovedBy(String delayId) {
        Query query = Query.query(Criteria.where("lines.lastDelay").is(delayId));
        query.fields().include("_id", "number", "lines");
        List<LineRef> refs = new java.util.ArrayList<>();
        for (Order order : mongo.find(query, Order.class)) {
            for (OrderLine candidate : order.lines()) {
                if (candidate.isOpen() && delayId.equals(candidate.lastDelay())) {
                    refs.add(new LineRef(order.id(), candidate.id()));
                }
            }
        }
        return refs;
    }

    /** The SKUs of the supplier's dropshipped lines still open: what a delay of one of its SKUs could reach. */
    public java.util.SortedSet<String> openDropshipSkus(String supplier) {
        java.util.SortedSet<String> skus = new java.util.TreeSet<>();
        forEachOpenDropshipLine(supplier, Optional.empty(), (order, line) -> skus.add(line.sku()));
        return skus;
    }

    public List<LineRef> openDropshipLines(String supplier, Optional<String> sku) {
        List<LineRef> refs = new java.util.ArrayList<>();
        forEachOpenDropshipLine(supplier, sku, (order, line) -> refs.add(new LineRef(order.id(), line.id())));
        return refs;
    }

    private void forEachOpenDropshipLine(
            String supplier, Optional<String> sku, java.util.function.BiConsumer<Order, OrderLine> each) {
        Criteria line = Criteria.where("supplier")
                .is(supplier)
                .and("source")
                .is(LineSource.DROPSHIP)
                .and("status")
                .in(LineStatus.RESERVED, LineStatus.AWAITING_SUPPLIER, LineStatus.READY);
        sku.ifPresent(value -> line.and("sku").is(value));
        Query query = Query.query(Criteria.where("lines").elemMatch(line));
        // The number too: an order is not made without it (its search keys start from it).
        query.fields().include("_id", "number", "lines");
        for (Order order : mongo.find(query, Order.class)) {
            for (OrderLine candidate : order.lines()) {
                if (candidate.source() == LineSource.DROPSHIP
                        && candidate.isOpen()
                        && supplier.equals(candidate.supplier())
                        && sku.map(candidate.sku()::equals).orElse(true)) {
                    each.accept(order, candidate);
                }
            }
        }
    }

    /**
     * Hands over, as they are read, every order with an open line, read with only what a line's promise is judged by
     * (number, customer, when placed, destination, policy, lines), a thousand orders at a time on the embedded store
     * (see {@link OrderIndex#waitingOnes}).
     */
    public void forEachWithOpenLines(java.util.function.Consumer<Order> action) {
        Criteria open =
                Criteria.where("lines").elemMatch(Criteria.where("status").in(LineStatus.OPEN));
        for (Query query : orderIndex.waitingOnes(OrderIndex.Work.OPEN_LINES, open, java.util.Set.of())) {
            query.fields()
                    .include("_id", "number", "customer", "placedAt", "destination", "policy", "lines", "searchKeys");
            try (Stream<Order> found = mongo.stream(query, Order.class)) {
                found.forEach(action);
            }
        }
    }

    /**
     * Waits up to {@code patience} until the orders that wait for background work are known without reading the
     * store whole: on the embedded store, until its order index is built; at once on MongoDB.
     */
    public void awaitIndexed(Duration patience) throws InterruptedException {
        orderIndex.awaitBuilt(patience);
    }

    /** What agents filter orders by: as a query for the store, and as a test of an order read already. */
    public enum Filter {
        LATE(Criteria.where("late").is(true), Order::isLate),
        AWAITING_SUPPLIER(
                Criteria.where("lines.status").is(LineStatus.AWAITING_SUPPLIER),
                order -> order.lines().stream().anyMatch(line -> line.status() == LineStatus.AWAITING_SUPPLIER)),
        REFUND_REQUESTED(
                Criteria.where("refunds").elemMatch(Criteria.where("state").is(RefundRequest.State.REQUESTED)),
                order -> order.refunds().stream().anyMatch(refund -> refund.state() == RefundRequest.State.REQUESTED)),
        READY_TO_SHIP(
                Criteria.where("proposedShipment").ne(null),
                order -> order.proposedShipment().isPresent());

        private final Criteria criteria;
        private final java.util.function.Predicate<Order> test;

        Filter(Criteria criteria, java.util.function.Predicate<Order> test) {
            this.criteria = criteria;
            this.test = test;
        }

        Criteria criteria() {
            return criteria;
        }

        boolean test(Order order) {
            return test.test(order);
        }
    }

    /**
     * Orders matching a search term (every order without one) and a filter, a page at a time, newest first ({@link
     * NewestFirst}): pass the last order's {@link NewestFirst#cursor()} as {@code after} for the next page. The term
     * finds the order number with or without the shop's prefix, the customer's name or the start of any of its words,
     * the e-mail or its start, the phone in international or national form, a SKU, supplier, purchase order or
     * carrier tracking number, all regardless of case ({@link SearchKeys}). On the embedded store the {@link
     * OrderIndex} answers once it is built, but for a state alone.
     *
     * @throws app.leadline.platform.RequestRefused when {@code after} is no cursor of ours
     */
    public List<Order> search(Optional<String> term, Optional<Filter> filter, int pageSize, Optional<String> after) {
        Optional<String> typed = term.map(String::trim).filter(t -> !t.isEmpty());
        Optional<NewestFirst> from = NewestFirst.parse(after);
        if (typed.isEmpty() && filter.isPresent()) {
            // A state alone: the store's own query, which reads only the orders in that state; the index would read
            // the orders one page after another to test them.
            return searchTheStore(typed, filter, pageSize, from);
        }
        Optional<List<Order>> indexed = orderIndex.search(
                typed,
                filter.<java.util.function.Predicate<Order>>map(f -> f::test).orElse(null),
                pageSize,
                from);
        return indexed.orElseGet(() -> searchTheStore(typed, filter, pageSize, from));
    }

    /** The search as the store answers it: through its indexes on the search keys and the time placed on MongoDB. */
    List<Order> searchTheStore(
            Optional<String> typed, Optional<Filter> filter, int pageSize, Optional<NewestFirst> after) {
        List<Criteria> all = new java.util.ArrayList<>();
        typed.ifPresent(t -> all.add(SearchKeys.matching(t)));
        filter.ifPresent(f -> all.add(f.criteria));
        after.ifPresent(place -> all.add(place.after()));
        Query query = new Query().with(NewestFirst.SORT).limit(pageSize);
        if (!all.isEmpty()) {
            query.addCriteria(new Criteria().andOperator(all));
        }
        return mongo.find(query, Order.class);
    }

    /** The shop's number of the order with this id. */
    public Optional<String> numberOf(String orderId) {
        Query query = Query.query(Criteria.where("_id").is(orderId));
        query.fields().include("number");
        return Optional.ofNullable(mongo.findOne(query, org.bson.Document.class, "orders"))
                .map(order -> order.getString("number"));
    }

    /** Orders with notification intents not sent yet. */
    public List<Order> withUnsentNotifications(int limit) {
        return mongo.find(
                Query.query(Criteria.where("notifications")
                                .elemMatch(Criteria.where("sentAt").is(null)))
                        .limit(limit),
                Order.class);
    }

    /**
     * Hands over, as they are read, orders with intents nobody holds a lease on at {@code now}, but for those in
     * {@code skipped}.
     */
    public void forEachWithUnsentNotifications(
            int limit,
            java.time.Instant now,
            java.util.Set<String> skipped,
            java.util.function.Consumer<Order> action) {
        Criteria claimable = Criteria.where("sentAt")
                .is(null)
                .orOperator(
                        Criteria.where("leaseUntil").is(null),
                        Criteria.where("leaseUntil").lte(now));
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(limit);
        for (Query due : orderIndex.waitingOnes(
                OrderIndex.Work.MESSAGES, now, Criteria.where("notifications").elemMatch(claimable), skipped)) {
            // Claimable as the order stands now, not as the order index last read it.
            try (Stream<Order> found = mongo.stream(due.limit(left.get()), Order.class)) {
                found.filter(order -> order.notifications().stream().anyMatch(intent -> intent.claimableAt(now)))
                        .forEach(order -> {
                            left.decrementAndGet();
                            action.accept(order);
                        });
            }
            if (left.get() <= 0) {
                return;
            }
        }
    }

    /** Orders with open refund requests. */
    public List<Order> withOpenRefunds(int limit) {
        return orderIndex.read(
                OrderIndex.Work.REFUND_DECISIONS,
                Criteria.where("refunds").elemMatch(Criteria.where("state").is(RefundRequest.State.REQUESTED)),
                java.util.Set.of(),
                limit,
                Order.class);
    }

    /** One line of one order. */
    public record LineRef(String orderId, String lineId) {}

    /**
     * How many orders the store holds, from the collection's own count: counting by query would read every order on
     * the embedded store (minutes, and more than the heap, at 100,000 orders).
     */
    public long count() {
        return mongo.estimatedCount(Order.class);
    }

    /** One answer to the question at the end, with its order's number. */
    public record FeedbackAnswer(String orderNumber, Feedback feedback) {}

    /** Every answer to the question at the end, the earliest answered first, read one by one. */
    public void forEachFeedback(Consumer<FeedbackAnswer> answer) {
        Query query = Query.query(Criteria.where("feedback").ne(null))
                .with(org.springframework.data.domain.Sort.by("feedback.answeredAt", "_id"));
        query.fields().include("number").include("feedback");
        try (Stream<org.bson.Document> found = mongo.stream(query, org.bson.Document.class, "orders")) {
            found.forEach(stored -> answer.accept(new FeedbackAnswer(
                    stored.getString("number"),
                    mongo.getConverter().read(Feedback.class, stored.get("feedback", org.bson.Document.class)))));
        }
    }
}
