package app.leadline.platform;

import static app.leadline.support.OrderInputs.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.Waiting;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Every operation the schema offers, called by each kind of caller, against the rule written down here for it:
 * exactly the callers the rule leaves out are refused ({@code UNAUTHORIZED} or {@code FORBIDDEN}). The operations are
 * read from the running schema, so an operation added without a rule here fails, and so does a rule for an
 * operation that is gone.
 */
@LeadlineIntegrationTest
// A context of its own: the calls change what others count (find-my-order requests per network and per number).
@TestPropertySource(properties = "leadline.tracking.link-requests.per-client-per-hour=1000")
class AccessRulesIntegrationTests {

    /** Who calls: nobody signed in, the shop's client with scope orders:write, an agent, an admin (also an agent). */
    enum Caller {
        ANONYMOUS,
        SHOP,
        AGENT,
        ADMIN
    }

    private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    private static final Set<Caller> SHOP = EnumSet.of(Caller.SHOP);
    private static final Set<Caller> AGENTS = EnumSet.of(Caller.AGENT, Caller.ADMIN);
    private static final Set<Caller> ADMINS = EnumSet.of(Caller.ADMIN);

    /** The codes of a refusal, as a subscription's error carries them. */
    private static final Set<Object> REFUSALS = Set.of("UNAUTHORIZED", "FORBIDDEN");

    /** Who may call each operation; everyone else is refused. */
    private static final Map<String, Set<Caller>> RULES = Map.ofEntries(
            // The customer's page and the shop's look: no sign-in, a tracking token at most.
            Map.entry("Query.shop", EVERYONE),
            Map.entry("Query.trackOrder", EVERYONE),
            Map.entry("Subscription.trackedOrder", EVERYONE),
            Map.entry("Mutation.chooseDelivery", EVERYONE),
            Map.entry("Mutation.requestVerificationCode", EVERYONE),
            Map.entry("Mutation.cancelLines", EVERYONE),
            Map.entry("Mutation.chooseMessageChannels", EVERYONE),
            Map.entry("Mutation.chooseMessageLanguage", EVERYONE),
            Map.entry("Mutation.requestTrackingLink", EVERYONE),
            Map.entry("Mutation.answerQuestion", EVERYONE),
            // The shop's system (scope orders:write).
            Map.entry("Mutation.placeOrders", SHOP),
            Map.entry("Mutation.markDelivered", SHOP),
            // Agents (admins are agents too).
            Map.entry("Query.agentOrder", AGENTS),
            Map.entry("Query.customerView", AGENTS),
            Map.entry("Query.searchOrders", AGENTS),
            Map.entry("Query.buyList", AGENTS),
            Map.entry("Query.warehouseClosedDays", AGENTS),
            Map.entry("Query.warehouseToday", AGENTS),
            Map.entry("Query.supplierSkus", AGENTS),
            Map.entry("Query.runningLate", AGENTS),
            Map.entry("Query.refundQueue", AGENTS),
            Map.entry("Query.purchaseOrders", AGENTS),
            Map.entry("Query.purchaseOrder", AGENTS),
            Map.entry("Query.suppliers", AGENTS),
            Map.entry("Query.outbox", AGENTS),
            Map.entry("Query.heldMessages", AGENTS),
            Map.entry("Query.payments", AGENTS),
            Map.entry("Query.segmentPolicies", AGENTS),
            Map.entry("Query.shopParcelFees", AGENTS),
            Map.entry("Query.stuckOrders", AGENTS),
            Map.entry("Query.previewDelay", AGENTS),
            Map.entry("Query.delayReport", AGENTS),
            Map.entry("Query.delayReports", AGENTS),
            Map.entry("Query.delayReasons", AGENTS),
            Map.entry("Query.previewPurchaseOrderConfirmation", AGENTS),
            Map.entry("Mutation.recordShipment", AGENTS),
            Map.entry("Mutation.decideRefund", AGENTS),
            Map.entry("Mutation.receiveGoods", AGENTS),
            Map.entry("Mutation.reissueTrackingLink", AGENTS),
            Map.entry("Mutation.revokeTrackingLink", AGENTS),
            Map.entry("Mutation.resendMessage", AGENTS),
            Map.entry("Mutation.logDelay", AGENTS),
            Map.entry("Mutation.confirmPurchaseOrder", AGENTS),
            Map.entry("Query.previewWithdrawDelay", AGENTS),
            Map.entry("Mutation.withdrawDelay", AGENTS),
            Map.entry("Query.previewReverseReceipt", AGENTS),
            Map.entry("Mutation.reverseReceipt", AGENTS),
            Map.entry("Query.previewReceiveGoods", AGENTS),
            Map.entry("Mutation.importReceipts", AGENTS),
            Map.entry("Query.reorderPoints", AGENTS),
            // Purchase orders are placed by agents or by a shop client with scope purchasing:write, which the shop
            // here (orders:write only) lacks.
            Map.entry("Mutation.placePurchaseOrder", AGENTS),
            Map.entry("Query.previewPlacePurchaseOrder", AGENTS),
            Map.entry("Mutation.importPurchaseOrders", AGENTS),
            Map.entry("Query.openPurchaseOrders", AGENTS),
            Map.entry("Query.previewCancelPurchaseOrder", AGENTS),
            Map.entry("Mutation.cancelPurchaseOrder", AGENTS),
            Map.entry("Subscription.orderChanges", AGENTS),
            // Admins.
            Map.entry("Query.auditLog", ADMINS),
            Map.entry("Query.messagePreviews", ADMINS),
            Map.entry("Mutation.defineSegmentPolicy", ADMINS),
            Map.entry("Mutation.defineShopLook", ADMINS),
            Map.entry("Mutation.defineSupplier", ADMINS),
            Map.entry("Query.checkSupplier", ADMINS),
            Map.entry("Mutation.defineDelayReason", ADMINS),
            Map.entry("Mutation.importSuppliers", ADMINS),
            Map.entry("Mutation.markStockedSku", ADMINS),
            Map.entry("Query.purchaseOrderHistoryCsv", ADMINS),
            Map.entry("Query.feedbackCsv", ADMINS));

