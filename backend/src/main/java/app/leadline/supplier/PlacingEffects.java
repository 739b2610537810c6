package app.leadline.supplier;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What placing a purchase order would do to the customers' lines waiting for its SKUs, said where a purchase order is
 * placed without the console's own review: in a CSV import's. Worked out by the orders' side, which owns those lines.
 */
public interface PlacingEffects {

    /**
     * The waiting lines the purchase order would take and the customers who would be told a new latest date; empty
     * when it would take none. Nothing changes.
     *
     * @param takenBefore the lines purchase orders placed before it take ({@link Effects#lines()} of theirs): a file's
     *     purchase orders are placed one after the other, and a line the first takes does not wait for the next
     */
    Optional<Effects> of(PurchaseOrder draft, Set<String> takenBefore);

    /**
     * @param taking the orders of the lines waiting to be ordered it takes, oldest first
     * @param told the orders whose customers are told of a new latest date
     * @param lines the lines it takes, each as {@code <order number>/<line id>} (the orders' side names them so)
     */
    record Effects(List<String> taking, List<String> told, Set<String> lines) {

        public Effects {
            taking = List.copyOf(taking);
            told = List.copyOf(told);
            lines = Set.copyOf(lines);
        }

        /** How many lines waiting to be ordered it takes. */
        public int linesTaken() {
            return lines.size();
        }
    }
}
