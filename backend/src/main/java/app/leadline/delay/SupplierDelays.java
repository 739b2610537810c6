package app.leadline.delay;

import app.leadline.delay.DelayChunk.Target;
import app.leadline.delay.DelayPreview.Sample;
import app.leadline.delivery.EtaCalculator;
import app.leadline.delivery.EtaWindow;
import app.leadline.delivery.SupplierSpreads;
import app.leadline.order.Order;
import app.leadline.order.OrderLine;
import app.leadline.order.OrderQueries;
import app.leadline.platform.AuditLog;
import app.leadline.platform.UserError;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.SupplierCatalog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Logging supplier delays: check, preview, confirm. Every method needs the {@code AGENT} role. */
@Service
@PreAuthorize("hasRole('AGENT')")
public class SupplierDelays {

    static final int SAMPLE_SIZE = 5;
    static final int PREVIEW_BATCH = 500;

    private final SupplierCatalog suppliers;
    private final OrderQueries orders;
    private final EtaCalculator etas;
    private final SupplierSpreads.Source lateness;
    private final DelayReasons reasons;
    private final DelayJob job;
    private final MongoTemplate mongo;
    private final AuditLog audit;
    private final Clock clock;
    private final MeterRegistry meters;

    SupplierDelays(
            SupplierCatalog suppliers,
            OrderQueries orders,
            EtaCalculator etas,
            SupplierSpreads.Source lateness,
            DelayReasons reasons,
            DelayJob job,
            MongoTemplate mongo,
            AuditLog audit,
            Clock clock,
            MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder(
                        "leadline.delays.running",
                        () -> mongo.count(
                                Query.query(Criteria.where("state").is(DelayReport.State.RUNNING)), DelayReport.class))
                .description("Delay cascades still running")
                .register(meters);
        this.audit = audit;
        this.suppliers = suppliers;
        this.orders = orders;
        this.etas = etas;
        this.lateness = lateness;
        this.reasons = reasons;
        this.job = job;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Either the preview or what is wrong with the request. */
    public record Previewed(Optional<DelayPreview> preview, List<UserError> errors) {}

    public Previewed preview(DelayRequest request) {
        List<UserError> errors = check(request);
        if (!errors.isEmpty()) {
            return new Previewed(Optional.empty(), errors);
        }
        return new Previewed(Optional.of(preview(DelayPlan.of(request, suppliers, orders), request)), List.of());
    }

    /** Either the started report or what is wrong with the request; nothing changes on errors. */
    public record Logged(Optional<DelayReport> report, List<UserError> errors) {

        /** Either the reason as now kept, or what is wrong. */
        public record ReasonDefined(Optional<DelayReason> reason, List<UserError> errors) {}
    }

    public Logged log(DelayRequest request, String agent) {
        List<UserError> errors = check(request);
        if (!errors.isEmpty()) {
            return new Logged(Optional.empty(), errors);
        }
        DelayPlan plan = DelayPlan.of(request, suppliers, orders);
        if (plan.lineCount() == 0) {
            return new Logged(
                    Optional.empty(),
                    List.of(new UserError(
                            "NOTHING_AFFECTED", "input.scope", "No open order line waits for this scope.")));
        }
        DelayPreview preview = preview(plan, request);
        String id = UUID.randomUUID().toString();
        List<List<Target>> chunks = plan.chunks(job.chunkSize());
        DelayReport report = new DelayReport(
                id,
                request.scope(),
                request.newDate(),
                request.daysLate(),
                blankToNull(request.reasonCode()),
                blankToNull(request.reasonText()),
                blankToNull(request.internalNote()),
                agent,
                clock.instant(),
                DelayReport.State.RUNNING,
                preview,
                plan.orderIds().size(),
                0,
                0,
                request.scope().key(),
                null,
                chunks.size());
        // The plan is stored whole before the report that makes it a job: a crash in between leaves chunks no report
        // names (never worked), never a report with part of its plan.
        List<DelayChunk> plannedChunks = new ArrayList<>();
        for (int seq = 0; seq < chunks.size(); seq++) {
            plannedChunks.add(new DelayChunk(id + ":" + seq, id, seq, chunks.get(seq), false, null, null, 0));
        }
        mongo.insertAll(plannedChunks);
        try {
            mongo.insert(report);
        } catch (DuplicateKeyException running) {
            mongo.remove(Query.query(Criteria.where("report").is(id)), DelayChunk.class);
            return new Logged(Optional.empty(), List.of(inProgress()));
        }
        // From now on, orders placed against these purchase orders are promised by the new date.
        for (PurchaseOrder po : plan.purchaseOrders()) {
            if (request.scope().type() != DelayScope.Type.SKU) {
                LocalDate arrival = request.newDate() != null
                        ? request.newDate()
                        : po.plannedArrival().plusDays(request.daysLate());
                suppliers.moveExpectedArrival(po.number(), arrival);
            }
        }
        audit.record(
                agent,
                "LOG_DELAY",
                id,
                Map.of(),
                Map.of(
                        "scope", request.scope().key(),
                        "change",
                                request.newDate() != null
                                        ? "new date " + request.newDate()
                                        : request.daysLate() + " days late",
                        "lines", String.valueOf(preview.lines())));
        job.startLogged(id);
        meters.counter("leadline.delays.logged").increment();
        return new Logged(Optional.of(report), List.of());
    }

    public Optional<DelayReport> report(String id) {
        return Optional.ofNullable(mongo.findById(id, DelayReport.class));
    }

    public List<DelayReport> recent(int limit) {
        return mongo.find(
                new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(Math.min(Math.max(limit, 1), 100)),
                DelayReport.class);
    }

    /** An admin adds or rewords a reason; English is required, the other languages fall back to it. */
    @PreAuthorize("hasRole('ADMIN')")
    public Logged.ReasonDefined defineReason(String code, Map<String, String> texts, String admin) {
        List<UserError> errors = new ArrayList<>();
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            errors.add(new UserError(
                    "INVALID_CODE", "input.code", "A reason code is 2 to 40 capital letters, digits or '_'."));
        }
        if (texts.get("en") == null || texts.get("en").isBlank()) {
            errors.add(new UserError("REQUIRED", "input.texts.en", "The English text is required."));
        }
        for (Map.Entry<String, String> text : texts.entrySet()) {
            if (!Set.of("en", "da", "de", "pl").contains(text.getKey())) {
                errors.add(new UserError(
                        "UNSUPPORTED_LOCALE", "input.texts." + text.getKey(), "Leadline speaks da, de, en and pl."));
            } else if (text.getValue() != null && text.getValue().length() > 300) {
                errors.add(new UserError(
                        "TOO_LONG", "input.texts." + text.getKey(), "A reason is at most 300 characters."));
            }
        }
        if (!errors.isEmpty()) {
            return new Logged.ReasonDefined(Optional.empty(), errors);
        }
        Map<String, String> clean = new TreeMap<>();
        texts.forEach((language, text) -> {
            if (text != null && !text.isBlank()) {
                clean.put(language, text.trim());
            }
        });
        DelayReason saved = reasons.save(new DelayReason(code, clean));
        audit.record(admin, "DEFINE_DELAY_REASON", code, Map.of(), clean);
        return new Logged.ReasonDefined(Optional.of(saved), List.of());
    }

