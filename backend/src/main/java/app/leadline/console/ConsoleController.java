package app.leadline.console;

import app.leadline.notification.Notifications;
import app.leadline.notification.OutboxMessage;
import app.leadline.order.Order;
import app.leadline.order.OrderRuleViolation;
import app.leadline.platform.UserError;
import app.leadline.policy.PolicyCatalog;
import app.leadline.policy.SegmentPolicy;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The console's GraphQL entry: agents' orders and actions, the outbox, admins' segment policies. */
@Controller
class ConsoleController {

    private static final Set<String> PREFERENCES = Set.of("WAIT_FOR_ALL", "SHIP_AS_AVAILABLE");

    private final AgentDesk desk;
    private final Notifications notifications;
    private final PolicyCatalog policies;

    ConsoleController(AgentDesk desk, Notifications notifications, PolicyCatalog policies) {
        this.desk = desk;
        this.notifications = notifications;
        this.policies = policies;
    }

    @QueryMapping
    AgentOrder agentOrder(@Argument String number) {
        return desk.order(number).map(AgentOrder::of).orElse(null);
    }

    @QueryMapping
    List<OutboxMessage> outbox(@Argument Integer last) {
        return notifications.latest(last == null ? 50 : last);
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
    SegmentPolicyPayload defineSegmentPolicy(@Argument SegmentPolicyInput input) {
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
        return new SegmentPolicyPayload(
                policies.define(new SegmentPolicy(
                        input.segment(),
                        input.defaultPreference(),
                        input.customerMayChoose(),
                        days,
                        fee,
                        input.cancelAnyUnshippedLine(),
                        input.autoApproveRefundAfterDaysLate())),
                List.of());
    }

    private static AgentOrderPayload payload(Supplier<Order> action) {
        try {
            return new AgentOrderPayload(AgentOrder.of(action.get()), List.of());
        } catch (OrderRuleViolation refused) {
            return new AgentOrderPayload(
                    null, List.of(new UserError(refused.code(), "input." + refused.field(), refused.getMessage())));
        }
    }
}
