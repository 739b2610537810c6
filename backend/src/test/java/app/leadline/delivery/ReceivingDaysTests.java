package app.leadline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A window landed on the days a customer takes deliveries: their weekdays, but no public holiday of their country. */
class ReceivingDaysTests {

    private static LocalDate december(int day) {
        return LocalDate.of(2026, 12, day);
    }

    @Test
    void aBusinessThatReceivesOnFridaysIsNotPromisedChristmasDayNorNewYearsDay() {
        // Fri 25 Dec and Fri 1 Jan are holidays in Denmark: the first Friday anyone delivers is 8 January.
        EtaWindow window = new EtaWindow(december(21), december(28), 0.8);

        EtaWindow landed = window.landingOn(new ReceivingDays(List.of(DayOfWeek.FRIDAY), "DK"));

        assertThat(landed).isEqualTo(new EtaWindow(LocalDate.of(2027, 1, 8), LocalDate.of(2027, 1, 8), 0.8));
    }

    @Test
    void aPolishBusinessThatReceivesOnThursdaysAndFridaysIsNotPromisedChristmasEve() {
        // Thu 24 Dec is a public holiday in Poland (since 2025), and Fri 25 Dec too.
        EtaWindow landed = new EtaWindow(december(23), december(30))
                .landingOn(new ReceivingDays(List.of(DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), "PL"));

        assertThat(landed).isEqualTo(new EtaWindow(december(31), december(31)));
    }

    @Test
    void aCustomerWhoTakesDeliveriesAnyWorkingDayKeepsTheWindowAsCounted() {
        EtaWindow window = new EtaWindow(december(21), december(28));

        assertThat(window.landingOn(new ReceivingDays(List.of(), "DK"))).isSameAs(window);
    }
}
