package app.leadline.order;

/** A line's money under charge-per-shipment: authorised at order time, captured when it ships. */
public enum PaymentState {
    AUTHORIZED,
    CAPTURED,
    VOIDED,
    REFUNDED
}
