package app.leadline.order;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The state of the business as metrics: lines expected later than first promised, and refund requests waiting for
 * a decision. Counted once a minute (not on every scrape), from the orders that have any (see {@link OrderIndex}).
 */
@Component
class OrderGauges {

    private final MongoTemplate mongo;
    private final OrderIndex index;
    private final AtomicLong lateLines = new AtomicLong();
    private final AtomicLong openRefunds = new AtomicLong();

    OrderGauges(MongoTemplate mongo, MeterRegistry meters, OrderIndex index) {
        this.mongo = mongo;
        this.index = index;
        Gauge.builder("leadline.lines.late", lateLines, AtomicLong::get)
                .description("Open order lines expected later than first promised")
                .register(meters);
        Gauge.builder("leadline.refunds.open", openRefunds, AtomicLong::get)
                .description("Refund requests waiting for a decision")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${leadline.metrics.refresh-interval:60s}", initialDelay = 5_000)
    void refresh() {
        long late = 0;
        Optional<Query> lateOrders = index.waitingOnes(
                OrderIndex.Work.LATE_LINES, Criteria.where("late").is(true), Set.of());
        if (lateOrders.isPresent()) {
            lateOrders.get().fields().include("lines");
            for (Order order : mongo.find(lateOrders.get(), Order.class)) {
                late += order.lines().stream()
                        .filter(line -> line.isOpen() && line.isLate())
                        .count();
            }
        }
        lateLines.set(late);
        Optional<Query> refunds = index.waitingOnes(
                OrderIndex.Work.REFUND_DECISIONS,
                Criteria.where("refunds").elemMatch(Criteria.where("state").is(RefundRequest.State.REQUESTED.name())),
                Set.of());
        long open = 0;
        if (refunds.isPresent()) {
            refunds.get().fields().include("refunds");
            for (Document order : mongo.find(refunds.get(), Document.class, "orders")) {
                open += order.getList("refunds", Document.class).stream()
                        .filter(refund -> RefundRequest.State.REQUESTED.name().equals(refund.getString("state")))
                        .count();
            }
        }
        openRefunds.set(open);
    }
}