    @Autowired
    Clients clients;

    @Autowired
    GraphQlSource graphQl;

    @Test
    void everyOperationHasAnAccessRuleAndEveryRuleAnOperation() {
        assertThat(operations().keySet())
                .as("operations of the schema; add a rule to RULES for a new one")
                .containsExactlyInAnyOrderElementsOf(new TreeSet<>(RULES.keySet()));
    }

    @TestFactory
    Stream<DynamicTest> eachOperationRefusesExactlyTheCallersItsRuleLeavesOut() {
        return operations().entrySet().stream()
                .filter(operation -> RULES.containsKey(operation.getKey()))
                .flatMap(operation -> EVERYONE.stream().map(caller -> {
                    boolean allowed = RULES.get(operation.getKey()).contains(caller);
                    String document = document(operation.getKey(), operation.getValue());
                    return DynamicTest.dynamicTest(
                            operation.getKey() + " as " + caller + (allowed ? " is answered" : " is refused"),
                            () -> assertThat(refusal(operation.getKey(), caller, document))
                                    .as(document)
                                    .isEqualTo(!allowed));
                }));
    }

    /** The schema's operations, as {@code Type.field}. */
    private Map<String, GraphQLFieldDefinition> operations() {
        GraphQLSchema schema = graphQl.schema();
        Map<String, GraphQLFieldDefinition> all = new TreeMap<>();
        Stream.of(schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType())
                .filter(Objects::nonNull)
                .forEach(type -> type.getFieldDefinitions()
                        .forEach(field -> all.put(type.getName() + "." + field.getName(), field)));
        return all;
    }

    /**
     * A call of the operation with made-up values for its required arguments, asking only for the result's type:
     * enough to be let in or refused, and, when let in, to change nothing another test reads.
     */
    private static String document(String operation, GraphQLFieldDefinition field) {
        String keyword = operation.substring(0, operation.indexOf('.')).toLowerCase(Locale.ROOT);
        String arguments = field.getArguments().stream()
                .filter(argument -> GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue())
                .map(argument -> argument.getName() + ": " + value(argument.getType()))
                .collect(Collectors.joining(", "));
        GraphQLType result = GraphQLTypeUtil.unwrapAll(field.getType());
        return keyword + " { " + field.getName() + (arguments.isEmpty() ? "" : "(" + arguments + ")")
                + (result instanceof GraphQLScalarType || result instanceof GraphQLEnumType ? "" : " { __typename }")
                + " }";
    }

