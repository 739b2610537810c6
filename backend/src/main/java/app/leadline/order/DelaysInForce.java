package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import app.leadline.delivery.SupplierSpreads;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Whether a supplier's delay still holds the lines it moved wherever they wait: a delay of a SKU or of the whole
 * supplier, not withdrawn. A line that leaves its purchase order for another (or for the buy list) stays at least as
 * late as such a delay had it; the supplier is no quicker for it. Answered by the delays module.
 */
@FunctionalInterface
public interface DelaysInForce {

    boolean holds(String delayId);

    /**
     * What the delays in force say of lines placed from now on, read once for a batch of orders: the delays of these
     * suppliers' SKUs and of the whole suppliers, and those of these purchase orders. A line placed after a delay was
     * logged is as late as the delay would have made it, had it been there then, and carries the delay, so that
     * withdrawing it brings the line back too.
     */
    default NewLines forNewLines(Collection<String> suppliers, Collection<String> purchaseOrders) {
        return (line, from, country, spreads) -> Optional.empty();
    }

    /** The delays in force for a batch's new lines. */
    @FunctionalInterface
    interface NewLines {

        /**
         * The delay in force that reaches a line just made, and the window it gives the line, projected from {@code
         * from}; empty when no delay reaches it.
         */
        Optional<Held> of(OrderLine line, Instant from, String country, SupplierSpreads spreads);
    }

    /**
     * A delay in force and the window it gives a line.
     *
     * @param without the window the line would have without the delay, where that is not the line's own projection:
     *     a supplier-wide delay moved the date of its purchase order, so the line's projection has the delay in it
     *     already; {@code null} otherwise. What withdrawing the delay gives back.
     */
    record Held(String delayId, EtaWindow window, EtaWindow without) {

        public Held(String delayId, EtaWindow window) {
            this(delayId, window, null);
        }

        /** The window the line would have without the delay, {@code projected} when the delay is not in that. */
        EtaWindow without(EtaWindow projected) {
            return without == null ? projected : without;
        }

        /**
         * The line waiting for {@code purchaseOrder}, held by this delay: in the delay's window, no sooner than its own
         * {@code projected} one, and carrying the delay with the window it would have without it, which withdrawing
         * the delay gives back; each landing on the shop's receiving days.
         */
        OrderLine hold(
                OrderLine line,
                String purchaseOrder,
                EtaWindow projected,
                app.leadline.delivery.ReceivingDays receivingDays) {
            EtaWindow landing = projected.landingOn(receivingDays);
            return line.waitingFor(purchaseOrder, without(projected).landingOn(receivingDays))
                    .withEta(window.landingOn(receivingDays).noEarlierThan(landing), delayId);
        }
    }
}
