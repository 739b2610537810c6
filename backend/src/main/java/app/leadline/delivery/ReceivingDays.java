package app.leadline.delivery;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The days a customer takes deliveries on: only the weekdays given (a business that receives goods on Fridays, say),
 * and never a public holiday of their country, when nobody delivers (a Friday that is Christmas Day or New Year's Day
 * is no such day). No weekdays given: any working day, which the windows are counted on already.
 *
 * @param country the customer's country (ISO 3166 alpha-2)
 */
public record ReceivingDays(List<DayOfWeek> weekdays, String country) {

    public ReceivingDays {
        weekdays = weekdays == null ? List.of() : List.copyOf(weekdays);
    }

    /** Any working day: no weekdays of its own. */
    public boolean any() {
        return weekdays.isEmpty();
    }

    /** The day itself when goods may come then, else the next one that is. */
    LocalDate onOrAfter(LocalDate day) {
        LocalDate candidate = day;
        while (!weekdays.contains(candidate.getDayOfWeek()) || PublicHolidays.isHoliday(country, candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }
}
