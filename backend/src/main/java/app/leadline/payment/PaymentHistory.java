package app.leadline.payment;

import java.util.List;

/**
 * What the payment provider was asked to do for an order, as the provider keeps it. The embedded recording gateway
 * keeps it itself; an adapter for a real provider reads it from the provider, or provides none.
 */
interface PaymentHistory {

    /** The operations sent for the order, oldest first. */
    List<RecordedPayment> recordedFor(String orderNumber);
}
