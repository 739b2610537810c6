package app.leadline.console;

import static app.leadline.support.OrderInputs.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.delivery.LeadTime;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.Supplier;
import app.leadline.supplier.SupplierCatalog;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.TestSuppliers;
import app.leadline.support.Waiting;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** The console hears of order changes as they happen, over the subscription socket — agents only. */
@LeadlineIntegrationTest
class LiveUpdatesIntegrationTests {

    private static final String SUBSCRIPTION = "subscription { orderChanges }";

    @Autowired
    Clients clients;

    @Autowired
    SupplierCatalog suppliers;

    private WebSocketGraphQlTester socket(Object initPayload) {
        var builder = WebSocketGraphQlTester.builder(
                "ws://localhost:" + clients.port() + "/graphql-ws", new StandardWebSocketClient());
        if (initPayload != null) {
            builder.interceptor(new WebSocketGraphQlClientInterceptor() {
                @Override
                public Mono<Object> connectionInitPayload() {
                    return Mono.just(initPayload);
                }
            });
        }
        return builder.build();
    }

    @Test
    void anAgentSeesTheNumbersOfOrdersAsTheyChange() {
        List<String> changed = new CopyOnWriteArrayList<>();
        var subscription = socket(Map.of("Authorization", "Bearer " + clients.agentToken("alice", "AGENT")))
                .document(SUBSCRIPTION)
                .executeSubscription()
                .toFlux("orderChanges", String.class)
                .subscribe(changed::add);
        try {
            // The socket opens in the background: orders placed before it is live go unseen, so keep placing
            // orders until changes arrive; then the newest order placed must be among them.
            List<String> placed = new CopyOnWriteArrayList<>();
            Waiting.until(
                    () -> {
                        OrderInputs order = anOrder();
                        clients.place(order);
                        placed.add(order.number());
                        return !changed.isEmpty();
                    },
                    Duration.ofSeconds(10),
                    "changes arrive");
            Waiting.until(
                    () -> changed.contains(placed.get(placed.size() - 1)),
                    Duration.ofSeconds(10),
                    "the newest order is named");
        } finally {
            subscription.dispose();
        }
    }

    /** Subscribes and keeps placing orders until the socket is live, so that nothing after this goes unseen. */
    private Disposable subscribed(String token, List<String> changed, List<Throwable> ended) {
        Disposable subscription = socket(Map.of("Authorization", "Bearer " + token))
                .document(SUBSCRIPTION)
                .executeSubscription()
                .toFlux("orderChanges", String.class)
                .subscribe(changed::add, ended::add, () -> ended.add(new IllegalStateException("completed")));
        Waiting.until(
                () -> {
                    clients.place(anOrder());
                    return !changed.isEmpty() || !ended.isEmpty();
                },
                Duration.ofSeconds(30),
                "the subscription is live");
        return subscription;
    }

    @Test
    void everyOrderADelayMovesReachesTheAgent() {
        TestSuppliers.register(suppliers);
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String supplier = "SUP-" + suffix;
        String po = "PO-" + suffix;
        suppliers.save(new Supplier(supplier, "Supplier " + suffix, new LeadTime(2, 4)));
        suppliers.save(PurchaseOrder.open(
                po, supplier, List.of("SOFA"), LocalDate.now().plusDays(20)));
        Set<String> affected = new HashSet<>();
        for (int batch = 0; batch < 3; batch++) {
            OrderInputs[] orders = new OrderInputs[100];
            for (int i = 0; i < orders.length; i++) {
                orders[i] = anOrder().withoutConfirmation().withBackorderedLine("SOFA", supplier);
                affected.add(orders[i].number());
            }
            clients.shop()
                    .documentName("placeOrders")
                    .variable("input", OrderInputs.batch(orders))
                    .execute()
                    .path("placeOrders.errors")
                    .entityList(Object.class)
                    .hasSize(0);
        }
        List<String> changed = new CopyOnWriteArrayList<>();
        List<Throwable> ended = new CopyOnWriteArrayList<>();
        Disposable subscription = subscribed(clients.agentToken("alice", "AGENT"), changed, ended);
        try {
            Map<String, Object> delay = new LinkedHashMap<>();
            delay.put("scope", Map.of("type", "PURCHASE_ORDER", "purchaseOrder", po));
            delay.put("daysLate", 10);
            delay.put("reasonCode", "SUPPLIER_BEHIND");
            clients.agent("alice")
                    .documentName("logDelay")
                    .variable("input", delay)
                    .execute()
                    .path("logDelay.errors")
                    .entityList(Object.class)
                    .hasSize(0);

            Waiting.until(
                    () -> changed.containsAll(affected),
                    // A bound for a hang, not a speed: the cascade and the socket take what a busy machine gives them.
                    Duration.ofMinutes(3),
                    "all 300 orders the delay moved are named");
            assertThat(ended).isEmpty();
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void theSubscriptionEndsWhenTheAgentsTokenExpires() {
        List<String> changed = new CopyOnWriteArrayList<>();
        List<Throwable> ended = new CopyOnWriteArrayList<>();
        Disposable subscription =
                subscribed(clients.agentToken("alice", Instant.now().plusSeconds(4), "AGENT"), changed, ended);
        try {
            Waiting.until(() -> !ended.isEmpty(), Duration.ofSeconds(30), "the subscription ends with the token");

            assertThat(ended)
                    .singleElement()
                    .satisfies(end -> assertThat(codes(end)).containsExactly("UNAUTHORIZED"));
            int seen = changed.size();
            OrderInputs later = anOrder();
            clients.place(later);
            assertThat(changed).hasSize(seen).doesNotContain(later.number());
        } finally {
            subscription.dispose();
        }
    }

    /** The codes a refused or ended subscription gives, as a client reads them. */
    static List<Object> codes(Throwable end) {
        assertThat(end).isInstanceOf(SubscriptionErrorException.class);
        return ((SubscriptionErrorException) end)
                .getErrors().stream()
                        .map(error -> error.getExtensions().getOrDefault("code", error.toString()))
                        .toList();
    }

    @Test
    void withoutAnAgentTokenTheSubscriptionIsRefused() {
        assertRefused(null, "the anonymous subscription is refused");
        assertRefused(
                Map.of("Authorization", "Bearer " + clients.validToken("orders:write")),
                "the shop's token is not an agent's");
        assertRefused(
                Map.of("Authorization", "Bearer " + clients.unsignedToken()), "an unsigned token closes the socket");
    }

    private Throwable assertRefused(Object initPayload, String what) {
        List<String> received = new CopyOnWriteArrayList<>();
        List<Throwable> refused = new CopyOnWriteArrayList<>();
        socket(initPayload)
                .document(SUBSCRIPTION)
                .executeSubscription()
                .toFlux("orderChanges", String.class)
                .subscribe(received::add, refused::add);
        Waiting.until(() -> !refused.isEmpty(), Duration.ofSeconds(10), what);
        assertThat(received).isEmpty();
        return refused.get(0);
    }

    @Test
    void aRefusedSubscriptionSaysWhy() {
        assertThat(codes(assertRefused(null, "the anonymous subscription is refused")))
                .containsExactly("UNAUTHORIZED");
        assertThat(codes(assertRefused(
                        Map.of("Authorization", "Bearer " + clients.agentToken("bob", "SHOP")),
                        "a signed-in user who is no agent is refused")))
                .containsExactly("FORBIDDEN");
    }
}
