package app.leadline.console;

import app.leadline.delivery.EtaCalculator;
import app.leadline.order.CustomerNews;
import app.leadline.order.NewestFirst;
import app.leadline.order.Order;
import app.leadline.order.OrderEvent;
import app.leadline.order.OrderLine;
import app.leadline.order.OrderOperations;
import app.leadline.order.OrderQueries;
import app.leadline.order.OrderRuleViolation;
import app.leadline.order.RefundRequest;
import app.leadline.order.Shelf;
import app.leadline.order.TimelineEvent;
import app.leadline.order.TrackingLinks;
import app.leadline.order.WaitingLines;
import app.leadline.platform.AuditLog;
import app.leadline.platform.PlainText;
import app.leadline.platform.UserError;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.SupplierCatalog;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** What an agent does to orders. Every method needs the {@code AGENT} role; every change is audited. */
@Service
@PreAuthorize("hasRole('AGENT')")
public class AgentDesk {

    static final int MAX_PAGE = 50;

    private final OrderQueries orders;
    private final OrderOperations operations;
    private final TrackingLinks links;
    private final SupplierCatalog suppliers;
    private final AuditLog audit;
    private final Shelf shelf;
    private final WaitingLines waitingLines;
    private final EtaCalculator etas;
    private final Clock clock;

    AgentDesk(
            OrderQueries orders,
            OrderOperations operations,
            TrackingLinks links,
            SupplierCatalog suppliers,
            AuditLog audit,
            Shelf shelf,
            WaitingLines waitingLines,
            EtaCalculator etas,
            Clock clock) {
        this.orders = orders;
        this.operations = operations;
        this.links = links;
        this.suppliers = suppliers;
        this.audit = audit;
        this.shelf = shelf;
        this.waitingLines = waitingLines;
        this.etas = etas;
        this.clock = clock;
    }

    /** The warehouse's day, which goods are received on: its staff book them just after midnight as the new day. */
    LocalDate today() {
        return etas.today();
    }

    public Optional<Order> order(String number) {
        return orders.byNumber(number);
    }

    /** A page of orders and whether there are more. */
    public record Page(List<Order> orders, boolean more) {

        /** What to pass as {@code after} for the next page; empty when this page is empty. */
        public Optional<String> endCursor() {
            return orders.isEmpty()
                    ? Optional.empty()
                    : Optional.of(NewestFirst.of(orders.get(orders.size() - 1)).cursor());
        }
    }

    public Page search(Optional<String> term, Optional<OrderQueries.Filter> filter, int first, Optional<String> after) {
        int size = Math.min(Math.max(first, 1), MAX_PAGE);
        List<Order> found = orders.search(term, filter, size + 1, after);
        return new Page(found.subList(0, Math.min(size, found.size())), found.size() > size);
    }

    /** An open refund request with its order, for the queue. */
    public record QueuedRefund(Order order, RefundRequest request) {

        /** The reasons of the delays that moved the lines asked to be refunded, as the customer read them. */
        public List<String> delayReasons() {
            return order.timeline().stream()
                    .map(TimelineEvent::event)
                    .<String>mapMulti((event, reasons) -> {
                        if (event instanceof OrderEvent.EtaMoved moved
                                && request.lineIds().contains(moved.line())) {
                            reasons.accept(moved.reason());
                        }
                    })
                    .distinct()
                    .toList();
        }
    }

    public List<QueuedRefund> refundQueue(int limit) {
        return orders.withOpenRefunds(500).stream()
                .flatMap(order -> order.refunds().stream()
                        .filter(r -> r.state() == RefundRequest.State.REQUESTED)
                        .map(r -> new QueuedRefund(order, r)))
                .sorted(Comparator.comparing(queued -> queued.request().requestedAt()))
                .limit(Math.min(Math.max(limit, 1), 100))
                .toList();
    }

