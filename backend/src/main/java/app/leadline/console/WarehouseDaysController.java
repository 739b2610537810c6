package app.leadline.console;

import app.leadline.delivery.EtaCalculator;
import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The days ahead the warehouse sends nothing, for agents who type an expected arrival: a purchase order expected on
 * Christmas Day is one whose goods wait for the next working day, and the review says so. And the warehouse's day now,
 * which a receipt's day is read against.
 */
@Controller
class WarehouseDaysController {

    /** A year ahead: as far as purchase orders are placed. */
    private static final int DAYS_AHEAD = 366;

    private final EtaCalculator etas;

    WarehouseDaysController(EtaCalculator etas) {
        this.etas = etas;
    }

    @QueryMapping
    @PreAuthorize("hasRole('AGENT')")
    List<LocalDate> warehouseClosedDays() {
        return etas.closedWeekdaysAhead(DAYS_AHEAD);
    }

    /**
     * The warehouse's day now, in its time zone: the day goods come in on, which a receipt is checked against. An
     * agent's browser in another zone (or on UTC just before midnight) is a day behind or ahead of it.
     */
    @QueryMapping
    @PreAuthorize("hasRole('AGENT')")
    LocalDate warehouseToday() {
        return etas.today();
    }
}
