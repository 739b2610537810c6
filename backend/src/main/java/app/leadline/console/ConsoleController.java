package app.leadline.console;

import app.leadline.notification.Notifications;
import app.leadline.notification.OutboxMessage;
import app.leadline.order.Order;
import app.leadline.order.OrderChangeFeed;
import app.leadline.order.OrderEvent;
import app.leadline.order.OrderQueries;
import app.leadline.order.OrderRuleViolation;
import app.leadline.order.RefundRequest;
import app.leadline.order.TimelineEvent;
import app.leadline.platform.AuditLog;
import app.leadline.platform.UserError;
import app.leadline.policy.PolicyCatalog;
import app.leadline.policy.SegmentPolicy;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The console's GraphQL entry: agents' orders and actions, the outbox, admins' segment policies. */
@Controller
class ConsoleController {

    private static final Set<String> PREFERENCES = Set.of("WAIT_FOR_ALL", "SHIP_AS_AVAILABLE");

    private final AgentDesk desk;
    private final Notifications notifications;
    private final PolicyCatalog policies;
    private final AuditLog audit;
    private final OrderChangeFeed feed;
    private final OrderQueries orders;

    ConsoleController(
            AgentDesk desk,
            Notifications notifications,
            PolicyCatalog policies,
            AuditLog audit,
            OrderChangeFeed feed,
            OrderQueries orders) {
        this.feed = feed;
        this.orders = orders;
        this.audit = audit;
        this.desk = desk;
        this.notifications = notifications;
        this.policies = policies;
    }

    @QueryMapping
    AgentOrder agentOrder(@Argument String number) {
        return desk.order(number).map(AgentOrder::of).orElse(null);
    }

    record OrderPage(List<AgentOrder> orders, String endCursor, boolean hasNextPage) {}

    @QueryMapping
    OrderPage searchOrders(
            @Argument String term,
            @Argument OrderQueries.Filter filter,
            @Argument Integer first,
            @Argument String after) {
        AgentDesk.Page page = desk.search(
                Optional.ofNullable(term),
                Optional.ofNullable(filter),
                first == null ? 20 : first,
                Optional.ofNullable(after));
        List<AgentOrder> found = page.orders().stream().map(AgentOrder::of).toList();
        return new OrderPage(
                found,
                page.orders().isEmpty()
                        ? null
                        : page.orders().get(page.orders().size() - 1).id(),
                page.more());
    }

    record QueuedRefund(
            String orderNumber,
            String customerName,
            String currency,
            RefundRequest refund,
            List<String> delayReasons) {}

    @QueryMapping
    List<QueuedRefund> refundQueue(@Argument Integer first) {
        return desk.refundQueue(first == null ? 50 : first).stream()
                .map(queued -> new QueuedRefund(
                        queued.order().number(),
                        queued.order().customer().name(),
                        queued.order().currency(),
                        queued.request(),
                        queued.order().timeline().stream()
                                .map(TimelineEvent::event)
                                .<String>mapMulti((event, reasons) -> {
                                    if (event instanceof OrderEvent.EtaMoved moved
                                            && queued.request().lineIds().contains(moved.line())) {
                                        reasons.accept(moved.reason());
                                    }
                                })
                                .distinct()
                                .toList()))
                .toList();
    }

    record AuditEntryView(
            String actor,
            Instant at,
            String action,
            String target,
            List<AgentOrder.Detail> before,
            List<AgentOrder.Detail> after) {}

    @QueryMapping
    List<AuditEntryView> auditLog(@Argument Integer first, @Argument Instant before) {
        return audit.read(first == null ? 50 : first, before).stream()
                .map(entry -> new AuditEntryView(
                        entry.actor(),
                        entry.at(),
                        entry.action(),
                        entry.target(),
                        details(entry.before()),
                        details(entry.after())))
                .toList();
    }

    private static List<AgentOrder.Detail> details(Map<String, String> values) {
        return values == null
                ? List.of()
                : values.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(entry -> new AgentOrder.Detail(entry.getKey(), entry.getValue()))
                        .toList();
    }

    record ReceivedQuantity(String sku, Integer quantity) {}

    record ReceiveGoodsInput(String purchaseOrder, List<ReceivedQuantity> quantities, java.time.LocalDate receivedOn) {}

    record ReceiveGoodsPayload(
            Integer linesReady, Integer ordersReady, List<String> waitingLines, List<UserError> errors) {}

