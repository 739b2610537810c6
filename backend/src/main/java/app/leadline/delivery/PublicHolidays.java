package app.leadline.delivery;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A country's nationwide public holidays, from the jollyday library's maintained calendars rather than a list
 * kept here, and the few days a whole country stops work though no law names them: Christmas Eve in Denmark and
 * Norway, the evening the holiday is kept there (as in Sweden, whose calendar lists it already). Nobody packs,
 * collects or delivers a parcel on it, so no window ends on it. A country jollyday does not know has none.
 *
 * <p>Jollyday is asked once per country and year, and the answer kept as dates: an ETA walks day by day, and asking
 * jollyday about one day builds its cache key and streams over the year's holidays each time (about 8 KB of garbage
 * per order in a delay's cascade).
 */
public final class PublicHolidays {

    private static final Map<String, Optional<HolidayManager>> CALENDARS = new ConcurrentHashMap<>();

    /** The public holidays of a country in a year, by country code and year. */
    private static final Map<String, Map<Integer, Set<LocalDate>>> DATES = new ConcurrentHashMap<>();

    /** Days kept as holidays by custom, by country. */
    private static final Map<String, Set<MonthDay>> BY_CUSTOM =
            Map.of("DK", Set.of(MonthDay.of(12, 24)), "NO", Set.of(MonthDay.of(12, 24)));

    private PublicHolidays() {}

    /** Whether the day is a public holiday across the country (ISO 3166 alpha-2). */
    public static boolean isHoliday(String country, LocalDate day) {
        if (country == null || country.isBlank()) {
            return false;
        }
        String code = country.toUpperCase(Locale.ROOT);
        return DATES.computeIfAbsent(code, known -> new ConcurrentHashMap<>())
                .computeIfAbsent(day.getYear(), year -> holidays(code, year))
                .contains(day);
    }

    /**
     * What jollyday's {@code isHoliday(day, PUBLIC_HOLIDAY)} answers for each day of the year, and the days kept by
     * custom, as a set of dates.
     */
    private static Set<LocalDate> holidays(String country, int year) {
        Set<LocalDate> days = CALENDARS
                .computeIfAbsent(country, PublicHolidays::calendar)
                .map(calendar -> calendar.getHolidays(Year.of(year)).stream()
                        .filter(holiday -> holiday.getType() == HolidayType.PUBLIC_HOLIDAY)
                        .map(Holiday::getDate)
                        .collect(Collectors.toSet()))
                .orElseGet(HashSet::new);
        BY_CUSTOM.getOrDefault(country, Set.of()).forEach(day -> days.add(day.atYear(year)));
        return Set.copyOf(days);
    }

    private static Optional<HolidayManager> calendar(String country) {
        if (!HolidayManager.getSupportedCalendarCodes().contains(country)) {
            return Optional.empty();
        }
        return Optional.of(HolidayManager.getInstance(ManagerParameters.create(country)));
    }
}
