package app.leadline.notification;

/**
 * A channel could not deliver a message. Transient failures (timeouts, the provider's 5xx, 429) are tried again
 * later; permanent ones (an invalid number, an unsubscribed recipient) are not.
 */
public class DeliveryFailure extends RuntimeException {

    private final boolean transientFailure;

    public DeliveryFailure(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
