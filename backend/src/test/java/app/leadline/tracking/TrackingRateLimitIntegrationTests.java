package app.leadline.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.MovableClock;
import app.leadline.support.Waiting;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

@LeadlineIntegrationTest
@TestPropertySource(properties = {"leadline.tracking.rate-limit.burst=3", "leadline.tracking.rate-limit.per-minute=1"})
class TrackingRateLimitIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TrackingProperties limits;

    private static String client() {
        return "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255) + "-" + UUID.randomUUID();
    }

    @Test
    void twoInstancesShareOneBudgetAndGiveAtMostOneLookupEachBeyondItUntilTheyMeetInTheStore() {
        MovableClock clock = new MovableClock();
        TrackingRateLimiter first = new TrackingRateLimiter(limits, mongo, clock);
        TrackingRateLimiter second = new TrackingRateLimiter(limits, mongo, clock);
        String client = client();

        int atOnce = 0;
        for (int i = 0; i < 10; i++) {
            atOnce += (first.tryAcquire(client) ? 1 : 0) + (second.tryAcquire(client) ? 1 : 0);
        }
        int overFiveMinutes = atOnce;
        for (int minute = 1; minute <= 5; minute++) {
            clock.advance(Duration.ofMinutes(1));
            for (int i = 0; i < 10; i++) {
                overFiveMinutes += (first.tryAcquire(client) ? 1 : 0) + (second.tryAcquire(client) ? 1 : 0);
            }
        }

        assertThat(atOnce)
                .as("the burst of 3, and at most one lookup each instance gave before the store told it of the other's")
                .isBetween(3, 5);
        assertThat(overFiveMinutes)
                .as("the burst and a lookup a minute between both instances (not each), give or take the one each may"
                        + " owe the store; what one gave beyond the budget is paid back from the next refills")
                .isBetween(3 + 5 - 2, 3 + 5 + 2);
    }

    @Test
    void aClientsFirstLookupOnAnotherInstanceFindsTheBudgetItSpentOnTheFirst() {
        MovableClock clock = new MovableClock();
        TrackingRateLimiter first = new TrackingRateLimiter(limits, mongo, clock);
        String client = client();
        int allowed = 0;
        for (int i = 0; i < 5; i++) {
            allowed += first.tryAcquire(client) ? 1 : 0;
        }
        clock.advance(Duration.ofSeconds(2));

        assertThat(allowed).isEqualTo(3);
        assertThat(first.tryAcquire(client))
                .as("still spent after the instance wrote what it gave to the store")
                .isFalse();
        assertThat(new TrackingRateLimiter(limits, mongo, clock).tryAcquire(client))
                .as("another instance reads the budget from the store")
                .isFalse();
    }

    @Test
    void cyclingAddressesInsideOneIpv6NetworkBuysNoMoreLookups() {
        TrackingRateLimiter limiter = new TrackingRateLimiter(limits, mongo, new MovableClock());
        String network =
                "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff)) + ":7:";
        int allowed = 0;
        for (int host = 1; host <= 50; host++) {
            if (limiter.tryAcquire(network + Integer.toHexString(host) + ":0:0:1")) {
                allowed++;
            }
        }

        assertThat(allowed).isEqualTo(3);
        assertThat(limiter.tryAcquire("2001:db8:ffff:1::1"))
                .as("another network has its own budget")
                .isTrue();
    }

    @Test
    void aClientSlowedDownStaysSlowedDownWhileOthersComeAndGo() {
        MovableClock clock = new MovableClock();
        TrackingRateLimiter limiter = new TrackingRateLimiter(limits, mongo, clock);
        String guesser = client();
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire(guesser);
        }
        for (int i = 0; i < 500; i++) {
            limiter.tryAcquire(client());
        }

        assertThat(limiter.tryAcquire(guesser)).isFalse();
    }

    @Test
    void bucketsThatFilledUpAgainAreForgottenSoTheStoreStaysSmall() {
        MovableClock clock = new MovableClock();
        TrackingRateLimiter limiter = new TrackingRateLimiter(limits, mongo, clock);
        String here = "192.0.2." + UUID.randomUUID() + "-";
        for (int i = 0; i < 200; i++) {
            limiter.tryAcquire(here + i);
        }
        clock.advance(Duration.ofMinutes(2));
        String guesser = here + "guesser";
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire(guesser);
        }
        clock.advance(Duration.ofMinutes(2));

        limiter.forgetRefilledBuckets();

        assertThat(mongo.getCollection(StoredBuckets.COLLECTION)
                        .countDocuments(Filters.regex("_id", "^" + Pattern.quote(here))))
                .as("only the client still refilling is kept")
                .isEqualTo(1);
        assertThat(limiter.tryAcquire(guesser)).isTrue();
        assertThat(limiter.tryAcquire(guesser)).isTrue();
        assertThat(limiter.tryAcquire(guesser))
                .as("two minutes gave two lookups back, not a whole new burst")
                .isFalse();
    }

    @Test
    void aRefusedSubscriptionSaysItWasRateLimited() {
        for (int i = 0; i < 4; i++) {
            clients.anonymous()
                    .documentName("trackOrder")
                    .variable("token", "C".repeat(43))
                    .execute();
        }
        List<Throwable> refused = new CopyOnWriteArrayList<>();
        WebSocketGraphQlTester.builder(
                        "ws://localhost:" + clients.port() + "/graphql-ws", new StandardWebSocketClient())
                .build()
                .document("subscription($token: String!) { trackedOrder(token: $token) { number } }")
                .variable("token", "C".repeat(43))
                .executeSubscription()
                .toFlux("trackedOrder", Object.class)
                .subscribe(next -> {}, refused::add);

        Waiting.until(() -> !refused.isEmpty(), Duration.ofSeconds(10), "the subscription is refused");
        assertThat(refused.get(0)).isInstanceOf(SubscriptionErrorException.class);
        assertThat(((SubscriptionErrorException) refused.get(0)).getErrors())
                .singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "RATE_LIMITED"));
    }

    @Test
    void aClientThatKeepsGuessingIsSlowedDown() {
        for (int i = 0; i < 3; i++) {
            clients.anonymous()
                    .documentName("trackOrder")
                    .variable("token", "B".repeat(43))
                    .execute()
                    .path("trackOrder")
                    .valueIsNull();
        }

        clients.anonymous()
                .documentName("trackOrder")
                .variable("token", "B".repeat(43))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "RATE_LIMITED")));
    }
}
