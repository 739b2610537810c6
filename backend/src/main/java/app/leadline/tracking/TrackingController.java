package app.leadline.tracking;

import app.leadline.notification.Message;
import app.leadline.order.DeliveryPreference;
import app.leadline.order.OrderChangeFeed;
import app.leadline.order.OrderQueries;
import app.leadline.order.OrderRuleViolation;
import app.leadline.order.Shipment;
import app.leadline.platform.RequestRefused;
import app.leadline.platform.UserError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The customer's queries and requests behind a tracking link, all rate-limited per client. */
@Controller
class TrackingController {

    private final OrderQueries orders;
    private final CustomerActions actions;
    private final TrackingRateLimiter rateLimiter;
    private final Counter views;
    private final OrderChangeFeed feed;
    private final CarrierLinks carriers;
    private final LinkRecovery recovery;

    TrackingController(
            OrderQueries orders,
            CarrierLinks carriers,
            LinkRecovery recovery,
            CustomerActions actions,
            TrackingRateLimiter rateLimiter,
            OrderChangeFeed feed,
            MeterRegistry meters) {
        this.feed = feed;
        this.carriers = carriers;
        this.recovery = recovery;
        this.views = Counter.builder("leadline.tracking.views")
                .description("Tracking pages opened with a working link")
                .register(meters);
        this.orders = orders;
        this.actions = actions;
        this.rateLimiter = rateLimiter;
    }

    /** The order behind a tracking link, or nothing; wired by {@link TrackOrderQuery}. */
    TrackedOrder trackOrder(String token, String client) {
        limit(client);
        return orders.byTrackingToken(token)
                .map(order -> {
                    views.increment();
                    return TrackedOrder.of(order);
                })
                .orElse(null);
    }

    /** The order now, then again each time it changes; nothing for a token that opens no order. */
    @SubscriptionMapping
    Flux<TrackedOrder> trackedOrder(@Argument String token, @ContextValue(name = ClientAddress.KEY) String client) {
        limit(client);
        return orders.byTrackingToken(token)
                .map(order -> Flux.concat(
                                Flux.just(order.id()),
                                feed.changes().filter(order.id()::equals).sample(Duration.ofMillis(250)))
                        .concatMap(id -> Mono.fromCallable(() -> orders.byTrackingToken(token))
                                .subscribeOn(Schedulers.boundedElastic())
                                .flatMap(Mono::justOrEmpty))
                        .map(TrackedOrder::of))
                .orElseGet(Flux::empty);
    }

    /**
     * A link to the carrier's own page for the parcel, when Leadline knows the carrier: on the customer's page and in
     * the agents' view of an order, which both answer the order's recorded shipments.
     */
    @SchemaMapping(typeName = "TrackedShipment")
    String trackingUrl(Shipment shipment) {
        return carriers.urlFor(shipment.carrier(), shipment.trackingNumber()).orElse(null);
    }

    record ChooseDeliveryInput(String token, DeliveryPreference preference, String code) {}

    record RequestVerificationCodeInput(String token, Message.Channel channel) {}

    record CancelLinesInput(String token, List<String> lineIds, String code) {}

    record CustomerOrderPayload(TrackedOrder order, List<UserError> errors) {}

    record RequestVerificationCodePayload(String sentTo, Instant expiresAt, List<UserError> errors) {}

    @MutationMapping
    CustomerOrderPayload chooseDelivery(
            @Argument ChooseDeliveryInput input, @ContextValue(name = ClientAddress.KEY) String client) {
        limit(client);
        return orderPayload(() -> actions.chooseDelivery(input.token(), input.preference(), input.code()));
    }

    @MutationMapping
    RequestVerificationCodePayload requestVerificationCode(
            @Argument RequestVerificationCodeInput input, @ContextValue(name = ClientAddress.KEY) String client) {
        limit(client);
        try {
            CustomerActions.CodeSent sent = actions.sendCode(input.token(), input.channel());
            return new RequestVerificationCodePayload(sent.sentTo(), sent.expiresAt(), List.of());
        } catch (OrderRuleViolation refused) {
            return new RequestVerificationCodePayload(null, null, List.of(refused.asUserError()));
        }
    }

    @MutationMapping
    CustomerOrderPayload cancelLines(
            @Argument CancelLinesInput input, @ContextValue(name = ClientAddress.KEY) String client) {
        limit(client);
        return orderPayload(() -> actions.cancelLines(input.token(), input.lineIds(), input.code()));
    }

    record ChooseMessageChannelsInput(String token, boolean email, boolean sms) {}

    @MutationMapping
    CustomerOrderPayload chooseMessageChannels(
            @Argument ChooseMessageChannelsInput input, @ContextValue(name = ClientAddress.KEY) String client) {
        limit(client);
        return orderPayload(() -> actions.chooseMessageChannels(input.token(), input.email(), input.sms()));
    }

    record ChooseMessageLanguageInput(String token, String language) {}

    @MutationMapping
    CustomerOrderPayload chooseMessageLanguage(
            @Argument ChooseMessageLanguageInput input, @ContextValue(name = ClientAddress.KEY) String client) {
        limit(client);
        return orderPayload(() -> actions.chooseMessageLanguage(input.token(), input.language()));
    }

    record AnswerQuestionInput(String token, int score, String comment) {}

    @MutationMapping
    CustomerOrderPayload answerQuestion(
            @Argument AnswerQuestionInput input, @ContextValue(name = ClientAddress.KEY) String client) {
        limit(client);
        return orderPayload(() -> actions.answerFeedback(input.token(), input.score(), input.comment()));
    }

    record RequestTrackingLinkInput(String orderNumber, String contact) {}

    record RequestTrackingLinkPayload(boolean accepted, List<UserError> errors) {}

    @MutationMapping
    RequestTrackingLinkPayload requestTrackingLink(
            @Argument RequestTrackingLinkInput input, @ContextValue(name = ClientAddress.KEY) String client) {
        limit(client);
        try {
            recovery.requestLink(input.orderNumber(), input.contact(), client);
            return new RequestTrackingLinkPayload(true, List.of());
        } catch (OrderRuleViolation refused) {
            return new RequestTrackingLinkPayload(false, List.of(refused.asUserError()));
        }
    }

    private static CustomerOrderPayload orderPayload(Supplier<app.leadline.order.Order> action) {
        try {
            return new CustomerOrderPayload(TrackedOrder.of(action.get()), List.of());
        } catch (OrderRuleViolation refused) {
            return new CustomerOrderPayload(null, List.of(refused.asUserError()));
        }
    }

    private void limit(String client) {
        if (!rateLimiter.tryAcquire(client)) {
            throw new RequestRefused("RATE_LIMITED", "Too many requests from this address; try again in a minute.");
        }
    }
}
