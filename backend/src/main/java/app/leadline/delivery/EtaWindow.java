package app.leadline.delivery;

import java.time.LocalDate;
import java.util.Collection;

/** The days between which goods are expected to reach the customer, both inclusive. */
public record EtaWindow(LocalDate earliest, LocalDate latest) {

    public EtaWindow {
        if (earliest == null || latest == null) {
            throw new IllegalArgumentException("An ETA window needs both ends");
        }
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException(
                    "An ETA window cannot end (" + latest + ") before it starts (" + earliest + ")");
        }
    }

    /** The window in which everything has arrived: one delivery of all the given windows. */
    public static EtaWindow allOf(Collection<EtaWindow> windows) {
        return windows.stream()
                .reduce((a, b) -> new EtaWindow(max(a.earliest, b.earliest), max(a.latest, b.latest)))
                .orElseThrow(() -> new IllegalArgumentException("No windows to combine"));
    }

    /** The window from the first parcel's earliest day to the last parcel's latest day. */
    public static EtaWindow span(Collection<EtaWindow> windows) {
        return windows.stream()
                .reduce((a, b) -> new EtaWindow(min(a.earliest, b.earliest), max(a.latest, b.latest)))
                .orElseThrow(() -> new IllegalArgumentException("No windows to combine"));
    }

    /** The window moved to the given weekdays (a customer that receives goods only then); unchanged if none. */
    public EtaWindow landingOn(java.util.Collection<java.time.DayOfWeek> days) {
        if (days.isEmpty()) {
            return this;
        }
        return new EtaWindow(nextOn(earliest, days), nextOn(latest, days));
    }

    private static LocalDate nextOn(LocalDate day, java.util.Collection<java.time.DayOfWeek> days) {
        LocalDate candidate = day;
        while (!days.contains(candidate.getDayOfWeek())) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