    public List<DelayReason> reasons() {
        return reasons.all();
    }

    private DelayPreview preview(DelayPlan plan, DelayRequest request) {
        DelayReport draft = new DelayReport(
                "preview",
                request.scope(),
                request.newDate(),
                request.daysLate(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                0,
                0,
                null,
                null,
                0);
        Map<String, List<String>> linesByOrder = plan.linesByOrder();
        SupplierSpreads spreads = lateness.current();
        int orderCount = 0;
        int lineCount = 0;
        int nowLate = 0;
        Set<String> customers = new HashSet<>();
        Map<String, BigDecimal> value = new TreeMap<>();
        List<Sample> sample = new ArrayList<>();
        List<String> ids = new ArrayList<>(linesByOrder.keySet());
        for (int from = 0; from < ids.size(); from += PREVIEW_BATCH) {
            for (Order order :
                    orders.byIdsWithoutTimelines(ids.subList(from, Math.min(ids.size(), from + PREVIEW_BATCH)))) {
                Map<String, EtaWindow> windows = DelayPlan.windows(
                        draft, order, linesByOrder.get(order.id()), plan.purchaseOrdersByNumber(), etas, spreads);
                if (windows.isEmpty()) {
                    continue;
                }
                orderCount++;
                lineCount += windows.size();
                customers.add(order.customer().email().toLowerCase());
                value.merge(order.currency(), order.orderTotal().amount(), BigDecimal::add);
                for (Map.Entry<String, EtaWindow> moved : windows.entrySet()) {
                    OrderLine line = order.line(moved.getKey());
                    if (!line.isLate() && moved.getValue().latest().isAfter(line.promisedDate())) {
                        nowLate++;
                    }
                    if (sample.size() < SAMPLE_SIZE) {
                        sample.add(new Sample(
                                order.number(),
                                order.customer().name(),
                                line.id(),
                                line.name(),
                                line.eta().latest(),
                                moved.getValue().latest()));
                    }
                }
            }
        }
        return new DelayPreview(orderCount, lineCount, customers.size(), value, nowLate, sample);
    }

    private List<UserError> check(DelayRequest request) {
        List<UserError> errors = new ArrayList<>();
        DelayScope scope = request.scope();
        if (scope == null || scope.type() == null) {
            errors.add(new UserError(
                    "REQUIRED", "input.scope.type", "Choose a purchase order, a SKU at a supplier, or a supplier."));
        } else {
            switch (scope.type()) {
                case PURCHASE_ORDER -> {
                    Optional<PurchaseOrder> po = blank(scope.purchaseOrder())
                            ? Optional.empty()
                            : suppliers.purchaseOrder(scope.purchaseOrder());
                    if (po.isEmpty()) {
                        errors.add(new UserError(
                                "UNKNOWN_PURCHASE_ORDER",
                                "input.scope.purchaseOrder",
                                "There is no purchase order " + scope.purchaseOrder() + "."));
                    } else if (!po.get().isOpen()) {
                        errors.add(new UserError(
                                "PURCHASE_ORDER_RECEIVED",
                                "input.scope.purchaseOrder",
                                "Purchase order " + scope.purchaseOrder() + " was already received."));
                    }
                }
                case SKU, SUPPLIER -> {
                    if (blank(scope.supplier())
                            || suppliers.find(scope.supplier()).isEmpty()) {
                        errors.add(new UserError(
                                "UNKNOWN_SUPPLIER",
                                "input.scope.supplier",
                                "There is no supplier " + scope.supplier() + "."));
                    }
                    if (scope.type() == DelayScope.Type.SKU && blank(scope.sku())) {
                        errors.add(new UserError("REQUIRED", "input.scope.sku", "Name the SKU."));
                    }
                }
            }
        }
        if ((request.newDate() == null) == (request.daysLate() == null)) {
            errors.add(new UserError(
                    "CHANGE_REQUIRED", "input.newDate", "Give either the new date or how many days late, not both."));
        } else if (request.newDate() != null && request.newDate().isBefore(LocalDate.now(clock))) {
            errors.add(new UserError("DATE_IN_PAST", "input.newDate", "The new date cannot be in the past."));
        } else if (request.daysLate() != null && (request.daysLate() < 1 || request.daysLate() > 365)) {
            errors.add(new UserError("INVALID_DAYS", "input.daysLate", "Days late is a whole number from 1 to 365."));
        }
        if (!blank(request.reasonCode())) {
            if (reasons.find(request.reasonCode()).isEmpty()) {
                errors.add(new UserError(
                        "UNKNOWN_REASON", "input.reasonCode", "There is no reason " + request.reasonCode() + "."));
            }
        } else if (blank(request.reasonText())) {
            errors.add(new UserError(
                    "REQUIRED", "input.reasonText", "Pick a reason or write one: the customer reads it."));
        } else if (request.reasonText().length() > 300) {
            errors.add(new UserError("TOO_LONG", "input.reasonText", "A reason is at most 300 characters."));
        }
        if (request.internalNote() != null && request.internalNote().length() > 2000) {
            errors.add(new UserError("TOO_LONG", "input.internalNote", "A note is at most 2,000 characters."));
        }
        if (errors.isEmpty() && job.isRunning(scope.key())) {
            errors.add(inProgress());
        }
        return errors;
    }

    private static UserError inProgress() {
        return new UserError(
                "DELAY_IN_PROGRESS",
                "input.scope",
                "A delay for this scope is still being applied; wait for it to finish.");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value.trim();
    }
}
