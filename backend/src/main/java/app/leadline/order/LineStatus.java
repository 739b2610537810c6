package app.leadline.order;

/** Where a line stands on its way to the customer. */
public enum LineStatus {
    RESERVED,
    AWAITING_SUPPLIER,
    READY,
    SHIPPED,
    DELIVERED,
    CANCELLED,
    REFUNDED
}
