package app.leadline.delivery;

import java.time.LocalDate;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads the warehouse country's holiday calendar as soon as the application has started, on a thread of its own:
 * jollyday's first calendar sets up its XML binding, about 0.3 s, which the first ETA (the demo's first order, or
 * the shop's) would otherwise wait for. The calendars read after it take milliseconds.
 */
@Component
class HolidayCalendarWarmUp {

    private final DeliveryProperties properties;

    HolidayCalendarWarmUp(DeliveryProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationStartedEvent.class)
    void readCalendar() {
        Thread reading = new Thread(
                () -> PublicHolidays.isHoliday(properties.country(), LocalDate.now(properties.zone())),
                "holiday-calendar");
        reading.setDaemon(true);
        reading.start();
    }
}
