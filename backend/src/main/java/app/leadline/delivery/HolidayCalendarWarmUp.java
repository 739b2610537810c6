package app.leadline.delivery;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Reads the holiday calendars ETAs need — the warehouse's country's and those of the countries it ships to, this
 * year's and next — on a thread of its own while the rest of the application is still being set up: jollyday's
 * first calendar sets up its XML binding (about 0.3 s) and every further country reads its own file, which the
 * first ETAs (the demo's orders, or the shop's) would otherwise wait for, one country at a time.
 */
@Component
class HolidayCalendarWarmUp implements InitializingBean {

    private final DeliveryProperties properties;

    HolidayCalendarWarmUp(DeliveryProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        Set<String> countries = new LinkedHashSet<>();
        countries.add(properties.country());
        countries.addAll(properties.transit().keySet());
        LocalDate today = LocalDate.now(properties.zone());
        Thread reading = new Thread(
                () -> countries.forEach(country -> {
                    PublicHolidays.isHoliday(country, today);
                    PublicHolidays.isHoliday(country, today.plusYears(1));
                }),
                "holiday-calendar");
        reading.setDaemon(true);
        reading.start();
    }
}
