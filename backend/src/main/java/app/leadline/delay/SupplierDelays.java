package app.leadline.delay;

import app.leadline.delay.DelayChunk.Target;
import app.leadline.delivery.EtaCalculator;
import app.leadline.order.OrderQueries;
import app.leadline.platform.AuditLog;
import app.leadline.platform.PlainText;
import app.leadline.platform.UserError;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.SupplierCatalog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
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

    /** The most lines a preview lists when asked for them all. */
    static final int MOST_LISTED = 2_000;

    private final SupplierCatalog suppliers;
    private final OrderQueries orders;
    private final DelayReasons reasons;
    private final Cascades cascades;
    private final MongoTemplate mongo;
    private final AuditLog audit;
    private final Clock clock;
    private final EtaCalculator etas;
    private final MeterRegistry meters;

    SupplierDelays(
            SupplierCatalog suppliers,
            OrderQueries orders,
            DelayReasons reasons,
            Cascades cascades,
            MongoTemplate mongo,
            AuditLog audit,
            Clock clock,
            EtaCalculator etas,
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
        this.reasons = reasons;
        this.cascades = cascades;
        this.mongo = mongo;
        this.clock = clock;
        this.etas = etas;
    }

    /** Either the preview or what is wrong with the request. */
    public record Previewed(Optional<DelayPreview> preview, List<UserError> errors) {}

    public Previewed preview(DelayRequest request) {
        return preview(request, SAMPLE_SIZE);
    }

    /**
     * As {@link #preview(DelayRequest)}, listing up to {@code listed} of the lines it moves (at least the usual few,
     * at most {@value #MOST_LISTED}): every line, when the agent asks to read them all before telling their customers.
     */
    public Previewed preview(DelayRequest request, int listed) {
        List<UserError> errors = check(request);
        if (!errors.isEmpty()) {
            return new Previewed(Optional.empty(), errors);
        }
        int size = Math.min(Math.max(listed, SAMPLE_SIZE), MOST_LISTED);
        return new Previewed(
                Optional.of(cascades.preview(
                        draft(request, clock.instant()), DelayPlan.of(request, suppliers, orders), size)),
                List.of());
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
        DelayPreview preview = cascades.preview(draft(request, clock.instant()), plan, SAMPLE_SIZE);
        String id = UUID.randomUUID().toString();
        List<List<Target>> chunks = plan.chunks(cascades.chunkSize());
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
                0,
                request.scope().key(),
                null,
                chunks.size(),
                DelayReport.Kind.DELAY,
                null,
                null,
                Map.of(),
                arrivalsBefore(plan, request.scope()),
                null);
        if (!cascades.begin(report, chunks)) {
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
        Map<String, String> logged = new TreeMap<>(report.audited());
        logged.put("lines", String.valueOf(preview.lines()));
        // What customers read, as a code of the shop's reasons or the words typed, and the note agents read.
        Optional.ofNullable(blankToNull(request.reasonCode())).ifPresent(code -> logged.put("reasonCode", code));
        Optional.ofNullable(blankToNull(request.reasonText())).ifPresent(text -> logged.put("reason", text));
        Optional.ofNullable(blankToNull(request.internalNote())).ifPresent(note -> logged.put("note", note));
        audit.record(agent, "LOG_DELAY", id, Map.of(), logged);
        cascades.start(id);
        meters.counter("leadline.delays.logged").increment();
        return new Logged(Optional.of(report), List.of());
    }

    /** The expected arrivals a delay moves, as they were before it: what withdrawing it restores. */
    private static Map<String, LocalDate> arrivalsBefore(DelayPlan plan, DelayScope scope) {
        Map<String, LocalDate> before = new TreeMap<>();
        if (scope.type() != DelayScope.Type.SKU) {
            plan.purchaseOrders().forEach(po -> before.put(po.number(), po.expectedArrival()));
        }
        return before;
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
            } else if (PlainText.hasMarkup(text.getValue())) {
                errors.add(PlainText.markupAt("input.texts." + text.getKey()));
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
        // A reason reworded names its words before, so that what a language lost can be read back.
        Map<String, String> before = reasons.find(code).map(DelayReason::texts).orElse(Map.of());
        DelayReason saved = reasons.save(new DelayReason(code, clean));
        audit.record(admin, "DEFINE_DELAY_REASON", code, before, clean);
        return new Logged.ReasonDefined(Optional.of(saved), List.of());
    }

    public List<DelayReason> reasons() {
        return reasons.all();
    }

    private static DelayReport draft(DelayRequest request, Instant now) {
        return new DelayReport(
                "preview",
                request.scope(),
                request.newDate(),
                request.daysLate(),
                null,
                null,
                null,
                null,
                now,
                null,
                null,
                0,
                0,
                0,
                0,
                null,
                null,
                0,
                DelayReport.Kind.DELAY,
                null,
                null,
                Map.of(),
                Map.of(),
                null);
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
                    if (blank(scope.supplier())) {
                        errors.add(new UserError("REQUIRED", "input.scope.supplier", "Choose the supplier."));
                    } else if (suppliers.find(scope.supplier()).isEmpty()) {
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
        if (request.newDate() == null && request.daysLate() == null) {
            errors.add(new UserError("CHANGE_REQUIRED", "input.newDate", "Give the new date or how many days late."));
        } else if (request.newDate() != null && request.daysLate() != null) {
            errors.add(new UserError(
                    "CHANGE_REQUIRED", "input.newDate", "Give either the new date or how many days late, not both."));
        } else if (request.newDate() != null && request.newDate().isBefore(etas.today())) {
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
        } else if (PlainText.hasMarkup(request.reasonText())) {
            errors.add(PlainText.markupAt("input.reasonText"));
        }
        if (request.internalNote() != null && request.internalNote().length() > 2000) {
            errors.add(new UserError("TOO_LONG", "input.internalNote", "A note is at most 2,000 characters."));
        }
        if (errors.isEmpty() && cascades.isRunning(scope.key())) {
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