    /** Lines leave in a parcel: shipped, and their amount captured through the payment port. */
    public Order recordShipment(
            String orderNumber, List<String> lineIds, String carrier, String trackingNumber, String agent) {
        requireText(carrier, "carrier");
        requireText(trackingNumber, "trackingNumber");
        if (!TRACKING_NUMBER.matcher(trackingNumber.trim()).matches()) {
            // It goes into the carrier's link and the customer's messages as it is typed.
            throw new OrderRuleViolation(
                    "INVALID_TRACKING_NUMBER",
                    "trackingNumber",
                    "A tracking number is letters and digits, with a space or '-' between them, at most "
                            + TRACKING_NUMBER_LENGTH + " characters.");
        }
        Order before = existing(orderNumber);
        Order after = operations.ship(before.id(), lineIds, carrier.trim(), trackingNumber.trim());
        Map<String, String> shipped = new LinkedHashMap<>(statuses(after, lineIds));
        shipped.put("items", String.join(", ", names(after, lineIds)));
        shipped.put("carrier", carrier.trim());
        shipped.put("trackingNumber", trackingNumber.trim());
        audit.record(agent, "RECORD_SHIPMENT", orderNumber, statuses(before, lineIds), shipped);
        return after;
    }

    /**
     * Decides a refund. A rejection says why, in the agent's words; an approval may say nothing more than its amount,
     * which its message tells each customer in their own language.
     */
    public Order decideRefund(String orderNumber, String refundId, boolean approve, String reason, String agent) {
        if (!approve) {
            requireText(reason, "reason");
        }
        if (PlainText.hasMarkup(reason)) {
            throw new OrderRuleViolation("MARKUP", "reason", PlainText.MESSAGE);
        }
        String told = reason == null ? "" : reason.trim();
        Order before = existing(orderNumber);
        Order after = operations.decideRefund(before.id(), refundId, approve, agent, told);
        waitingLines.giveBackUnitsOf(after);
        audit.record(
                agent,
                approve ? "APPROVE_REFUND" : "REJECT_REFUND",
                orderNumber + "/" + refundId,
                Map.of("state", "REQUESTED"),
                Map.of("state", approve ? "APPROVED" : "REJECTED", "reason", told));
        return after;
    }

    /**
     * What receiving goods did: lines made ready, orders that now have a shipment proposed, and orders whose customer
     * is asked whether to wait for the rest.
     */
    public record Received(
            int linesReady,
            int ordersReady,
            int askedToChoose,
            List<String> waitingLines,
            int linesFromElsewhere,
            List<String> readyOrders) {}

    /** Units of one SKU received; the same SKU given twice counts twice. */
    public record ReceivedQuantity(String sku, Integer quantity) {

        /** The units per SKU of a receipt's lines, a SKU named twice counted once with both quantities. */
        public static Map<String, Integer> perSku(List<ReceivedQuantity> received) {
            Map<String, Integer> units = new LinkedHashMap<>();
            if (received != null) {
                received.forEach(q -> units.merge(q.sku(), q.quantity(), Integer::sum));
            }
            return units;
        }
    }

    /**
     * Goods arrived against a purchase order. With quantities per SKU, the oldest orders are served first and the
     * rest keep waiting; without, every allocated line is ready and the purchase order closes.
     */
    public Received receiveGoods(
            String purchaseOrder, Map<String, Integer> quantities, LocalDate receivedOn, String agent) {
        Receipt checked = checkReceipt(purchaseOrder, quantities, receivedOn);
        SupplierCatalog.Receipted recorded =
                suppliers.recordReceipt(purchaseOrder, checked.units(), checked.arrived(), clock.instant(), agent);
        refuse(recorded.errors());
        PurchaseOrder receivedSoFar = recorded.purchaseOrder().orElseThrow();
        Shelf.Served served =
                shelf.serve(checked.purchaseOrder(), receivedSoFar, quantities.isEmpty(), checked.arrived());
        int lines = served.plan().linesReady();
        int proposed = (int) served.arrived().stream()
                .filter(after -> after.order().proposedShipment().isPresent())
                .count();
        int asked = (int) served.arrived().stream()
                .filter(after -> after.told()
                        .filter(news -> news instanceof CustomerNews.ChoiceNeeded)
                        .isPresent())
                .count();
        boolean closed = quantities.isEmpty() || receivedSoFar.fullyReceived();
        long told = served.arrived().stream()
                .filter(after -> after.told().isPresent())
                .count();
        audit.record(
                agent,
                "RECEIVE_GOODS",
                purchaseOrder,
                Map.of("status", "OPEN"),
                Map.of(
                        "linesReady",
                        String.valueOf(lines),
                        "customersTold",
                        String.valueOf(told),
                        "status",
                        closed ? "RECEIVED" : "OPEN",
                        "receivedOn",
                        checked.arrived().toString(),
                        "quantities",
                        checked.units().toString()));
        return new Received(
                lines,
                proposed,
                asked,
                served.plan().waiting(),
                served.plan().takers().size(),
                served.arrived().stream()
                        .map(after -> after.order().number())
                        .distinct()
                        .toList());
    }

