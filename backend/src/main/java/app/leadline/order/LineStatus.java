package app.leadline.order;

/** Where a line stands on its way to the customer. */
public enum LineStatus {
    RESERVED,
    AWAITING_SUPPLIER,
    READY,
    SHIPPED,
    DELIVERED,
    CANCELLED,
    REFUNDED;

    /** The statuses of a line still to be shipped. */
    static final java.util.Set<LineStatus> OPEN = java.util.EnumSet.of(RESERVED, AWAITING_SUPPLIER, READY);

    /** Still to be shipped: reserved, waiting for the supplier, or ready. */
    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