    @MutationMapping
    ReceiveGoodsPayload receiveGoods(@Argument ReceiveGoodsInput input, Principal agent) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        if (input.quantities() != null) {
            input.quantities().forEach(q -> quantities.merge(q.sku(), q.quantity(), Integer::sum));
        }
        try {
            AgentDesk.Received received =
                    desk.receiveGoods(input.purchaseOrder(), quantities, input.receivedOn(), agent.getName());
            return new ReceiveGoodsPayload(
                    received.linesReady(), received.ordersReady(), received.waitingLines(), List.of());
        } catch (OrderRuleViolation refused) {
            return new ReceiveGoodsPayload(null, null, null, List.of(refused.asUserError()));
        }
    }

    record OrderNumberInput(String orderNumber) {}

    record ReissueTrackingLinkPayload(String trackingUrl, List<UserError> errors) {}

    record RevokeTrackingLinkPayload(boolean revoked, List<UserError> errors) {}

    @MutationMapping
    ReissueTrackingLinkPayload reissueTrackingLink(@Argument OrderNumberInput input, Principal agent) {
        try {
            return new ReissueTrackingLinkPayload(
                    desk.reissueTrackingLink(input.orderNumber(), agent.getName()), List.of());
        } catch (OrderRuleViolation refused) {
            return new ReissueTrackingLinkPayload(null, List.of(refused.asUserError()));
        }
    }

    @MutationMapping
    RevokeTrackingLinkPayload revokeTrackingLink(@Argument OrderNumberInput input, Principal agent) {
        try {
            desk.revokeTrackingLink(input.orderNumber(), agent.getName());
            return new RevokeTrackingLinkPayload(true, List.of());
        } catch (OrderRuleViolation refused) {
            return new RevokeTrackingLinkPayload(false, List.of(refused.asUserError()));
        }
    }

    record PurchaseOrderView(
            String number,
            String supplier,
            List<String> skus,
            java.time.LocalDate expectedArrival,
            int allocatedLines) {}

    @QueryMapping
    List<PurchaseOrderView> purchaseOrders() {
        return desk.openPurchaseOrders().stream()
                .map(po -> new PurchaseOrderView(
                        po.number(),
                        po.supplier(),
                        po.skus(),
                        po.expectedArrival(),
                        po.allocations().size()))
                .toList();
    }

    record ResendMessageInput(String id) {}

    record ResendMessagePayload(boolean resent, List<UserError> errors) {}

    @MutationMapping
    ResendMessagePayload resendMessage(@Argument ResendMessageInput input) {
        return notifications.resend(input.id())
                ? new ResendMessagePayload(true, List.of())
                : new ResendMessagePayload(
                        false,
                        List.of(new UserError(
                                "NOT_RESENDABLE", "input.id", "Only failed messages can be sent again.")));
    }

    /**
     * The numbers of orders as they change, for an agent signed in on the socket: the console refreshes what it
     * shows of them.
     */
    @SubscriptionMapping
    Flux<String> orderChanges(@ContextValue(name = AgentSockets.AGENT, required = false) Authentication agent) {
        // Refused as the stream's error, so that the client reads why (UNAUTHORIZED, FORBIDDEN): see
        // SubscriptionErrors.
        if (agent == null) {
            return Flux.error(new AuthenticationCredentialsNotFoundException("Sign in on the socket first"));
        }
        if (agent.getAuthorities().stream().noneMatch(role -> "ROLE_AGENT".equals(role.getAuthority()))) {
            return Flux.error(new AccessDeniedException("Agents only"));
        }
        return AgentSockets.whileSignedIn(
                agent,
                feed.changes()
                        .concatMap(id -> Mono.fromCallable(() -> orders.numberOf(id))
                                .subscribeOn(Schedulers.boundedElastic())
                                .flatMap(Mono::justOrEmpty)));
    }

    @QueryMapping
    List<OutboxMessage> outbox(@Argument Integer last) {
        return notifications.latest(last == null ? 50 : last);
    }

    /**
     * A one-time code moves money in the customer's name, so agents read the message it came in without it; the
     * customer alone has it.
     */
    @org.springframework.graphql.data.method.annotation.SchemaMapping(typeName = "OutboxMessage")
    String text(OutboxMessage message) {
        return "VERIFICATION_CODE".equals(message.kind())
                ? message.text().replaceAll("\\b\\d{6}\\b", "••••••")
                : message.text();
    }

    @org.springframework.graphql.data.method.annotation.SchemaMapping(typeName = "OutboxMessage")
    boolean uncertain(OutboxMessage message) {
        return Boolean.TRUE.equals(message.uncertain());
    }

    @QueryMapping
    List<app.leadline.payment.RecordedPayment> payments(@Argument String orderNumber) {
        return desk.payments(orderNumber);
    }

    @QueryMapping
    List<SegmentPolicy> segmentPolicies() {
        return policies.all();
    }

    record RecordShipmentInput(String orderNumber, List<String> lineIds, String carrier, String trackingNumber) {}

    record DecideRefundInput(String orderNumber, String refundId, boolean approve, String reason) {}

    record AgentOrderPayload(AgentOrder order, List<UserError> errors) {}

    @MutationMapping
    AgentOrderPayload recordShipment(@Argument RecordShipmentInput input, Principal agent) {
        return payload(() -> desk.recordShipment(
                input.orderNumber(), input.lineIds(), input.carrier(), input.trackingNumber(), agent.getName()));
    }

    @MutationMapping
    AgentOrderPayload decideRefund(@Argument DecideRefundInput input, Principal agent) {
        return payload(() -> desk.decideRefund(
                input.orderNumber(), input.refundId(), input.approve(), input.reason(), agent.getName()));
    }

    record SegmentPolicyInput(
            String segment,
            String defaultPreference,
            boolean customerMayChoose,
            List<DayOfWeek> receivingDays,
            String extraParcelFee,
            boolean cancelAnyUnshippedLine,
            Integer autoApproveRefundAfterDaysLate) {}

    record SegmentPolicyPayload(SegmentPolicy policy, List<UserError> errors) {}

    @MutationMapping
    SegmentPolicyPayload defineSegmentPolicy(@Argument SegmentPolicyInput input, Principal admin) {
        List<UserError> errors = new ArrayList<>();
        if (input.segment() == null || !input.segment().matches("[A-Za-z0-9_-]{1,32}")) {
            errors.add(new UserError(
                    "INVALID_SEGMENT", "input.segment", "A segment is 1 to 32 letters, digits, '_' or '-'."));
        }
        if (!PREFERENCES.contains(input.defaultPreference())) {
            errors.add(new UserError(
                    "INVALID_PREFERENCE", "input.defaultPreference", "Use WAIT_FOR_ALL or SHIP_AS_AVAILABLE."));
        }
        BigDecimal fee = null;
        if (input.extraParcelFee() != null) {
            try {
                fee = new BigDecimal(input.extraParcelFee().trim());
            } catch (NumberFormatException e) {
                fee = BigDecimal.ONE.negate();
            }
            if (fee.signum() < 0) {
                errors.add(new UserError(
                        "INVALID_AMOUNT", "input.extraParcelFee", "A fee is a non-negative decimal, e.g. 49.00."));
            }
        }
        if (input.autoApproveRefundAfterDaysLate() != null && input.autoApproveRefundAfterDaysLate() < 0) {
            errors.add(new UserError(
                    "INVALID_DAYS", "input.autoApproveRefundAfterDaysLate", "Days late cannot be negative."));
        }
        List<DayOfWeek> days = input.receivingDays() == null ? List.of() : input.receivingDays();
        if (days.contains(DayOfWeek.SATURDAY) || days.contains(DayOfWeek.SUNDAY)) {
            errors.add(new UserError(
                    "INVALID_RECEIVING_DAYS", "input.receivingDays", "Goods are delivered Monday to Friday."));
        }
        if (!errors.isEmpty()) {
            return new SegmentPolicyPayload(null, errors);
        }
        SegmentPolicy defined = policies.define(new SegmentPolicy(
                input.segment(),
                input.defaultPreference(),
                input.customerMayChoose(),
                days,
                fee,
                input.cancelAnyUnshippedLine(),
                input.autoApproveRefundAfterDaysLate()));
        audit.record(
                admin.getName(),
                "DEFINE_SEGMENT_POLICY",
                input.segment(),
                Map.of(),
                Map.of("policy", defined.toString()));
        return new SegmentPolicyPayload(defined, List.of());
    }

    private static AgentOrderPayload payload(Supplier<Order> action) {
        try {
            return new AgentOrderPayload(AgentOrder.of(action.get()), List.of());
        } catch (OrderRuleViolation refused) {
            return new AgentOrderPayload(null, List.of(refused.asUserError()));
        }
    }
}
