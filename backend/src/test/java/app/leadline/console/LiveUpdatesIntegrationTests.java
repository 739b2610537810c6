package app.leadline.console;

import static app.leadline.support.OrderInputs.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.Waiting;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.publisher.Mono;

/** The console hears of order changes as they happen, over the subscription socket — agents only. */
@LeadlineIntegrationTest
class LiveUpdatesIntegrationTests {

    private static final String SUBSCRIPTION = "subscription { orderChanges }";

    @Autowired
    Clients clients;

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

    @Test
    void withoutAnAgentTokenTheSubscriptionIsRefused() {
        assertRefused(null, "the anonymous subscription is refused");
        assertRefused(
                Map.of("Authorization", "Bearer " + clients.validToken("orders:write")),
                "the shop's token is not an agent's");
        assertRefused(
                Map.of("Authorization", "Bearer " + clients.unsignedToken()), "an unsigned token closes the socket");
    }

    private void assertRefused(Object initPayload, String what) {
        List<String> received = new CopyOnWriteArrayList<>();
        List<Throwable> refused = new CopyOnWriteArrayList<>();
        socket(initPayload)
                .document(SUBSCRIPTION)
                .executeSubscription()
                .toFlux("orderChanges", String.class)
                .subscribe(received::add, refused::add);
        Waiting.until(() -> !refused.isEmpty(), Duration.ofSeconds(10), what);
        assertThat(received).isEmpty();
    }
}
