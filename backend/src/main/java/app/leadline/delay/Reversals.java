package app.leadline.delay;

import app.leadline.delivery.EtaCalculator;
import app.leadline.order.LineStatus;
import app.leadline.order.Order;
import app.leadline.order.OrderLine;
import app.leadline.order.OrderQueries;
import app.leadline.order.SystemNote;
import app.leadline.platform.AuditLog;
import app.leadline.platform.UserError;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.SupplierCatalog;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Taking back what was recorded by mistake, through the delay cascade: a delay withdrawn (the lines it moved go back
 * to their dates before), a receipt booked against the wrong purchase order reversed (the lines it made ready wait
 * again). Each is previewed first; customers are told only when their latest day moves, as by a delay. Every method
 * needs the {@code AGENT} role; every change is audited.
 */
@Service
@PreAuthorize("hasRole('AGENT')")
class Reversals {

    /** How many of the dates that move a preview names one by one. */
    static final int LISTED = 100;

    private final SupplierCatalog suppliers;
    private final OrderQueries orders;
    private final Cascades cascades;
    private final MongoTemplate mongo;
    private final AuditLog audit;
    private final Clock clock;
    private final EtaCalculator etas;

    Reversals(
            SupplierCatalog suppliers,
            OrderQueries orders,
            Cascades cascades,
            MongoTemplate mongo,
            AuditLog audit,
            Clock clock,
            EtaCalculator etas) {
        this.suppliers = suppliers;
        this.orders = orders;
        this.cascades = cascades;
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
        this.etas = etas;
    }

    // --- A delay withdrawn ---------------------------------------------------------------------------------------

    /** A purchase order's expected arrival that moves back to what it was before the delay. */
    public record ArrivalBack(String purchaseOrder, LocalDate from, LocalDate to) {}

    /**
     * What withdrawing a delay does: the delay, the expected arrivals that move back, and the cascade (lines whose
     * latest day moves back, their customers); with {@code report} once it is under way.
     */
    public record Withdrawal(
            DelayReport delay, List<ArrivalBack> arrivals, DelayPreview preview, Optional<DelayReport> report) {}

    /** Either the withdrawal or what stands in its way; nothing changes on errors. */
    public record Withdrawn(Optional<Withdrawal> withdrawal, List<UserError> errors) {

        static Withdrawn refused(String code, String message) {
            return new Withdrawn(Optional.empty(), List.of(new UserError(code, "input.delay", message)));
        }
    }

    /** A withdrawal worked out, not yet done. */
    private record WithdrawalPlan(
            DelayReport delay, DelayReport draft, DelayPlan plan, List<ArrivalBack> arrivals, DelayPreview preview) {}

    public Withdrawn previewWithdrawal(String delayId) {
        return planWithdrawal(delayId, null)
                .map(plan -> new Withdrawn(
                        Optional.of(new Withdrawal(plan.delay(), plan.arrivals(), plan.preview(), Optional.empty())),
                        List.of()))
                .orElseGet(() -> refusal(delayId));
    }

