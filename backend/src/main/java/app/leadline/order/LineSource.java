package app.leadline.order;

/** Where a line's goods come from. */
public enum LineSource {
    /** On the shop's own shelf. */
    STOCK,
    /** Bought from a supplier after the sale; waits for a purchase order to arrive. */
    BACKORDER,
    /** Sent to the customer by the supplier directly. */
    DROPSHIP
}
