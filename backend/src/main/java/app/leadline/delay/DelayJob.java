package app.leadline.delay;

import app.leadline.delay.DelayChunk.Target;
import app.leadline.delivery.EtaCalculator;
import app.leadline.delivery.SupplierSpreads;
import app.leadline.order.Order;
import app.leadline.order.OrderChanges;
import app.leadline.order.OrderLine;
import app.leadline.order.OrderOperations;
import app.leadline.order.StuckOrders;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.SupplierCatalog;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs a delay's cascade chunk by chunk in the background. Each order changes in one atomic update that skips
 * lines this delay already moved, and a chunk is marked done only after all its orders. Chunks are claimed with a
 * lease stored with them, so any number of instances can work on one delay side by side, and a chunk whose
 * instance died is taken over by another once its lease runs out (every instance sweeps for such work). A job
 * interrupted at any point — a crash, a shutdown — thus finishes, and moves every line exactly once.
 */
@Component
class DelayJob implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DelayJob.class);

    private final MongoTemplate mongo;
    private final OrderOperations operations;
    private final SupplierCatalog suppliers;
    private final EtaCalculator etas;
    private final SupplierSpreads.Source lateness;
    private final DelayReasons reasons;
    private final Clock clock;
    private final int chunkSize;
    private final boolean autostart;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "delay-job");
        thread.setDaemon(true);
        return thread;
    });
    private final int workers;
    private final ExecutorService workerPool;
    private volatile boolean stopping;
    /** Delays this instance is working on now. */
    private final Set<String> runningHere = ConcurrentHashMap.newKeySet();
    /** Names this instance in the chunks it leases. */
    private final String instance = UUID.randomUUID().toString();

    private final Duration lease;

    DelayJob(
            MongoTemplate mongo,
            OrderOperations operations,
            SupplierCatalog suppliers,
            EtaCalculator etas,
            SupplierSpreads.Source lateness,
            DelayReasons reasons,
            Clock clock,
            @Value("${leadline.delays.chunk-size:250}") int chunkSize,
            @Value("${leadline.delays.autostart:true}") boolean autostart,
            @Value("${leadline.delays.workers:4}") int workers,
            @Value("${leadline.delays.chunk-lease:2m}") Duration lease) {
        this.lease = lease;
        this.workers = Math.max(1, workers);
        this.workerPool = Executors.newFixedThreadPool(this.workers, runnable -> {
            Thread thread = new Thread(runnable, "delay-worker");
            thread.setDaemon(true);
            return thread;
        });
        this.autostart = autostart;
        this.mongo = mongo;
        this.operations = operations;
        this.suppliers = suppliers;
        this.etas = etas;
        this.lateness = lateness;
        this.reasons = reasons;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    @Override
    public void afterSingletonsInstantiated() {
        // At most one running delay per scope: the key is set while running and removed when done.
        mongo.indexOps(DelayReport.class)
                .createIndex(new Index("runningScope", Sort.Direction.ASC)
                        .unique()
                        .sparse()
                        .named("running_scope"));
        mongo.indexOps(DelayChunk.class)
                .createIndex(new Index("report", Sort.Direction.ASC)
                        .on("seq", Sort.Direction.ASC)
                        .named("report_seq"));
    }

    int chunkSize() {
        return chunkSize;
    }

    boolean isRunning(String scopeKey) {
        return mongo.exists(Query.query(Criteria.where("runningScope").is(scopeKey)), DelayReport.class);
    }

    /** Starts a newly logged delay, unless starting is left to the next start of the application. */
    void startLogged(String reportId) {
        if (autostart) {
            start(reportId);
        }
    }

    void start(String reportId) {
        if (!runningHere.add(reportId)) {
            return;
        }
        executor.submit(() -> {
            try {
                run(reportId, Integer.MAX_VALUE);
            } catch (RuntimeException e) {
                log.error("Delay {} stopped; it resumes on the next sweep", reportId, e);
            } finally {
                runningHere.remove(reportId);
            }
        });
    }

    /**
     * Picks up delays left unfinished: at start (a previous run of this instance died) and every {@code
     * leadline.delays.sweep-interval} (another instance died: its chunks' leases run out and this one takes them).
     */
    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        for (DelayReport report :
                mongo.find(Query.query(Criteria.where("state").is(DelayReport.State.RUNNING)), DelayReport.class)) {
            if (!runningHere.contains(report.id()) && hasClaimableChunk(report.id())) {
                log.info(
                        "Resuming delay {} ({} of {} orders done)",
                        report.id(),
                        report.processedOrders(),
                        report.totalOrders());
                start(report.id());
            }
        }
    }

    @Scheduled(
            fixedDelayString = "${leadline.delays.sweep-interval:15s}",
            initialDelayString = "${leadline.delays.sweep-interval:15s}")
    void sweep() {
        if (!stopping) {
            resumeUnfinished();
        }
    }

    /** Works through at most {@code maxChunks} chunks; finishes the report when none is left. */
    void run(String reportId, int maxChunks) {
        DelayReport report = mongo.findById(reportId, DelayReport.class);
        if (report == null || report.state() == DelayReport.State.DONE) {
            return;
        }
        if (report.kind() == DelayReport.Kind.RECEIPT_REVERSAL) {
            takeBackReceipt(report);
        }
        Map<String, PurchaseOrder> purchaseOrders = purchaseOrdersOf(report.scope());
        AtomicInteger budget = new AtomicInteger(maxChunks);
        // Chunks touch disjoint orders, so several can be worked at once, here and on other instances.
        List<Future<?>> helpers = new ArrayList<>();
        for (int i = 1; i < workers; i++) {
            helpers.add(workerPool.submit(() -> work(report, budget, purchaseOrders)));
        }
        work(report, budget, purchaseOrders);
        for (Future<?> helper : helpers) {
            try {
                helper.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                throw new IllegalStateException(
                        "A delay chunk failed; the delay resumes on the next sweep", e.getCause());
            }
        }
        if (!stopping && allChunksDone(report)) {
            finish(reportId);
        }
    }

    /**
     * The receipt a reversal takes back leaves its purchase order before any line goes back to waiting. The agent's
     * request takes it right after storing the plan; a crash between the two leaves it to the job that resumes the
     * plan. Taking back a receipt already gone changes nothing, so this is safe however often it runs.
     */
    private void takeBackReceipt(DelayReport report) {
        int at = report.reverses() == null ? -1 : report.reverses().lastIndexOf('@');
        if (at > 0) {
            suppliers.reverseReceipt(
                    report.reverses().substring(0, at),
                    java.time.Instant.parse(report.reverses().substring(at + 1)));
        }
    }

    private void work(DelayReport report, AtomicInteger budget, Map<String, PurchaseOrder> purchaseOrders) {
        DelayChunk chunk;
        while (!stopping && budget.getAndDecrement() > 0 && (chunk = claim(report.id())) != null) {
            Processed processed = process(report, chunk.targets(), purchaseOrders);
            if (!processed.setAside().isEmpty()) {
                // Orders that could not be changed keep the chunk open: it is tried again after a backoff (the
                // orders moved already are skipped then), while the other chunks go on.
                int attempts = chunk.failedAttempts() + 1;
                mongo.updateFirst(
                        Query.query(
                                Criteria.where("_id").is(chunk.id()).and("done").is(false)),
                        new Update()
                                .set("failedAttempts", attempts)
                                .set("leaseUntil", clock.instant().plus(StuckOrders.backoff(attempts))),
                        DelayChunk.class);
                continue;
            }
            boolean first = mongo.updateFirst(
                                    Query.query(Criteria.where("_id")
                                            .is(chunk.id())
                                            .and("done")
                                            .is(false)),
                                    Update.update("done", true).unset("leaseUntil"),
                                    DelayChunk.class)
                            .getModifiedCount()
                    > 0;
            // Progress counts whole chunks, once: a chunk redone after a crash, or finished by two instances whose
            // leases overlapped, is counted by whichever marked it done.
            if (first) {
                mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(report.id())),
                        new Update()
                                .inc("processedOrders", chunk.targets().size())
                                .inc("movedLines", processed.movedLines())
                                .inc("movedOrders", processed.movedOrders()),
                        DelayReport.class);
            }
        }
    }

    /**
     * Whether every chunk of the report's plan is done. The plan is stored whole before the report, which records
     * how many chunks it has; a report from before that (no count) goes by the chunks it finds.
     */
    private boolean allChunksDone(DelayReport report) {
        if (mongo.exists(undone(report.id()), DelayChunk.class)) {
            return false;
        }
        long done = mongo.count(
                Query.query(Criteria.where("report").is(report.id()).and("done").is(true)), DelayChunk.class);
        if (done < report.chunks()) {
            log.error(
                    "Delay {} has {} of its {} chunks; it is not finished and needs an agent to log it again",
                    report.id(),
                    done,
                    report.chunks());
            return false;
        }
        return true;
    }

    private static Query undone(String reportId) {
        return Query.query(Criteria.where("report").is(reportId).and("done").is(false));
    }

    private boolean hasClaimableChunk(String reportId) {
        return mongo.exists(claimable(reportId, clock.instant()), DelayChunk.class)
                || !mongo.exists(undone(reportId), DelayChunk.class);
    }

    private static Query claimable(String reportId, Instant now) {
        return Query.query(Criteria.where("report")
                        .is(reportId)
                        .and("done")
                        .is(false)
                        .orOperator(
                                Criteria.where("leaseUntil").is(null),
                                Criteria.where("leaseUntil").lte(now)))
                .with(Sort.by("seq"));
    }

    /** The next chunk nobody works on (or whose worker's lease ran out), leased to this instance. */
    private DelayChunk claim(String reportId) {
        Instant now = clock.instant();
        return mongo.findAndModify(
                claimable(reportId, now),
                new Update().set("owner", instance).set("leaseUntil", now.plus(lease)),
                FindAndModifyOptions.options().returnNew(true),
                DelayChunk.class);
    }

    /** How many of a chunk's lines carry the delay now, in how many orders, and the orders that could not be changed. */
    record Processed(int movedLines, int movedOrders, Set<String> setAside) {}

    /** Applies the delay to some orders (lines it already moved are skipped). */
    Processed process(DelayReport report, List<Target> targets, Map<String, PurchaseOrder> purchaseOrders) {
        Map<String, List<String>> linesByOrder =
                targets.stream().collect(Collectors.toMap(Target::orderId, Target::lineIds));
        // The reason and the suppliers' spreads are looked up once per chunk, not once per order.
        SupplierSpreads spreads = report.kind() == DelayReport.Kind.RECEIPT_REVERSAL
                ? lateness.currentWithoutReceiptsOf(report.scope().purchaseOrder())
                : lateness.current();
        Optional<DelayReason> chosen = Optional.ofNullable(report.reasonCode()).flatMap(reasons::find);
        DelayPlan.EarlierDelays earlier = DelayPlan.EarlierDelays.in(mongo);
        // The delay each line's window stands on where that is not this report, as the plan found it.
        Map<String, Map<String, String>> heldBy = new java.util.concurrent.ConcurrentHashMap<>();
        OrderChanges.Bulk<Order> carrying = operations.applyDelayToAll(linesByOrder.keySet(), order -> {
            String reason =
                    chosen.map(r -> r.textFor(order.customer().locale())).orElse(report.reasonText());
            // A reversed receipt's lines wait for their purchase order again in the same update that moves dates.
            Optional<OrderOperations.GoodsBack> goodsBack = report.kind() == DelayReport.Kind.RECEIPT_REVERSAL
                    ? Optional.of(
                            new OrderOperations.GoodsBack(report.scope().purchaseOrder(), linesByOrder.get(order.id())))
                    : Optional.empty();
            DelayPlan.Moves moves = DelayPlan.moves(
                    report, order, linesByOrder.get(order.id()), purchaseOrders, etas, spreads, earlier);
            heldBy.put(order.id(), moves.heldBy());
            return new OrderOperations.Delay(
                    report.id(), moves.windows(), moves.heldBy(), reason, report.note(), goodsBack);
        });
        // Counts the lines that carry this delay now (or the delay still in force it left them on), including any
        // moved before an interruption, and their orders.
        List<Integer> carriedPerOrder = carrying.results().values().stream()
                .map(order -> (int) order.lines().stream()
                        .filter(line -> linesByOrder.get(order.id()).contains(line.id())
                                && carries(report, line, heldBy.getOrDefault(order.id(), Map.of())))
                        .count())
                .toList();
        return new Processed(
                carriedPerOrder.stream().mapToInt(Integer::intValue).sum(),
                (int) carriedPerOrder.stream().filter(carried -> carried > 0).count(),
                carrying.setAside());
    }

    /** Whether the report moved the line: it is the line's last delay, or left the line on the one it names. */
    private static boolean carries(DelayReport report, OrderLine line, Map<String, String> heldBy) {
        return line.lastDelay() != null
                && (report.id().equals(line.lastDelay()) || line.lastDelay().equals(heldBy.get(line.id())));
    }

    private void finish(String reportId) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(reportId).and("state").is(DelayReport.State.RUNNING)),
                new Update()
                        .set("state", DelayReport.State.DONE)
                        .set("finishedAt", clock.instant())
                        .unset("runningScope"),
                DelayReport.class);
        log.info("Delay {} applied", reportId);
    }

    private Map<String, PurchaseOrder> purchaseOrdersOf(DelayScope scope) {
        return purchaseOrdersOf(suppliers, scope);
    }

    /** The purchase orders a cascade's scope names (all of the supplier's, open or not), by number. */
    static Map<String, PurchaseOrder> purchaseOrdersOf(SupplierCatalog suppliers, DelayScope scope) {
        List<PurchaseOrder> pos = scope.type() == DelayScope.Type.PURCHASE_ORDER
                ? suppliers.purchaseOrder(scope.purchaseOrder()).stream().toList()
                : suppliers.purchaseOrdersOf(scope.supplier());
        return pos.stream()
                .collect(Collectors.toMap(PurchaseOrder::number, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    /** On shutdown the chunk in hand is finished; the rest waits for the next start. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        executor.shutdown();
        executor.awaitTermination(20, TimeUnit.SECONDS);
        workerPool.shutdown();
        workerPool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
