package app.leadline.order;

/** Whether the customer waits for one complete delivery or gets lines as they become ready. */
public enum DeliveryPreference {
    WAIT_FOR_ALL,
    SHIP_AS_AVAILABLE
}
