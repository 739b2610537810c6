package app.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTests {

    @Test
    void idsSortAsTextInTheOrderTheyWereMadeWithinOneMillisecondAndWhenTheClockGoesBack() {
        long now = System.currentTimeMillis();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            // 5,000 in one millisecond (more than the counter's 4,096), then 5,000 in one a minute earlier.
            made.add(TimeOrderedIds.next(i < 5_000 ? now : now - 60_000));
        }
        made.add(TimeOrderedIds.next());

        assertThat(made).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void anIdIsAVersion7UuidCarryingTheMillisecondItWasMadeIn() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(TimeOrderedIds.next());

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isGreaterThanOrEqualTo(before);
    }

    @Test
    void idsMadeInTheSameMillisecondDifferInTheirRandomPart() {
        long millis = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        var randomParts = new HashSet<Long>();
        for (int i = 0; i < 1_000; i++) {
            randomParts.add(UUID.fromString(TimeOrderedIds.next(millis)).getLeastSignificantBits());
        }

        assertThat(randomParts).hasSize(1_000);
    }
}
