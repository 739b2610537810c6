package app.leadline.delivery;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A country's nationwide public holidays, from the jollyday library's maintained calendars rather than a list
 * kept here. A country jollyday does not know has none.
 */
public final class PublicHolidays {

    private static final Map<String, Optional<HolidayManager>> CALENDARS = new ConcurrentHashMap<>();

    private PublicHolidays() {}

    /** Whether the day is a public holiday across the country (ISO 3166 alpha-2). */
    public static boolean isHoliday(String country, LocalDate day) {
        if (country == null || country.isBlank()) {
            return false;
        }
        return CALENDARS
                .computeIfAbsent(country.toUpperCase(Locale.ROOT), PublicHolidays::calendar)
                .map(calendar -> calendar.isHoliday(day, HolidayType.PUBLIC_HOLIDAY))
                .orElse(false);
    }

    private static Optional<HolidayManager> calendar(String country) {
        if (!HolidayManager.getSupportedCalendarCodes().contains(country)) {
            return Optional.empty();
        }
        return Optional.of(HolidayManager.getInstance(ManagerParameters.create(country)));
    }
}
