package app.leadline.supplier;

import app.leadline.delivery.LeadTime;
import app.leadline.delivery.SupplierDays;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A supplier the shop buys from or that dropships for it. Lines already promised keep their promise when the
 * supplier is redefined: only lines placed afterwards are promised from its new terms.
 *
 * @param code the shop's short code for the supplier, e.g. {@code NORDIC-SOFA}
 * @param dropshipLeadTime working days the supplier takes to dispatch a dropshipped item; absent when it does not
 *     dropship
 * @param backorderLeadTime working days from a purchase order to its arrival at the shop; absent for a supplier
 *     defined before lead times were kept, whose backordered lines need an open purchase order
 * @param workingDays the days the supplier ships on; empty means Monday to Friday
 */
@Document("suppliers")
public record Supplier(
        @Id String code,
        String name,
        String country,
        String contactEmail,
        LeadTime dropshipLeadTime,
        LeadTime backorderLeadTime,
        List<DayOfWeek> workingDays) {

    private static final List<DayOfWeek> WEEKDAYS = List.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    @PersistenceCreator
    public Supplier {
        workingDays =
                workingDays == null || workingDays.isEmpty() ? WEEKDAYS : List.copyOf(EnumSet.copyOf(workingDays));
    }

    /** A supplier known only by name and, if it dropships, its dispatch time. */
    public Supplier(String code, String name, LeadTime dropshipLeadTime) {
        this(code, name, null, null, dropshipLeadTime, null, null);
    }

    public boolean dropships() {
        return dropshipLeadTime != null;
    }

    /** The supplier's usual lead time: to dispatch if it dropships, to arrival at the shop otherwise. */
    public Optional<LeadTime> leadTime() {
        return Optional.ofNullable(dropships() ? dropshipLeadTime : backorderLeadTime);
    }

    /**
     * When goods ordered today would arrive at the earliest and at the latest, counted on the supplier's working
     * days (not its country's public holidays): the honest promise for a line nobody has bought in yet.
     */
    public Optional<Arrival> arrivalIfOrderedOn(LocalDate today) {
        SupplierDays days = days();
        return Optional.ofNullable(backorderLeadTime)
                .map(lead -> new Arrival(
                        days.addWorkingDays(today, lead.minDays()), days.addWorkingDays(today, lead.maxDays())));
    }

    /** The days the supplier works on, which its lead times count in. */
    public SupplierDays days() {
        return new SupplierDays(workingDays, country);
    }

    /** The earliest and latest day goods would arrive. */
    public record Arrival(LocalDate earliest, LocalDate latest) {}
}
