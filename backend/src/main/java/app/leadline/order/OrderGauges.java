package app.leadline.order;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The state of the business as metrics: lines expected later than first promised, and refund requests waiting for
 * a decision. Counted once a minute (not on every scrape), from the orders that have any (see {@link OrderIndex}).
 */
@Component
class OrderGauges {

    private final OrderIndex index;
    private final AtomicLong lateLines = new AtomicLong();
    private final AtomicLong openRefunds = new AtomicLong();

    OrderGauges(MeterRegistry meters, OrderIndex index) {
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
        for (Order order : index.read(
                OrderIndex.Work.LATE_LINES,
                Criteria.where("late").is(true),
                Set.of(),
                Integer.MAX_VALUE,
                Order.class,
                "lines")) {
            late += order.lines().stream()
                    .filter(line -> line.isOpen() && line.isLate())
                    .count();
        }
        lateLines.set(late);
        long open = 0;
        for (Document order : index.read(
                OrderIndex.Work.REFUND_DECISIONS,
                Criteria.where("refunds").elemMatch(Criteria.where("state").is(RefundRequest.State.REQUESTED.name())),
                Set.of(),
                Integer.MAX_VALUE,
                Document.class,
                "refunds")) {
            open += order.getList("refunds", Document.class).stream()
                    .filter(refund -> RefundRequest.State.REQUESTED.name().equals(refund.getString("state")))
                    .count();
        }
        openRefunds.set(open);
    }
}
