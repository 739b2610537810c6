package app.leadline.console;

import app.leadline.notification.QuietHours;
import app.leadline.order.Order;
import app.leadline.order.OrderChangeFeed;
import app.leadline.order.OrderLine;
import app.leadline.order.OrderQueries;
import app.leadline.order.OrderRuleViolation;
import app.leadline.order.RefundRequest;
import app.leadline.platform.UserError;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The GraphQL face of the agent's desk: orders found and read, and what agents do to them. */
@Controller
class AgentOrderController {

    private final AgentDesk desk;
    private final OrderChangeFeed feed;
    private final OrderQueries orders;
    private final QuietHours quietHours;
    private final Clock clock;

    AgentOrderController(
            AgentDesk desk, OrderChangeFeed feed, OrderQueries orders, QuietHours quietHours, Clock clock) {
        this.desk = desk;
        this.feed = feed;
        this.orders = orders;
        this.quietHours = quietHours;
        this.clock = clock;
    }

    /**
     * Until when news for the customer waits if an agent's action queues some now: the end of their quiet hours in
     * their time zone, null when it goes at once.
     */
    @SchemaMapping(typeName = "AgentOrder")
    Instant messagesHeldUntil(AgentOrder order) {
        return quietHours.heldUntil(clock.instant(), order.customerTimeZone()).orElse(null);
    }

    @QueryMapping
    AgentOrder agentOrder(@Argument String number) {
        return desk.order(number)
                .map(order -> AgentOrder.of(order, clock.instant()))
                .orElse(null);
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
        return new OrderPage(
                page.orders().stream()
                        .map(order -> AgentOrder.of(order, clock.instant()))
                        .toList(),
                page.endCursor().orElse(null),
                page.more());
    }

    record QueuedRefund(
            String orderNumber,
            String customerName,
            String customerLocale,
            String currency,
            RefundRequest refund,
            List<String> items,
            List<String> delayReasons,
            LocalDate promisedBy,
            long daysLate) {

        /** The request as agents decide it: what it is for, and how late that came against what was promised. */
        static QueuedRefund of(AgentDesk.QueuedRefund queued) {
            Order order = queued.order();
            List<OrderLine> lines =
                    queued.request().lineIds().stream().map(order::line).toList();
            return new QueuedRefund(
                    order.number(),
                    order.customer().name(),
                    order.customer().locale(),
                    order.currency(),
                    queued.request(),
                    lines.stream().map(OrderLine::name).toList(),
                    queued.delayReasons(),
                    lines.stream()
                            .map(OrderLine::promisedDate)
                            .min(Comparator.naturalOrder())
                            .orElseThrow(),
                    lines.stream().mapToLong(OrderLine::daysLate).max().orElse(0));
        }
    }

    @QueryMapping
    List<QueuedRefund> refundQueue(@Argument Integer first) {
        return desk.refundQueue(first == null ? 50 : first).stream()
                .map(QueuedRefund::of)
                .toList();
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

    private AgentOrderPayload payload(Supplier<Order> action) {
        try {
            return new AgentOrderPayload(AgentOrder.of(action.get(), clock.instant()), List.of());
        } catch (OrderRuleViolation refused) {
            return new AgentOrderPayload(null, List.of(refused.asUserError()));
        }
    }
}
