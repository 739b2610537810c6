package app.leadline.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TimelineTests {

    private static TimelineEvent codeSent(int minute) {
        return TimelineEvent.of(
                new OrderEvent.VerificationCodeSent("EMAIL"), Instant.EPOCH.plusSeconds(60L * minute), null);
    }

    @Test
    void keepsEntriesInTheOrderTheyHappened() {
        Timeline timeline = new Timeline(null).with(codeSent(1)).with(codeSent(2));

        assertThat(timeline.entries()).containsExactly(codeSent(1), codeSent(2));
    }

    @Test
    void pastItsLimitTheOldestEntriesGo() {
        Timeline timeline = new Timeline(null);
        for (int minute = 0; minute < Timeline.LIMIT + 5; minute++) {
            timeline = timeline.with(codeSent(minute));
        }

        assertThat(timeline.entries()).hasSize(Timeline.LIMIT);
        assertThat(timeline.entries().get(0)).isEqualTo(codeSent(5));
        assertThat(timeline.entries().get(Timeline.LIMIT - 1)).isEqualTo(codeSent(Timeline.LIMIT + 4));
    }

    @Test
    void aTimelineStoredLongerThanTheLimitShrinksToItOnTheNextEntry() {
        Timeline stored = new Timeline(IntStream.range(0, Timeline.LIMIT + 10)
                .mapToObj(TimelineTests::codeSent)
                .toList());

        Timeline next = stored.with(codeSent(999));

        assertThat(next.entries()).hasSize(Timeline.LIMIT).last().isEqualTo(codeSent(999));
    }

    @Test
    void anEntryReadsAsTheEventItRecorded() {
        OrderEvent moved = new OrderEvent.Shipped(java.util.List.of("L1", "L2"), "GLS", "GLS-1");

        TimelineEvent entry = TimelineEvent.of(moved, Instant.EPOCH, Note.written("note"));

        assertThat(entry.event()).isEqualTo(moved);
        assertThat(entry.type()).isEqualTo(TimelineEvent.Type.SHIPPED);
        assertThat(entry.details()).containsEntry("lines", "L1,L2").containsEntry("carrier", "GLS");
    }
}
