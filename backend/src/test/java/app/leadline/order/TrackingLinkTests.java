package app.leadline.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrackingLinkTests {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final LinkSeal SEAL = new LinkSeal(new byte[32]);

    @Test
    void aLinkOpensTheOrderForItsLifetimeAndKeepsOnlyTheHashAndTheSealedToken() {
        TrackingToken token = TrackingToken.generate();

        TrackingLink link = TrackingLink.issue("order-1", token, SEAL, NOW, Duration.ofDays(180));

        assertThat(link.tokenHash()).isEqualTo(token.hash());
        assertThat(link.sealedToken()).doesNotContain(token.value());
        assertThat(SEAL.open("order-1", link.sealedToken()))
                .hasValueSatisfying(opened -> assertThat(opened.value()).isEqualTo(token.value()));
        assertThat(link.opensAt(NOW.plus(Duration.ofDays(180)).minusSeconds(1))).isTrue();
        assertThat(link.opensAt(NOW.plus(Duration.ofDays(180)))).isFalse();
    }

    @Test
    void withoutASealNoTokenIsKept() {
        assertThat(TrackingLink.issue("order-1", TrackingToken.generate(), null, NOW, Duration.ofDays(1))
                        .sealedToken())
                .isNull();
    }

    @Test
    void aRevokedLinkOpensNothingAndCarriesNoTokenForLaterMessages() {
        TrackingLink revoked = TrackingLink.issue("order-1", TrackingToken.generate(), SEAL, NOW, Duration.ofDays(180))
                .revoke();

        assertThat(revoked.opensAt(NOW)).isFalse();
        assertThat(revoked.sealedToken()).isNull();
    }

    @Test
    void aLinkAMessageCarriesOpensForAWholeLifetimeFromThatMessageEvenAfterItHadRunOut() {
        TrackingLink issued = TrackingLink.issue("order-1", TrackingToken.generate(), SEAL, NOW, Duration.ofDays(180));
        Instant muchLater = NOW.plus(Duration.ofDays(390));

        TrackingLink carried = issued.carriedAt(muchLater, Duration.ofDays(180));

        assertThat(issued.opensAt(muchLater)).isFalse();
        assertThat(carried.opensAt(muchLater.plus(Duration.ofDays(180)).minusSeconds(1)))
                .isTrue();
        assertThat(carried.tokenHash()).isEqualTo(issued.tokenHash());
        assertThat(carried.sealedToken()).isEqualTo(issued.sealedToken());
        assertThat(issued.carriedAt(NOW.minus(Duration.ofDays(1)), Duration.ofDays(180)))
                .as("a link never opens for less than it did")
                .isSameAs(issued);
    }

    @Test
    void aRevokedLinkStaysShutWhenAMessageWouldHaveCarriedIt() {
        TrackingLink revoked = TrackingLink.issue("order-1", TrackingToken.generate(), SEAL, NOW, Duration.ofDays(180))
                .revoke();

        assertThat(revoked.carriedAt(NOW.plus(Duration.ofDays(1)), Duration.ofDays(180))
                        .opensAt(NOW.plus(Duration.ofDays(2))))
                .isFalse();
    }
}
