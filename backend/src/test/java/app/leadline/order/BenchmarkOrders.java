package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Fills the store with many realistic orders quickly (bulk inserts), keeping each order's tracking token. */
public final class BenchmarkOrders {

    private BenchmarkOrders() {}

    /** The agents' search as the store answers it, without the embedded store's search index; "" for every order. */
    public static List<Order> searchTheStore(OrderQueries queries, String term, int pageSize) {
        return queries.searchTheStore(
                Optional.of(term).filter(typed -> !typed.isBlank()), Optional.empty(), pageSize, Optional.empty());
    }

    /** Waits until the embedded store's search index has taken in every order, after orders written around it. */
    public static void awaitOrderIndex(org.springframework.context.ApplicationContext context) {
        OrderIndex index = context.getBean(OrderIndex.class);
        context.getBean(OrderQueries.class).search(Optional.of("-"), Optional.empty(), 1, Optional.empty());
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofMinutes(10))
                .until(index::answersSearches);
    }

    /** Whether the embedded store's search index answers searches now (and not the store). */
    public static boolean orderIndexAnswers(org.springframework.context.ApplicationContext context) {
        return context.getBean(OrderIndex.class).answersSearches();
    }

    /** Inserts {@code count} three-line orders and returns their tracking tokens. */
    public static List<String> insert(MongoTemplate mongo, int count) {
        return insert(mongo, 0, count);
    }

    /** Inserts orders {@code from} to {@code from + count - 1} of the three-line kind; returns their tokens. */
    public static List<String> insert(MongoTemplate mongo, int from, int count) {
        return insert(mongo, null, from, count);
    }

    /**
     * As {@link #insert(MongoTemplate, int, int)}, naming each order in the change feed as intake does, so that the
     * embedded store's index takes them in as they come instead of being built again.
     */
    public static List<String> insert(MongoTemplate mongo, OrderChangeFeed feed, int from, int count) {
        List<String> tokens = new ArrayList<>(count);
        List<Order> chunk = new ArrayList<>(1000);
        Instant now = Instant.now();
        LocalDate today = LocalDate.now();
        for (int i = from; i < from + count; i++) {
            TrackingToken token = TrackingToken.generate();
            tokens.add(token.value());
            chunk.add(threeLineOrder(i, token, now, today));
            if (chunk.size() == 1000) {
                insertAll(mongo, feed, chunk);
            }
        }
        insertAll(mongo, feed, chunk);
        return tokens;
    }

    private static void insertAll(MongoTemplate mongo, OrderChangeFeed feed, List<Order> chunk) {
        mongo.insertAll(chunk);
        if (feed != null) {
            chunk.forEach(order -> feed.changed(order.id()));
        }
        chunk.clear();
    }

    /** Order {@code i} of the three-line kind: a cushion in stock, a backordered sofa, a dropshipped lamp. */
    private static Order threeLineOrder(int i, TrackingToken token, Instant now, LocalDate today) {
        return Order.place(
                java.util.UUID.randomUUID().toString(),
                "BENCH-" + i,
                new Customer(
                        "Customer " + i,
                        "c" + i + "@example.com",
                        "+4520" + String.format("%06d", i % 1_000_000),
                        "da",
                        "Europe/Copenhagen",
                        "B2C"),
                now.minus(Duration.ofHours(i % 200)),
                "DKK",
                new Destination("Nørregade " + (i % 90 + 1), "1165", "København", "DK"),
                new DeliveryChoice(DeliveryPreference.WAIT_FOR_ALL, "policy", now, DeliveryPreference.WAIT_FOR_ALL),
                new OrderPolicy("B2C", true, List.of(), BigDecimal.ZERO, false, null),
                List.of(
                        line("L1", "CUSHION-LINEN", LineSource.STOCK, null, today.plusDays(2), LineStatus.RESERVED),
                        line(
                                "L2",
                                "SOFA-OSLO-3",
                                LineSource.BACKORDER,
                                "PO-" + (i % 40),
                                today.plusDays(20 + i % 15),
                                LineStatus.AWAITING_SUPPLIER),
                        line(
                                "L3",
                                "LAMP-RHEIN",
                                LineSource.DROPSHIP,
                                null,
                                today.plusDays(6),
                                LineStatus.AWAITING_SUPPLIER)),
                token,
                null,
                Duration.ofDays(180));
    }

    /**
     * Inserts {@code count} three-line orders, each with its confirmation queued for an SMS (e-mail turned off by
     * the customer), every customer with a phone number of their own.
     */
    public static void insertWithConfirmations(MongoTemplate mongo, int count) {
        List<Order> chunk = new ArrayList<>(1000);
        Instant now = Instant.now();
        LocalDate today = LocalDate.now();
        for (int i = 0; i < count; i++) {
            Order order = threeLineOrder(i, TrackingToken.generate(), now, today);
            order.chooseMessageChannels(false, true);
            order.confirmToCustomer(now);
            chunk.add(order);
            if (chunk.size() == 1000) {
                mongo.insertAll(chunk);
                chunk.clear();
            }
        }
        mongo.insertAll(chunk);
    }

    /**
     * Inserts {@code count} four-line orders; the first {@code affected} have two backordered lines (SOFA and CHAIR)
     * on {@code purchaseOrder}, the others on other purchase orders. Returns the allocations of {@code
     * purchaseOrder}.
     */
    public static List<app.leadline.supplier.PurchaseOrder.Allocation> insertForDelay(
            MongoTemplate mongo, int count, int affected, String purchaseOrder) {
        List<app.leadline.supplier.PurchaseOrder.Allocation> allocations = new ArrayList<>();
        List<Order> chunk = new ArrayList<>(1000);
        Instant now = Instant.now();
        LocalDate today = LocalDate.now();
        for (int i = 0; i < count; i++) {
            String po = i < affected ? purchaseOrder : "PO-OTHER-" + (i % 40);
            Order order = Order.place(
                    java.util.UUID.randomUUID().toString(),
                    "DELAY-BENCH-" + i,
                    new Customer(
                            "Customer " + i,
                            "d" + i + "@example.com",
                            null,
                            i % 2 == 0 ? "da" : "de",
                            "Europe/Copenhagen",
                            "B2C"),
                    now.minus(Duration.ofHours(i % 200)),
                    "DKK",
                    new Destination("Nørregade 1", "1165", "København", "DK"),
                    new DeliveryChoice(DeliveryPreference.WAIT_FOR_ALL, "policy", now, DeliveryPreference.WAIT_FOR_ALL),
                    new OrderPolicy("B2C", true, List.of(), BigDecimal.ZERO, false, null),
                    List.of(
                            line("L1", "CUSHION-LINEN", LineSource.STOCK, null, today.plusDays(2), LineStatus.RESERVED),
                            line(
                                    "L2",
                                    "SOFA",
                                    LineSource.BACKORDER,
                                    po,
                                    today.plusDays(20),
                                    LineStatus.AWAITING_SUPPLIER),
                            line(
                                    "L3",
                                    "LAMP-RHEIN",
                                    LineSource.DROPSHIP,
                                    null,
                                    today.plusDays(6),
                                    LineStatus.AWAITING_SUPPLIER),
                            line(
                                    "L4",
                                    "CHAIR",
                                    LineSource.BACKORDER,
                                    po,
                                    today.plusDays(20),
                                    LineStatus.AWAITING_SUPPLIER)),
                    TrackingToken.generate(),
                    null,
                    Duration.ofDays(180));
            if (i < affected) {
                allocations.add(new app.leadline.supplier.PurchaseOrder.Allocation(order.id(), "L2", "SOFA"));
                allocations.add(new app.leadline.supplier.PurchaseOrder.Allocation(order.id(), "L4", "CHAIR"));
            }
            chunk.add(order);
            if (chunk.size() == 1000) {
                mongo.insertAll(chunk);
                chunk.clear();
            }
        }
        mongo.insertAll(chunk);
        return allocations;
    }

    private static OrderLine line(
            String id, String sku, LineSource source, String po, LocalDate latest, LineStatus status) {
        EtaWindow eta = new EtaWindow(latest.minusDays(2), latest);
        return new OrderLine(
                id,
                sku,
                "Item " + sku,
                1,
                new BigDecimal("499.00"),
                source,
                source == LineSource.STOCK ? null : "SUPPLIER",
                po,
                latest,
                eta,
                status,
                PaymentState.AUTHORIZED,
                null,
                null,
                null);
    }
}
