package app.leadline.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The hours customers are not disturbed in, counted in each customer's own time zone. */
class QuietHoursTests {

    private final QuietHours quietHours = new QuietHours("21:00-08:00");

    @Test
    void newsQueuedInACustomersEveningWaitsForTheirMorning() {
        // 21:30 in Copenhagen (UTC+1 in December), 20:30 in London.
        Instant evening = Instant.parse("2026-12-04T20:30:00Z");

        assertThat(quietHours.heldUntil(evening, "Europe/Copenhagen")).contains(Instant.parse("2026-12-05T07:00:00Z"));
        assertThat(quietHours.heldUntil(evening, "Europe/London")).isEmpty();
    }

    @Test
    void newsQueuedInTheDayGoesAtOnceAndAnUnknownZoneHoldsNothingBack() {
        Instant noon = Instant.parse("2026-12-04T11:00:00Z");

        assertThat(quietHours.heldUntil(noon, "Europe/Warsaw")).isEmpty();
        assertThat(quietHours.heldUntil(Instant.parse("2026-12-04T23:00:00Z"), "Not/AZone"))
                .isEmpty();
    }
}
