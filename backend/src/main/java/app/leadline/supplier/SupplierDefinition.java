package app.leadline.supplier;

import java.time.DayOfWeek;
import java.util.List;

/**
 * What an admin says a supplier is, as typed: checked by {@link SupplierDefinitions} before anything is stored.
 *
 * @param leadTimeMinDays working days, fastest, from purchase order to arrival (or to dispatch, if it dropships)
 * @param workingDays absent for Monday to Friday
 */
public record SupplierDefinition(
        String code,
        String name,
        String country,
        String contactEmail,
        boolean dropships,
        Integer leadTimeMinDays,
        Integer leadTimeMaxDays,
        List<DayOfWeek> workingDays) {}
