package app.leadline.delivery;

import java.util.Optional;

/**
 * Each supplier's learned spread as known at one moment, read once for a piece of work (a batch of orders, a
 * purchase order's allocations, a delay's chunk) so that every line of it is projected from the same knowledge.
 */
@FunctionalInterface
public interface SupplierSpreads {

    /** The supplier's spread; empty when nothing has been learned yet, from it or any other supplier. */
    Optional<SupplierSpread> of(String supplier);

    /**
     * The supplier's spread around a purchase order's expected arrival given that its goods have not come in the first
     * {@code daysLate} days: learned from its arrivals (and, with a short history, all suppliers') that were at least
     * that late. Empty when history holds none that late, or nothing is learned.
     */
    default Optional<SupplierSpread> givenLate(String supplier, int daysLate) {
        return Optional.empty();
    }

    /** Nothing learned: windows follow the suppliers' own word, with no confidence stated. */
    static SupplierSpreads none() {
        return supplier -> Optional.empty();
    }

    /**
     * Where the spreads come from: the suppliers' history, learned by the promise module. Asking rebuilds them from
     * the store, so ask once per piece of work.
     */
    @FunctionalInterface
    interface Source {
        SupplierSpreads current();

        /**
         * The spreads for the lines that wait for a purchase order again once a receipt of it is taken back: learned
         * without any receipt of that purchase order. They wait for the part of it that has not come, of which the
         * parts that came (early, say) tell nothing, so they are projected as before any of it came. A source that
         * does not learn from receipts answers {@link #current()}.
         */
        default SupplierSpreads currentWithoutReceiptsOf(String purchaseOrder) {
            return current();
        }
    }
}
