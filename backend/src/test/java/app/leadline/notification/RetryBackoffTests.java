package app.leadline.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a failed message is tried again: later each time, never past an hour, and not all at once. */
class RetryBackoffTests {

    @Test
    void eachRetryWaitsAboutTwiceAsLongWithJitterUpToAnHour() {
        Set<Duration> firstWaits = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            Duration first = Notifications.backoff(1);
            firstWaits.add(first);
            assertThat(first).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(36));
            assertThat(Notifications.backoff(2)).isBetween(Duration.ofSeconds(48), Duration.ofSeconds(72));
            assertThat(Notifications.backoff(4)).isBetween(Duration.ofSeconds(192), Duration.ofSeconds(288));
            assertThat(Notifications.backoff(20)).isBetween(Duration.ofMinutes(45), Duration.ofHours(1));
        }
        assertThat(firstWaits)
                .as("retries of messages that failed together spread out")
                .hasSizeGreaterThan(1);
    }
}
