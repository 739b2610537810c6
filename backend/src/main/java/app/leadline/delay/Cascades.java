package app.leadline.delay;

import app.leadline.delay.DelayChunk.Target;
import app.leadline.delay.DelayPreview.Sample;
import app.leadline.delivery.EtaCalculator;
import app.leadline.delivery.EtaWindow;
import app.leadline.delivery.SupplierSpreads;
import app.leadline.order.LineStatus;
import app.leadline.order.Order;
import app.leadline.order.OrderLine;
import app.leadline.order.OrderQueries;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What every cascade shares, whether a logged delay or a correction (a delay withdrawn, a receipt reversed): its
 * preview, and its plan and report stored and started as a {@link DelayJob}.
 */
@Component
class Cascades {

    static final int PREVIEW_BATCH = 500;

    private final OrderQueries orders;
    private final EtaCalculator etas;
    private final SupplierSpreads.Source lateness;
    private final DelayJob job;
    private final MongoTemplate mongo;

    /** The spreads as they are now, and as they will be once a receipt is taken back. */
    SupplierSpreads.Source lateness() {
        return lateness;
    }

    Cascades(
            OrderQueries orders,
            EtaCalculator etas,
            SupplierSpreads.Source lateness,
            DelayJob job,
            MongoTemplate mongo) {
        this.orders = orders;
        this.etas = etas;
        this.lateness = lateness;
        this.job = job;
        this.mongo = mongo;
    }

    /**
     * What a cascade would do: the orders, lines and customers it reaches, their value, the lines newly past their
     * promise, and up to {@code sampleSize} of the moves.
     */
    DelayPreview preview(DelayReport draft, DelayPlan plan, int sampleSize) {
        return preview(draft, plan, sampleSize, lateness.current());
    }

    /** What a cascade would do with the suppliers' spreads given (as they will be when it runs). */
    DelayPreview preview(DelayReport draft, DelayPlan plan, int sampleSize, SupplierSpreads spreads) {
        Map<String, List<String>> linesByOrder = plan.linesByOrder();
        int orderCount = 0;
        int lineCount = 0;
        int nowLate = 0;
        int kept = 0;
        Set<String> customers = new HashSet<>();
        Map<String, BigDecimal> value = new TreeMap<>();
        List<Sample> sample = new ArrayList<>();
        List<String> ids = new ArrayList<>(linesByOrder.keySet());
        DelayPlan.EarlierDelays earlier = DelayPlan.EarlierDelays.in(mongo);
        for (int from = 0; from < ids.size(); from += PREVIEW_BATCH) {
            for (Order order : orders.byIdsWithoutTimelineOrOutbox(
                    ids.subList(from, Math.min(ids.size(), from + PREVIEW_BATCH)))) {
                Map<String, EtaWindow> windows = DelayPlan.moves(
                                draft,
                                order,
                                linesByOrder.get(order.id()),
                                plan.purchaseOrdersByNumber(),
                                etas,
                                spreads,
                                earlier)
                        .windows();
                for (OrderLine line : order.lines()) {
                    if (linesByOrder.get(order.id()).contains(line.id())
                            && line.status() == LineStatus.AWAITING_SUPPLIER
                            && !windows.containsKey(line.id())) {
                        kept++;
                    }
                }
                if (windows.isEmpty()) {
                    continue;
                }
                orderCount++;
                lineCount += windows.size();
                if (order.deliveryMovesWith(windows)) {
                    customers.add(order.customer().email().toLowerCase());
                }
                value.merge(order.currency(), order.orderTotal().amount(), BigDecimal::add);
                for (Map.Entry<String, EtaWindow> moved : windows.entrySet()) {
                    OrderLine line = order.line(moved.getKey());
                    if (!line.isLate() && moved.getValue().latest().isAfter(line.promisedDate())) {
                        nowLate++;
                    }
                    if (sample.size() < sampleSize) {
                        // As the customer reads it: an item that waits for the order's one delivery comes with it.
                        EtaWindow read = order.arrivalWith(line.id(), windows);
                        sample.add(new Sample(
                                order.number(),
                                order.customer().name(),
                                line.id(),
                                line.name(),
                                order.arrivalOf(line.id()).latest(),
                                read.latest(),
                                read.earliest()));
                    }
                }
            }
        }
        return new DelayPreview(orderCount, lineCount, customers.size(), value, nowLate, kept, sample);
    }

    /**
     * Stores a cascade's plan and its report and starts it. The plan is stored whole before the report that makes it
     * a job: a crash in between leaves chunks no report names (never worked), never a report with part of its plan.
     *
     * @return false, with nothing kept, when a cascade for the same scope is still running
     * @see #start(String)
     */
    boolean begin(DelayReport report, List<List<Target>> chunks) {
        String id = report.id();
        List<DelayChunk> plannedChunks = new ArrayList<>();
        for (int seq = 0; seq < chunks.size(); seq++) {
            plannedChunks.add(new DelayChunk(id + ":" + seq, id, seq, chunks.get(seq), false, null, null, 0));
        }
        mongo.insertAll(plannedChunks);
        try {
            mongo.insert(report);
        } catch (DuplicateKeyException running) {
            mongo.remove(Query.query(Criteria.where("report").is(id)), DelayChunk.class);
            return false;
        }
        return true;
    }

    /** Starts a cascade {@link #begin} stored. */
    void start(String reportId) {
        job.startLogged(reportId);
    }

    int chunkSize() {
        return job.chunkSize();
    }

    boolean isRunning(String scopeKey) {
        return job.isRunning(scopeKey);
    }
}
