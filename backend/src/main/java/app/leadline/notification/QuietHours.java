package app.leadline.notification;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The hours in which customers are not disturbed, in each customer's own time zone ({@code
 * leadline.notifications.quiet-hours}, default 21:00–08:00). One-time codes are not held back: the customer
 * asked for them.
 */
@Component
public class QuietHours {

    private final LocalTime start;
    private final LocalTime end;

    QuietHours(@Value("${leadline.notifications.quiet-hours:21:00-08:00}") String hours) {
        String[] parts = hours.split("-");
        this.start = LocalTime.parse(parts[0].trim());
        this.end = LocalTime.parse(parts[1].trim());
    }

    /** When the quiet hours the customer is in at {@code now} end (the next {@code end} in their zone). */
    private Instant endAfter(Instant now, String timeZone) {
        java.time.ZonedDateTime local = now.atZone(ZoneId.of(timeZone));
        java.time.ZonedDateTime end = local.with(this.end);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }

    /**
     * Until when news for a customer in this time zone waits if it is queued at {@code now}: the end of their quiet
     * hours, or empty when it goes at once.
     */
    public Optional<Instant> heldUntil(Instant now, String timeZone) {
        return contains(now, timeZone) ? Optional.of(endAfter(now, timeZone)) : Optional.empty();
    }

    private boolean contains(Instant now, String timeZone) {
        LocalTime local;
        try {
            local = now.atZone(ZoneId.of(timeZone)).toLocalTime();
        } catch (DateTimeException | NullPointerException e) {
            return false;
        }
        return start.isAfter(end)
                ? !local.isBefore(start) || local.isBefore(end)
                : !local.isBefore(start) && local.isBefore(end);
    }
}
