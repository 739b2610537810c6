package app.leadline.delivery;

/**
 * How many calendar days after the day a supplier's goods are expected (the arrival it confirmed, its lead time's
 * estimate, or its dispatch) they really come, as learned from its history: the window's ends, both inclusive, and
 * the share of arrivals inside.
 */
public record SupplierSpread(int earliestDays, int latestDays, double confidence) {

    public SupplierSpread {
        if (latestDays < earliestDays) {
            throw new IllegalArgumentException(
                    "A spread cannot end before it starts: " + earliestDays + ".." + latestDays);
        }
        if (confidence <= 0 || confidence >= 1) {
            throw new IllegalArgumentException("A confidence lies between 0 and 1, got " + confidence);
        }
    }
}
