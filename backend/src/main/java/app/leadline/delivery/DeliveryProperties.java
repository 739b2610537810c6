package app.leadline.delivery;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The warehouse's rhythm and the carriers' transit times, from configuration ({@code leadline.delivery.*}).
 *
 * @param zone the warehouse's time zone: cut-off and dispatch days are read there
 * @param cutOff orders placed before this time on a dispatch day leave the same day
 * @param handlingDays working days from goods received to goods dispatched
 * @param transit working days in transit per destination country (ISO 3166 alpha-2)
 * @param defaultTransit transit for countries not listed
 * @param country the warehouse's country (ISO 3166 alpha-2): nothing is dispatched on its public holidays
 * @param closed periods the warehouse is closed besides weekends and public holidays (a summer shutdown)
 */
@ConfigurationProperties("leadline.delivery")
record DeliveryProperties(
        ZoneId zone,
        LocalTime cutOff,
        int handlingDays,
        Map<String, Transit> transit,
        Transit defaultTransit,
        String country,
        List<Closed> closed) {

    DeliveryProperties {
        country = country == null || country.isBlank() ? "DK" : country.toUpperCase(Locale.ROOT);
        closed = closed == null ? List.of() : List.copyOf(closed);
        zone = zone == null ? ZoneId.of("Europe/Copenhagen") : zone;
        cutOff = cutOff == null ? LocalTime.of(14, 0) : cutOff;
        handlingDays = Math.max(0, handlingDays);
        transit = transit == null ? defaultTransitTimes() : Map.copyOf(transit);
        defaultTransit = defaultTransit == null ? new Transit(3, 6) : defaultTransit;
    }

    Transit transitTo(String country) {
        return transit.getOrDefault(country.toUpperCase(Locale.ROOT), defaultTransit);
    }

    private static Map<String, Transit> defaultTransitTimes() {
        return Map.of(
                "DK", new Transit(1, 2),
                "SE", new Transit(2, 3),
                "NO", new Transit(2, 4),
                "DE", new Transit(2, 3),
                "PL", new Transit(2, 4),
                "NL", new Transit(2, 4),
                "GB", new Transit(3, 5));
    }

    /** Whether the warehouse is closed on the day by configuration. */
    boolean closedOn(LocalDate day) {
        // A loop, not a stream: an ETA asks this for every day it walks.
        for (Closed period : closed) {
            if (!day.isBefore(period.from()) && !day.isAfter(period.to())) {
                return true;
            }
        }
        return false;
    }

    /** Days the warehouse is closed, both inclusive. */
    record Closed(LocalDate from, LocalDate to) {
        Closed {
            if (from == null || to == null || to.isBefore(from)) {
                throw new IllegalArgumentException("A closed period needs a start and an end not before it");
            }
        }
    }

    /** Working days in transit, fastest and slowest. */
    record Transit(int min, int max) {
        Transit {
            if (min < 0 || max < min) {
                throw new IllegalArgumentException(
                        "Transit days must satisfy 0 <= min <= max, got " + min + ".." + max);
            }
        }
    }
}