    private static String value(GraphQLInputType type) {
        if (type instanceof GraphQLNonNull nonNull) {
            return value((GraphQLInputType) nonNull.getWrappedType());
        }
        if (type instanceof GraphQLList list) {
            return "[" + value((GraphQLInputType) list.getWrappedType()) + "]";
        }
        if (type instanceof GraphQLEnumType enumType) {
            return enumType.getValues().get(0).getName();
        }
        if (type instanceof GraphQLInputObjectType input) {
            return input.getFieldDefinitions().stream()
                    .filter(field -> GraphQLTypeUtil.isNonNull(field.getType()) && !field.hasSetDefaultValue())
                    .map(field -> field.getName() + ": " + value(field.getType()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return switch (((GraphQLScalarType) type).getName()) {
            case "Int", "Float" -> "1";
            case "Boolean" -> "false";
            case "Date" -> "\"2026-01-05\"";
            case "DateTime" -> "\"2026-01-05T10:00:00Z\"";
            default -> "\"access-rules\"";
        };
    }

    /** Whether the caller was refused the operation. */
    private boolean refusal(String operation, Caller caller, String document) {
        return operation.startsWith("Subscription.")
                ? subscriptionRefused(caller, document)
                : refused(caller, document);
    }

    private boolean refused(Caller caller, String document) {
        GraphQlTester tester = switch (caller) {
            case ANONYMOUS -> clients.anonymous();
            case SHOP -> clients.shop();
            case AGENT -> clients.agent("access-agent", "AGENT");
            case ADMIN -> clients.agent("access-admin", "AGENT", "ADMIN");
        };
        List<ResponseError> errors = new ArrayList<>();
        tester.document(document).execute().errors().satisfy(errors::addAll);
        return errors.stream().anyMatch(AccessRulesIntegrationTests::isRefusal);
    }

    private static boolean isRefusal(ResponseError error) {
        return error.getErrorType() == ErrorType.UNAUTHORIZED
                || error.getErrorType() == ErrorType.FORBIDDEN
                || REFUSALS.contains(error.getExtensions().get("code"));
    }

    /**
     * Subscribes with the caller's token in the socket's first message and places orders until the subscription
     * answers: an item or its end lets the caller in; an error names a refusal or not.
     */
    private boolean subscriptionRefused(Caller caller, String document) {
        String token = switch (caller) {
            case ANONYMOUS -> null;
            case SHOP -> clients.shopToken("orders:write");
            case AGENT -> clients.agentToken("access-agent", "AGENT");
            case ADMIN -> clients.agentToken("access-admin", "AGENT", "ADMIN");
        };
        var socket = WebSocketGraphQlTester.builder(
                "ws://localhost:" + clients.port() + "/graphql-ws", new StandardWebSocketClient());
        if (token != null) {
            socket.interceptor(new WebSocketGraphQlClientInterceptor() {
                @Override
                public Mono<Object> connectionInitPayload() {
                    return Mono.just(Map.of("Authorization", "Bearer " + token));
                }
            });
        }
        List<Object> answers = new CopyOnWriteArrayList<>();
        Disposable subscription = socket.build()
                .document(document)
                .executeSubscription()
                .toFlux()
                .subscribe(answers::add, answers::add, () -> answers.add("completed"));
        try {
            Waiting.until(
                    () -> {
                        clients.place(anOrder());
                        return !answers.isEmpty();
                    },
                    Duration.ofSeconds(30),
                    "the subscription answers");
        } finally {
            subscription.dispose();
        }
        return answers.get(0) instanceof SubscriptionErrorException refused
                && refused.getErrors().stream().anyMatch(AccessRulesIntegrationTests::isRefusal);
    }
}
