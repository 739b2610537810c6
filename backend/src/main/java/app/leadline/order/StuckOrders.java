package app.leadline.order;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Orders a background sweep (messages, payments, a delay's cascade) could not change. Such an order is set aside
 * — logged at ERROR with its number, counted, shown to agents — and tried again after a backoff, while the sweep
 * goes on with every other order: one order that cannot change never holds up the rest.
 */
@Service
public class StuckOrders {

    private static final Logger log = LoggerFactory.getLogger(StuckOrders.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private final MongoTemplate mongo;
    private final MeterRegistry meters;
    private final Clock clock;

    StuckOrders(MongoTemplate mongo, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.meters = meters;
        this.clock = clock;
    }

    /** The work that set an order aside. */
    public enum Work {
        MESSAGES,
        PAYMENTS,
        DELAY,
        WATCH
    }

    /**
     * One order set aside by one kind of work.
     *
     * @param failures attempts that failed in a row
     * @param retryAt when the work tries the order again
     */
    @Document("stuckOrders")
    public record StuckOrder(
            @Id String id,
            String orderId,
            String number,
            Work work,
            String error,
            int failures,
            Instant firstFailedAt,
            Instant lastFailedAt,
            Instant retryAt) {}

    /** Records that {@code work} could not change the order; it is left alone until its retry is due. */
    public void setAside(String orderId, Work work, RuntimeException cause) {
        Instant now = clock.instant();
        String number = numberOf(orderId);
        StuckOrder before = mongo.findById(key(orderId, work), StuckOrder.class);
        int failures = before == null ? 1 : before.failures() + 1;
        mongo.upsert(
                Query.query(Criteria.where("_id").is(key(orderId, work))),
                new Update()
                        .set("orderId", orderId)
                        .set("number", number)
                        .set("work", work)
                        .set("error", describe(cause))
                        .set("failures", failures)
                        .setOnInsert("firstFailedAt", now)
                        .set("lastFailedAt", now)
                        .set("retryAt", now.plus(backoff(failures))),
                StuckOrder.class);
        meters.counter("leadline.orders.stuck", "work", work.name()).increment();
        log.error(
                "Order {} set aside by {} after {} failed attempt(s), tried again in {}: {}",
                number,
                work,
                failures,
                backoff(failures),
                describe(cause));
    }

    /** The work changed the order after all: it is no longer stuck. */
    public void cleared(Collection<String> orderIds, Work work) {
        if (orderIds.isEmpty() || !anyAside(work)) {
            return;
        }
        mongo.remove(
                Query.query(Criteria.where("_id")
                        .in(orderIds.stream().map(id -> key(id, work)).toList())),
                StuckOrder.class);
    }

    /** Orders {@code work} leaves alone at {@code now}: set aside, their retry not yet due. */
    public Set<String> waiting(Work work, Instant now) {
        Query query = Query.query(Criteria.where("work").is(work).and("retryAt").gt(now));
        query.fields().include("orderId");
        return mongo.find(query, org.bson.Document.class, "stuckOrders").stream()
                .map(found -> found.getString("orderId"))
                .collect(Collectors.toSet());
    }

    /** Every order set aside, the longest stuck first, for agents. */
    public List<StuckOrder> all() {
        return mongo.find(new Query().with(Sort.by("firstFailedAt")).limit(500), StuckOrder.class);
    }

    private boolean anyAside(Work work) {
        return mongo.exists(Query.query(Criteria.where("work").is(work)), StuckOrder.class);
    }

    /** 30 seconds, doubling with each failure, at most an hour. */
    public static Duration backoff(int failures) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 12));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    private String numberOf(String orderId) {
        Query query = Query.query(Criteria.where("_id").is(orderId));
        query.fields().include("number");
        org.bson.Document found = mongo.findOne(query, org.bson.Document.class, "orders");
        return found == null || found.getString("number") == null ? orderId : found.getString("number");
    }

    private static String key(String orderId, Work work) {
        return orderId + ":" + work;
    }

    private static String describe(RuntimeException cause) {
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
