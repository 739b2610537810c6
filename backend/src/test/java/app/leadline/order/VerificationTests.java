package app.leadline.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerificationTests {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private static String codeOf(Verification.Attempt attempt) {
        return attempt.refusal().map(OrderRuleViolation::code).orElse("OK");
    }

    @Test
    void theRightCodeIsAcceptedOnce() {
        Verification issued = Verification.issue(null, "hash-1", "EMAIL", NOW, LIFETIME);

        Verification.Attempt first = Verification.use(issued, "hash-1", NOW.plusSeconds(30));
        Verification.Attempt again = Verification.use(first.after(), "hash-1", NOW.plusSeconds(31));

        assertThat(codeOf(first)).isEqualTo("OK");
        assertThat(codeOf(again)).isEqualTo("CODE_INVALID");
    }

    @Test
    void anExpiredCodeIsRefused() {
        Verification issued = Verification.issue(null, "hash-1", "EMAIL", NOW, LIFETIME);

        assertThat(codeOf(Verification.use(issued, "hash-1", NOW.plus(LIFETIME).plusSeconds(1))))
                .isEqualTo("CODE_EXPIRED");
    }

    @Test
    void fiveWrongCodesLockTheCodeEvenForTheRightOne() {
        Verification verification = Verification.issue(null, "hash-1", "SMS", NOW, LIFETIME);
        for (int i = 0; i < Verification.MAX_ATTEMPTS; i++) {
            Verification.Attempt wrong = Verification.use(verification, "wrong", NOW);
            assertThat(codeOf(wrong)).isEqualTo("CODE_INVALID");
            verification = wrong.after();
        }

        assertThat(codeOf(Verification.use(verification, "hash-1", NOW))).isEqualTo("CODE_LOCKED");
    }

    @Test
    void atMostThreeCodesGoOutInAQuarterHour() {
        Verification verification = null;
        for (int i = 0; i < Verification.MAX_CODES_PER_WINDOW; i++) {
            verification = Verification.issue(verification, "hash-" + i, "EMAIL", NOW.plusSeconds(i), LIFETIME);
        }
        Verification third = verification;

        assertThatThrownBy(() -> Verification.issue(third, "hash-x", "EMAIL", NOW.plusSeconds(60), LIFETIME))
                .isInstanceOfSatisfying(
                        OrderRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("CODE_RATE_LIMITED"));
        assertThat(Verification.issue(
                                third,
                                "hash-y",
                                "EMAIL",
                                NOW.plus(Verification.WINDOW).plusSeconds(3),
                                LIFETIME)
                        .codeHash())
                .isEqualTo("hash-y");
    }

    @Test
    void withoutACodeThereIsNothingToCheck() {
        assertThat(codeOf(Verification.use(null, "hash-1", NOW))).isEqualTo("CODE_INVALID");
    }
}
