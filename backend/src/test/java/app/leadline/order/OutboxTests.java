package app.leadline.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxTests {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    private static Outbox holding(String... ids) {
        Outbox outbox = new Outbox(null);
        for (String id : ids) {
            outbox = outbox.with(new NotificationIntent(id, new CustomerNews.ChoiceNeeded(List.of("L1")), NOW));
        }
        return outbox;
    }

    private static NotificationIntent readyToShip(String id) {
        return new NotificationIntent(id, new CustomerNews.ReadyToShip(List.of("L1", "L2")), NOW);
    }

    /**
     * A receipt that completes an order in two steps (a line of its own, then a line that took a spare unit) tells the
     * customer once that it ships: the news of the first step, still waiting, goes. What was sent, or is being sent,
     * stays.
     */
    @Test
    void newsThatGoodsAreReadyToShipReplacesTheNewsOfGoodsArrivedNobodyHasTakenYet() {
        Outbox sentAndLeased =
                holding("sent", "leased").sent("sent", NOW).claim(NOW, LEASE).outbox();

        Outbox after = sentAndLeased
                .with(new NotificationIntent("part came", new CustomerNews.ChoiceNeeded(List.of("L1")), NOW))
                .with(readyToShip("first parcel"))
                .with(readyToShip("whole parcel"));

        assertThat(after.intents())
                .extracting(NotificationIntent::id)
                .containsExactly("sent", "leased", "whole parcel");
    }

    @Test
    void aClaimTakesEverythingNobodyIsSending() {
        Outbox.Claim claim = holding("a", "b").claim(NOW, LEASE);

        assertThat(claim.claimed()).extracting(NotificationIntent::id).containsExactly("a", "b");
        assertThat(claim.claimed())
                .allSatisfy(intent -> assertThat(intent.leaseUntil()).isEqualTo(NOW.plus(LEASE)));
    }

    @Test
    void whatIsLeasedIsNotClaimedAgainUntilTheLeaseRunsOut() {
        Outbox leased = holding("a").claim(NOW, LEASE).outbox();

        assertThat(leased.claim(NOW.plusSeconds(59), LEASE).claimed()).isEmpty();
        assertThat(leased.claim(NOW.plus(LEASE), LEASE).claimed())
                .extracting(NotificationIntent::id)
                .containsExactly("a");
    }

    @Test
    void whatWasSentIsNeverClaimedAgain() {
        Outbox sent = holding("a", "b").claim(NOW, LEASE).outbox().sent("a", NOW.plusSeconds(5));

        assertThat(sent.claim(NOW.plus(Duration.ofHours(1)), LEASE).claimed())
                .extracting(NotificationIntent::id)
                .containsExactly("b");
        assertThat(sent.intents().get(0).sent()).contains(NOW.plusSeconds(5));
    }

    @Test
    void ofWhatWasSentOnlyTheNewestStaySoThatTheDocumentStaysSmall() {
        Outbox outbox = holding();
        for (int i = 0; i < Outbox.SENT_KEPT + 5; i++) {
            outbox = outbox.with(new NotificationIntent("n" + i, new CustomerNews.ReadyToShip(List.of("L1")), NOW))
                    .sent("n" + i, NOW.plusSeconds(i));
        }
        outbox = outbox.with(new NotificationIntent("unsent", new CustomerNews.ReadyToShip(List.of("L1")), NOW));
        outbox = outbox.sent("n" + (Outbox.SENT_KEPT + 4), NOW.plusSeconds(60));

        assertThat(outbox.intents()).hasSize(Outbox.SENT_KEPT + 1);
        assertThat(outbox.intents().get(0).id()).isEqualTo("n5");
        assertThat(outbox.intents()).extracting(NotificationIntent::id).endsWith("unsent");
        assertThat(outbox.claim(NOW.plus(Duration.ofHours(1)), LEASE).claimed())
                .extracting(NotificationIntent::id)
                .containsExactly("unsent");
    }

    @Test
    void newsReadsBackAsItWasTold() {
        CustomerNews news = new CustomerNews.PastPromise("d1", List.of("L2", "L3"), "The factory is behind.", 9);

        NotificationIntent intent =
                holding().with(new NotificationIntent("x", news, NOW)).intents().get(0);

        assertThat(intent.news()).contains(news);
        assertThat(intent.kind()).isEqualTo("PAST_PROMISE");
    }
}