    /**
     * What receiving these goods would do, before anything changes: the purchase order it is booked against, the
     * orders whose lines would become ready (oldest first), which of their customers would be told their items are
     * ready to ship and which asked whether to wait for the rest (the others are not told yet), and the lines that
     * would keep waiting.
     */
    public record ReceiptPreview(
            String purchaseOrder,
            Map<String, Integer> quantities,
            LocalDate receivedOn,
            int linesReady,
            List<String> ordersReady,
            List<String> toldReadyToShip,
            List<String> askedToChoose,
            Map<String, Integer> unitsLeftOver,
            Map<String, Integer> unitsHeldForWaiting,
            List<String> waitingLines,
            List<SpareTaken> spareTaken,
            boolean closes) {}

    /**
     * A line waiting elsewhere that spare units of the receipt make ready: it moves to the purchase order received.
     *
     * @param from the purchase order it waited for; null when it waited to be ordered
     */
    public record SpareTaken(String orderNumber, String sku, int quantity, String from) {}

    public ReceiptPreview previewReceipt(String purchaseOrder, Map<String, Integer> quantities, LocalDate receivedOn) {
        Receipt checked = checkReceipt(purchaseOrder, quantities, receivedOn);
        PurchaseOrder po = checked.purchaseOrder();
        List<PurchaseOrder.Line> after = po.lines().stream()
                .map(line -> new PurchaseOrder.Line(
                        line.sku(),
                        line.ordered(),
                        line.allocated(),
                        line.received() + checked.units().getOrDefault(line.sku(), 0)))
                .toList();
        PurchaseOrder receivedSoFar = po.withLines(after);
        Shelf.Plan plan = shelf.planSharing(po, receivedSoFar, quantities.isEmpty());
        // Oldest order first, the lines that take spare units among the purchase order's own; each order's news as the
        // receipt would leave it, in one change: its own lines and those taking spare units.
        List<Order> oldestFirst = plan.ordersReady().stream()
                .sorted(Comparator.comparing(Order::placedAt).thenComparing(Order::id))
                .toList();
        Map<String, Map<String, String>> takers = plan.takersByOrder();
        List<String> toldReady = new ArrayList<>();
        List<String> askedToChoose = new ArrayList<>();
        for (Order order : oldestFirst) {
            Optional<CustomerNews> told = operations.newsIfArrived(
                    order,
                    plan.ready().getOrDefault(order.id(), List.of()),
                    takers.getOrDefault(order.id(), Map.of()),
                    po.number(),
                    checked.arrived());
            if (told.filter(CustomerNews.ReadyToShip.class::isInstance).isPresent()) {
                toldReady.add(order.number());
            } else if (told.filter(CustomerNews.ChoiceNeeded.class::isInstance).isPresent()) {
                askedToChoose.add(order.number());
            }
        }
        return new ReceiptPreview(
                po.number(),
                checked.units(),
                checked.arrived(),
                plan.linesReady(),
                oldestFirst.stream().map(Order::number).toList(),
                toldReady,
                askedToChoose,
                plan.free(),
                plan.held(),
                plan.waiting(),
                plan.takers().stream()
                        .map(taker ->
                                new SpareTaken(taker.order().number(), taker.sku(), taker.quantity(), taker.from()))
                        .toList(),
                quantities.isEmpty() || receivedSoFar.fullyReceived());
    }

    /** Refuses the receipt as the purchase order did, each refusal (several SKUs may be wrong) at the field it named. */
    private static void refuse(List<UserError> refused) {
        if (!refused.isEmpty()) {
            throw OrderRuleViolation.all(refused.stream()
                    .map(error -> new OrderRuleViolation(
                            error.code(), error.field().replaceFirst("^input\\.", ""), error.message()))
                    .toList());
        }
    }

    /** A receipt that passed the checks that need no store write: the purchase order, the day, the units per SKU. */
    private record Receipt(PurchaseOrder purchaseOrder, LocalDate arrived, Map<String, Integer> units) {}

