package app.leadline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicHolidaysTests {

    @ParameterizedTest
    @ValueSource(strings = {"DK", "DE", "PL", "GB", "US"})
    void answersForEveryDayWhatJollydayAnswersAndChristmasEveInDenmark(String country) {
        HolidayManager jollyday = HolidayManager.getInstance(ManagerParameters.create(country));
        List<LocalDate> holidays = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2025, 1, 1); day.isBefore(LocalDate.of(2028, 1, 1)); day = day.plusDays(1)) {
            boolean expected = jollyday.isHoliday(day, HolidayType.PUBLIC_HOLIDAY)
                    || country.equals("DK") && MonthDay.from(day).equals(MonthDay.of(12, 24));
            assertThat(PublicHolidays.isHoliday(country, day))
                    .as("%s %s", country, day)
                    .isEqualTo(expected);
            assertThat(PublicHolidays.isHoliday(country.toLowerCase(), day)).isEqualTo(expected);
            if (expected) {
                holidays.add(day);
            }
        }
        assertThat(holidays).as("public holidays in three years").hasSizeGreaterThan(15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DK", "PL"})
    void knowsChristmasAndNewYear(String country) {
        assertThat(PublicHolidays.isHoliday(country, LocalDate.of(2026, 12, 25)))
                .isTrue();
        assertThat(PublicHolidays.isHoliday(country, LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(PublicHolidays.isHoliday(country, LocalDate.of(2026, 12, 23)))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DK", "NO", "SE", "PL"})
    void nobodyWorksOnChristmasEveInScandinaviaNorInPoland(String country) {
        assertThat(PublicHolidays.isHoliday(country, LocalDate.of(2026, 12, 24)))
                .isTrue();
        assertThat(PublicHolidays.isHoliday(country, LocalDate.of(2027, 12, 24)))
                .isTrue();
        assertThat(PublicHolidays.isHoliday(country, LocalDate.of(2026, 12, 23)))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "XX"})
    void aCountryJollydayDoesNotKnowHasNone(String country) {
        assertThat(PublicHolidays.isHoliday(country, LocalDate.of(2026, 12, 25)))
                .isFalse();
        assertThat(PublicHolidays.isHoliday(null, LocalDate.of(2026, 12, 25))).isFalse();
    }
}
