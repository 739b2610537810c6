package app.leadline.order;

/**
 * Whether a supplier's delay still holds the lines it moved wherever they wait: a delay of a SKU or of the whole
 * supplier, not withdrawn. A line that leaves its purchase order for another (or for the buy list) stays at least as
 * late as such a delay had it; the supplier is no quicker for it. Answered by the delays module.
 */
@FunctionalInterface
public interface DelaysInForce {

    boolean holds(String delayId);
}
