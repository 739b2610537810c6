package app.leadline.delivery;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

/**
 * The days a supplier works on: its weekdays (Monday to Friday when none are given), never a public holiday of its
 * country. Its lead times count in them: a Polish supplier ten working days from 22 December is not working on
 * Christmas Eve, nor on 6 January.
 *
 * @param country the supplier's country (ISO 3166 alpha-2); none known, no holidays
 */
public record SupplierDays(List<DayOfWeek> workingDays, String country) {

    private static final List<DayOfWeek> WEEKDAYS = List.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    public SupplierDays {
        workingDays = workingDays == null || workingDays.isEmpty() ? WEEKDAYS : List.copyOf(workingDays);
    }

    /** The day so many of the supplier's working days after {@code from}. */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        LocalDate day = from;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (workingDays.contains(day.getDayOfWeek()) && !PublicHolidays.isHoliday(country, day)) {
                left--;
            }
        }
        return day;
    }
}