    public Withdrawn withdraw(String delayId, String agent) {
        Optional<WithdrawalPlan> planned = planWithdrawal(delayId, agent);
        if (planned.isEmpty()) {
            return refusal(delayId);
        }
        WithdrawalPlan plan = planned.get();
        DelayReport report = plan.draft();
        // Marked first, on the condition that nobody marked it before: two agents withdrawing at once get one
        // withdrawal.
        boolean first = mongo.updateFirst(
                                Query.query(Criteria.where("_id")
                                        .is(delayId)
                                        .and("withdrawnBy")
                                        .exists(false)),
                                Update.update("withdrawnBy", report.id()),
                                DelayReport.class)
                        .getModifiedCount()
                == 1;
        if (!first) {
            return Withdrawn.refused("ALREADY_WITHDRAWN", "This delay was already withdrawn.");
        }
        if (!cascades.begin(report, plan.plan().chunks(cascades.chunkSize()))) {
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(delayId)),
                    new Update().unset("withdrawnBy"),
                    DelayReport.class);
            return Withdrawn.refused("DELAY_IN_PROGRESS", inProgress());
        }
        // Lines placed from now on are promised by the arrival as it was before the delay.
        plan.arrivals().forEach(back -> suppliers.moveExpectedArrival(back.purchaseOrder(), back.to()));
        if (report.state() == DelayReport.State.RUNNING) {
            cascades.start(report.id());
        }
        Map<String, String> after = new TreeMap<>();
        after.put("withdrawal", report.id());
        after.put("lines", String.valueOf(plan.preview().lines()));
        after.put("customers", String.valueOf(plan.preview().customers()));
        plan.arrivals()
                .forEach(back -> after.put(back.purchaseOrder(), back.to().toString()));
        // The delay named as its own entry named it, so that a reader need not look its id up.
        Map<String, String> before = new TreeMap<>(plan.delay().audited());
        plan.arrivals()
                .forEach(back -> before.put(back.purchaseOrder(), back.from().toString()));
        audit.record(agent, "WITHDRAW_DELAY", delayId, before, after);
        return new Withdrawn(
                Optional.of(new Withdrawal(plan.delay(), plan.arrivals(), plan.preview(), Optional.of(report))),
                List.of());
    }

    private Optional<WithdrawalPlan> planWithdrawal(String delayId, String agent) {
        DelayReport delay = delayId == null ? null : mongo.findById(delayId, DelayReport.class);
        if (delay == null
                || delay.kind() != DelayReport.Kind.DELAY
                || delay.withdrawnBy() != null
                || delay.state() != DelayReport.State.DONE
                || cascades.isRunning(delay.scope().key())) {
            return Optional.empty();
        }
        Map<String, List<String>> linesByOrder = new LinkedHashMap<>();
        mongo.find(Query.query(Criteria.where("report").is(delayId)), DelayChunk.class).stream()
                .sorted(Comparator.comparingInt(DelayChunk::seq))
                .flatMap(chunk -> chunk.targets().stream())
                .forEach(target -> linesByOrder
                        .computeIfAbsent(target.orderId(), id -> new ArrayList<>())
                        .addAll(target.lineIds()));
        // Lines placed after the delay was logged, which it held from the start (OrderIntake), go back too.
        for (OrderQueries.LineRef held : orders.openLinesLastMovedBy(delayId)) {
            List<String> lines = linesByOrder.computeIfAbsent(held.orderId(), id -> new ArrayList<>());
            if (!lines.contains(held.lineId())) {
                lines.add(held.lineId());
            }
        }
        Map<String, PurchaseOrder> purchaseOrders = DelayJob.purchaseOrdersOf(suppliers, delay.scope());
        // Lines waiting for a purchase order are projected from its arrival before the delay; a SKU's delay did not
        // move the purchase order's own date, so that is the one to go back to.
        Map<String, LocalDate> arrivals = new TreeMap<>();
        List<ArrivalBack> moves = new ArrayList<>();
        for (PurchaseOrder po : purchaseOrders.values()) {
            boolean moved = delay.scope().type() != DelayScope.Type.SKU;
            LocalDate before = delay.arrivalsBefore()
                    .getOrDefault(po.number(), moved ? po.plannedArrival() : po.expectedArrival());
            arrivals.put(po.number(), before);
            if (moved
                    && po.isOpen()
                    && po.expectedArrival().equals(delay.arrivalFor(po))
                    && !before.equals(po.expectedArrival())
                    && (delay.arrivalsBefore().isEmpty()
                            || delay.arrivalsBefore().containsKey(po.number()))) {
                moves.add(new ArrivalBack(po.number(), po.expectedArrival(), before));
            }
        }
        DelayPlan plan = DelayPlan.of(purchaseOrders, linesByOrder);
        DelayReport draft = correction(
                DelayReport.Kind.WITHDRAWAL,
                delay.scope(),
                delayId,
                arrivals,
                SystemNote.withdrawn(delay.id(), delay.createdBy(), delay.createdAt()),
                agent,
                plan);
        DelayPreview preview = cascades.preview(draft, plan, LISTED);
        draft = withPreview(draft, preview);
        return Optional.of(new WithdrawalPlan(delay, draft, plan, List.copyOf(moves), preview));
    }

    private Withdrawn refusal(String delayId) {
        DelayReport delay = delayId == null ? null : mongo.findById(delayId, DelayReport.class);
        if (delay == null) {
            return Withdrawn.refused("UNKNOWN_DELAY", "There is no delay " + delayId + ".");
        }
        if (delay.kind() != DelayReport.Kind.DELAY) {
            return Withdrawn.refused(
                    "NOT_A_DELAY", "Only a supplier's delay can be withdrawn; this is a correction of one.");
        }
        if (delay.withdrawnBy() != null) {
            return Withdrawn.refused("ALREADY_WITHDRAWN", "This delay was already withdrawn.");
        }
        return Withdrawn.refused("DELAY_IN_PROGRESS", inProgress());
    }

    // --- A receipt reversed --------------------------------------------------------------------------------------

    /** A customer order line a reversed receipt had made ready, which waits for the purchase order again. */
    public record LineBack(String orderNumber, String lineId, String lineName, int quantity) {}

    /**
     * What reversing a receipt does: the purchase order and the receipt's units, the lines that go back to waiting,
     * whether the purchase order opens again, the arrival their dates are projected from, and the cascade (lines
     * whose latest day moves, their customers); with {@code report} once it is under way.
     */
    public record ReceiptReversal(
            String purchaseOrder,
            Instant recordedAt,
            LocalDate receivedOn,
            Map<String, Integer> quantities,
            List<LineBack> linesBack,
            boolean reopens,
            LocalDate arrival,
            DelayPreview preview,
            Optional<DelayReport> report) {}

    /** Either the reversal or what stands in its way; nothing changes on errors. */
    public record ReceiptReversed(Optional<ReceiptReversal> reversal, List<UserError> errors) {}

    /** A reversal worked out, not yet done. */
    private record ReversalPlan(ReceiptReversal reversal, DelayReport draft, DelayPlan plan) {}

    public ReceiptReversed previewReceiptReversal(String purchaseOrder, Instant recordedAt) {
        List<UserError> errors = new ArrayList<>();
        Optional<ReversalPlan> plan = planReversal(purchaseOrder, recordedAt, null, errors);
        return new ReceiptReversed(plan.map(ReversalPlan::reversal), errors);
    }

    public ReceiptReversed reverseReceipt(String purchaseOrder, Instant recordedAt, String agent) {
        List<UserError> errors = new ArrayList<>();
        Optional<ReversalPlan> planned = planReversal(purchaseOrder, recordedAt, agent, errors);
        if (planned.isEmpty()) {
            return new ReceiptReversed(Optional.empty(), errors);
        }
        ReversalPlan plan = planned.get();
        DelayReport report = plan.draft();
        // The cascade's plan is stored before the receipt goes, so that a crash in between leaves work that resumes
        // (and takes the receipt back first), not lines ready for goods the purchase order no longer has.
        if (!cascades.begin(report, plan.plan().chunks(cascades.chunkSize()))) {
            return new ReceiptReversed(
                    Optional.empty(), List.of(new UserError("DELAY_IN_PROGRESS", "input.purchaseOrder", inProgress())));
        }
        // Found here a moment ago; if it is gone now, the job resuming this plan took it back first (DelayJob does,
        // so that a crash right here still ends with the receipt gone and its lines waiting).
        suppliers.reverseReceipt(purchaseOrder, recordedAt);
        if (report.state() == DelayReport.State.RUNNING) {
            cascades.start(report.id());
        }
        ReceiptReversal reversal = plan.reversal();
        audit.record(
                agent,
                "REVERSE_RECEIPT",
                purchaseOrder,
                Map.of(
                        "receipt", recordedAt.toString(),
                        "quantities", reversal.quantities().toString(),
                        "status", reversal.reopens() ? "RECEIVED" : "OPEN"),
                Map.of(
                        "linesBack", String.valueOf(reversal.linesBack().size()),
                        "customersTold", String.valueOf(reversal.preview().customers()),
                        "status", "OPEN"));
        return new ReceiptReversed(
                Optional.of(new ReceiptReversal(
                        reversal.purchaseOrder(),
                        reversal.recordedAt(),
                        reversal.receivedOn(),
                        reversal.quantities(),
                        reversal.linesBack(),
                        reversal.reopens(),
                        reversal.arrival(),
                        reversal.preview(),
                        Optional.of(report))),
                List.of());
    }

    private Optional<ReversalPlan> planReversal(
            String number, Instant recordedAt, String agent, List<UserError> errors) {
        Optional<PurchaseOrder> found =
                number == null || number.isBlank() ? Optional.empty() : suppliers.purchaseOrder(number.trim());
        if (found.isEmpty()) {
            errors.add(new UserError(
                    "UNKNOWN_PURCHASE_ORDER", "input.purchaseOrder", "There is no purchase order " + number + "."));
            return Optional.empty();
        }
        PurchaseOrder po = found.get();
        if (po.status() == PurchaseOrder.Status.CANCELLED) {
            errors.add(new UserError(
                    "PURCHASE_ORDER_CANCELLED", "input.purchaseOrder", "Purchase order " + number + " was cancelled."));
            return Optional.empty();
        }
        Map<String, Integer> units = recordedAt == null ? Map.of() : po.receiptUnits(recordedAt);
        if (units.isEmpty()) {
            errors.add(unknownReceipt(number));
            return Optional.empty();
        }
        DelayScope scope = new DelayScope(DelayScope.Type.PURCHASE_ORDER, po.number(), null, null);
        if (cascades.isRunning(scope.key())) {
            errors.add(new UserError("DELAY_IN_PROGRESS", "input.purchaseOrder", inProgress()));
            return Optional.empty();
        }
        // The goods taken back are those the lines this receipt made ready took: the units the purchase order keeps go
        // first to the lines its other receipts made ready, oldest order first, so that a customer whose goods did come
        // is not told they did not. (Receipts serve the oldest orders first: where the timeline no longer says when a
        // line was made ready, the newest ready lines give theirs back.)
        Map<String, Integer> left = new LinkedHashMap<>();
        po.lines().forEach(line -> left.put(line.sku(), line.received() - units.getOrDefault(line.sku(), 0)));
        Map<String, List<String>> linesByOrder = new LinkedHashMap<>();
        List<LineBack> back = new ArrayList<>();
        Instant nextReceipt = po.receipts().stream()
                .map(PurchaseOrder.Receipt::recordedAt)
                .filter(at -> at != null && at.isAfter(recordedAt))
                .min(Comparator.naturalOrder())
                .orElse(Instant.MAX);
        List<OrderQueries.Allocated> oldestFirst = orders.allocatedOldestFirst(po);
        List<OrderQueries.Allocated> otherReceiptsFirst = new ArrayList<>();
        List<OrderQueries.Allocated> thisReceipts = new ArrayList<>();
        for (OrderQueries.Allocated allocated : oldestFirst) {
            boolean madeReadyByIt = allocated
                    .order()
                    .madeReadyAt(allocated.line().id())
                    .filter(at -> !at.isBefore(recordedAt) && at.isBefore(nextReceipt))
                    .isPresent();
            (madeReadyByIt ? thisReceipts : otherReceiptsFirst).add(allocated);
        }
        otherReceiptsFirst.addAll(thisReceipts);
        for (OrderQueries.Allocated allocated : otherReceiptsFirst) {
            Order order = allocated.order();
            OrderLine line = allocated.line();
            if (!units.containsKey(line.sku())
                    || line.status() == LineStatus.AWAITING_SUPPLIER
                    || line.status() == LineStatus.CANCELLED
                    || line.status() == LineStatus.REFUNDED) {
                continue;
            }
            int available = left.getOrDefault(line.sku(), 0);
            if (available >= line.quantity()) {
                left.put(line.sku(), available - line.quantity());
            } else if (line.status() == LineStatus.READY) {
                back.add(new LineBack(order.number(), line.id(), line.name(), line.quantity()));
                linesByOrder
                        .computeIfAbsent(order.id(), id -> new ArrayList<>())
                        .add(line.id());
            } else {
                errors.add(new UserError(
                        "LINE_SHIPPED",
                        "input.recordedAt",
                        "Order " + order.number() + " line " + line.id() + " (" + line.name()
                                + ") has already shipped from this receipt; it cannot go back to waiting."));
            }
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = etas.today();
        LocalDate arrival = po.expectedArrival().isBefore(today) ? today : po.expectedArrival();
        DelayPlan plan = DelayPlan.of(Map.of(po.number(), po), linesByOrder);
        LocalDate receivedOn = po.receipts().stream()
                .filter(receipt -> recordedAt.equals(receipt.recordedAt()))
                .map(PurchaseOrder.Receipt::receivedOn)
                .findFirst()
                .orElseThrow();
        DelayReport draft = correction(
                DelayReport.Kind.RECEIPT_REVERSAL,
                scope,
                po.number() + "@" + recordedAt,
                // Projected from the purchase order's own date: one already passed is as late as the watch has it.
                Map.of(po.number(), po.expectedArrival()),
                SystemNote.receiptTakenBack(po.number(), receivedOn, units),
                agent,
                plan);
        // The lines wait for what has not come of the purchase order: projected without what its receipts taught.
        DelayPreview preview =
                cascades.preview(draft, plan, LISTED, cascades.lateness().currentWithoutReceiptsOf(po.number()));
        ReceiptReversal reversal = new ReceiptReversal(
                po.number(),
                recordedAt,
                receivedOn,
                units,
                List.copyOf(back),
                po.status() == PurchaseOrder.Status.RECEIVED,
                arrival,
                preview,
                Optional.empty());
        return Optional.of(new ReversalPlan(reversal, withPreview(draft, preview), plan));
    }

    private static UserError unknownReceipt(String purchaseOrder) {
        return new UserError(
                "UNKNOWN_RECEIPT",
                "input.recordedAt",
                "Purchase order " + purchaseOrder + " has no such receipt; it may have been reversed already.");
    }

    // --- Both ----------------------------------------------------------------------------------------------------

    /**
     * A correction's report as it is stored: running while it has lines to visit, done at once when it has none.
     * Customers read no reason: the news is the date itself.
     */
    private DelayReport correction(
            DelayReport.Kind kind,
            DelayScope scope,
            String reverses,
            Map<String, LocalDate> arrivals,
            SystemNote note,
            String agent,
            DelayPlan plan) {
        boolean work = plan.lineCount() > 0;
        Instant now = clock.instant();
        return new DelayReport(
                UUID.randomUUID().toString(),
                scope,
                null,
                null,
                null,
                "",
                null,
                agent,
                now,
                work ? DelayReport.State.RUNNING : DelayReport.State.DONE,
                null,
                plan.orderIds().size(),
                0,
                0,
                0,
                work ? scope.key() : null,
                work ? null : now,
                plan.chunks(cascades.chunkSize()).size(),
                kind,
                reverses,
                null,
                arrivals,
                Map.of(),
                note);
    }

    private static DelayReport withPreview(DelayReport draft, DelayPreview preview) {
        return new DelayReport(
                draft.id(),
                draft.scope(),
                draft.newDate(),
                draft.daysLate(),
                draft.reasonCode(),
                draft.reasonText(),
                draft.internalNote(),
                draft.createdBy(),
                draft.createdAt(),
                draft.state(),
                preview,
                draft.totalOrders(),
                draft.processedOrders(),
                draft.movedLines(),
                draft.movedOrders(),
                draft.runningScope(),
                draft.finishedAt(),
                draft.chunks(),
                draft.kind(),
                draft.reverses(),
                draft.withdrawnBy(),
                draft.arrivals(),
                draft.arrivalsBefore(),
                draft.systemNote());
    }

    private static String inProgress() {
        return "A delay for this purchase order or supplier is still being applied; wait for it to finish.";
    }
}
