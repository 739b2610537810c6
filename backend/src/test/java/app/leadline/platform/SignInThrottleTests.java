package app.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The sign-in throttle on a clock the test moves: who must wait, how long, and what it remembers. */
class SignInThrottleTests {

    private final MovingClock clock = new MovingClock();
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void anAccountFailsFreelyAFewTimesThenWaitsTwiceAsLongAfterEachFailure() {
        for (int i = 0; i < SignInThrottle.ACCOUNT_FAILURES_ALLOWED; i++) {
            assertThat(throttle.mustWait("user:agent", "10.0.0.1")).isEmpty();
            throttle.failed("user:agent", "10.0.0.1");
        }
        assertThat(throttle.mustWait("user:agent", "10.0.0.1")).isEmpty();

        throttle.failed("user:agent", "10.0.0.1");
        assertThat(throttle.mustWait("user:agent", "10.0.0.2")).hasValue(Duration.ofSeconds(1));

        clock.move(Duration.ofSeconds(1));
        assertThat(throttle.mustWait("user:agent", "10.0.0.1")).isEmpty();
        throttle.failed("user:agent", "10.0.0.1");
        assertThat(throttle.mustWait("user:agent", "10.0.0.1")).hasValue(Duration.ofSeconds(2));
    }

    @Test
    void theWaitHasALimit() {
        for (int i = 0; i < 60; i++) {
            throttle.failed("user:agent", "10.0.0." + i);
        }

        assertThat(throttle.mustWait("user:agent", "10.0.0.200")).hasValue(SignInThrottle.LONGEST_WAIT);
    }

    @Test
    void anAddressThatFailsForManyAccountsWaitsForEveryAccount() {
        for (int i = 0; i <= SignInThrottle.ADDRESS_FAILURES_ALLOWED; i++) {
            throttle.failed("user:guess-" + i, "10.0.0.1");
        }

        assertThat(throttle.mustWait("user:admin", "10.0.0.1")).isPresent();
        assertThat(throttle.mustWait("user:admin", "10.0.0.2")).isEmpty();
    }

    @Test
    void signingInClearsTheAccountButNotTheAddress() {
        for (int i = 0; i <= SignInThrottle.ADDRESS_FAILURES_ALLOWED; i++) {
            throttle.failed("user:agent", "10.0.0.1");
        }

        throttle.succeeded("user:agent");

        assertThat(throttle.mustWait("user:agent", "10.0.0.2")).isEmpty();
        assertThat(throttle.mustWait("user:agent", "10.0.0.1")).isPresent();
    }

    @Test
    void failuresAreForgottenAfterAnHour() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("user:agent", "10.0.0.1");
        }

        clock.move(SignInThrottle.FORGET_AFTER.plusSeconds(1));
        throttle.failed("user:agent", "10.0.0.1");

        assertThat(throttle.mustWait("user:agent", "10.0.0.1")).isEmpty();
    }

    @Test
    void userNamesAreOneAccountWhateverTheirCase() {
        for (int i = 0; i <= SignInThrottle.ACCOUNT_FAILURES_ALLOWED; i++) {
            throttle.failed("user:Agent", "10.0.0.1");
        }

        assertThat(throttle.mustWait("user:AGENT", "10.0.0.2")).isPresent();
    }

    @Test
    void rememberBoundedlyManyAccountsAndAddresses() {
        SignInThrottle small = new SignInThrottle(clock, 1_000);

        for (int i = 0; i < 20_000; i++) {
            small.failed("user:guess-" + i, "10.0." + (i / 256) + "." + (i % 256));
        }

        assertThat(small.remembered()).isLessThanOrEqualTo(1_000);
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
