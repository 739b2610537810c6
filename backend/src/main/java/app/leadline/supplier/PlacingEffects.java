package app.leadline.supplier;

import java.util.Optional;

/**
 * What placing a purchase order would do to the customers' lines waiting for its SKUs, said where a purchase order is
 * placed without the console's own review: in a CSV import's. Worked out by the orders' side, which owns those lines.
 */
public interface PlacingEffects {

    /**
     * A sentence naming the waiting lines the purchase order would take and the customers who would be told a new
     * latest date; empty when it would take none. Nothing changes.
     */
    Optional<String> describe(PurchaseOrder draft);
}