    private Receipt checkReceipt(String purchaseOrder, Map<String, Integer> quantities, LocalDate receivedOn) {
        PurchaseOrder po = suppliers
                .purchaseOrder(purchaseOrder)
                .orElseThrow(() -> new OrderRuleViolation(
                        "UNKNOWN_PURCHASE_ORDER",
                        "purchaseOrder",
                        "There is no purchase order " + purchaseOrder + "."));
        if (po.status() == PurchaseOrder.Status.CANCELLED) {
            throw new OrderRuleViolation(
                    "PURCHASE_ORDER_CANCELLED", "purchaseOrder", "Purchase order " + purchaseOrder + " was cancelled.");
        }
        if (!po.isOpen()) {
            throw new OrderRuleViolation(
                    "PURCHASE_ORDER_RECEIVED",
                    "purchaseOrder",
                    "Purchase order " + purchaseOrder + " was already received.");
        }
        // Everything the receipt gets wrong is said at once, each beside its field: the units of each SKU (kept in the
        // order they were sent in), then the day.
        List<UserError> refused = new ArrayList<>();
        List<String> skus = List.copyOf(quantities.keySet());
        quantities.forEach((sku, quantity) -> {
            if (quantity == null || quantity < 0) {
                refused.add(new UserError(
                        "INVALID_QUANTITY",
                        PurchaseOrder.quantityField(skus.indexOf(sku)),
                        "A received quantity is zero or more."));
            }
        });
        LocalDate today = today();
        LocalDate arrived = receivedOn == null ? today : receivedOn;
        if (arrived.isAfter(today)) {
            refused.add(new UserError("RECEIVED_IN_FUTURE", "receivedOn", "Goods cannot have arrived after today."));
        }
        po.sentAfter(arrived)
                .ifPresent(message -> refused.add(new UserError("RECEIVED_BEFORE_SENT", "receivedOn", message)));
        if (refused.stream().noneMatch(error -> error.code().equals("INVALID_QUANTITY"))) {
            refused.addAll(po.refusedReceipt(quantities));
        }
        refuse(refused);
        // Without quantities everything still to come arrived: what was ordered, or, on a purchase order from
        // before quantities were kept, what customers wait for.
        Map<String, Integer> receipt = new LinkedHashMap<>(quantities);
        if (quantities.isEmpty()) {
            for (PurchaseOrder.Line line : po.lines()) {
                int units = line.ordered() != null
                        ? line.ordered() - line.received()
                        : Math.max(0, line.allocated() - line.received());
                if (units > 0) {
                    receipt.put(line.sku(), units);
                }
            }
        }
        return new Receipt(po, arrived, receipt);
    }

    public String reissueTrackingLink(String orderNumber, String agent) {
        String link = links.reissue(orderNumber)
                .orElseThrow(() -> new OrderRuleViolation(
                        "UNKNOWN_ORDER", "orderNumber", "There is no order " + orderNumber + "."));
        audit.record(agent, "REISSUE_TRACKING_LINK", orderNumber, Map.of(), Map.of());
        return link;
    }

    public void revokeTrackingLink(String orderNumber, String agent) {
        if (!links.revoke(orderNumber)) {
            throw new OrderRuleViolation("UNKNOWN_ORDER", "orderNumber", "There is no order " + orderNumber + ".");
        }
        audit.record(agent, "REVOKE_TRACKING_LINK", orderNumber, Map.of("link", "ACTIVE"), Map.of("link", "REVOKED"));
    }

    private static List<String> names(Order order, List<String> lineIds) {
        return order.lines().stream()
                .filter(line -> lineIds.contains(line.id()))
                .map(OrderLine::name)
                .toList();
    }

    private static Map<String, String> statuses(Order order, List<String> lineIds) {
        Map<String, String> statuses = new LinkedHashMap<>();
        order.lines().stream()
                .filter(line -> lineIds.contains(line.id()))
                .forEach(line -> statuses.put(line.id(), line.status() + "/" + line.payment()));
        return statuses;
    }

    private Order existing(String number) {
        return orders.byNumber(number)
                .orElseThrow(() ->
                        new OrderRuleViolation("UNKNOWN_ORDER", "orderNumber", "There is no order " + number + "."));
    }

    private static final int TRACKING_NUMBER_LENGTH = 40;
    private static final java.util.regex.Pattern TRACKING_NUMBER =
            java.util.regex.Pattern.compile("(?=.{1," + TRACKING_NUMBER_LENGTH + "}$)[A-Za-z0-9]+([ -][A-Za-z0-9]+)*");

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new OrderRuleViolation("REQUIRED", field, field + " is required.");
        }
    }
}
