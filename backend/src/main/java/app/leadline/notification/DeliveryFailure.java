package app.leadline.notification;

import java.time.Duration;
import java.util.Optional;

/**
 * A channel could not deliver a message. Transient failures (timeouts, the provider's 5xx, 429) are tried again
 * later, not before the provider's {@code Retry-After}; permanent ones (an invalid number, an unsubscribed
 * recipient) are not. A failure is uncertain when the provider may have taken the message anyway (the connection
 * broke after the request went out).
 */
class DeliveryFailure extends RuntimeException {

    private final boolean transientFailure;
    private final boolean uncertain;
    private final Duration retryAfter;

    public DeliveryFailure(String message, boolean transientFailure, Throwable cause) {
        this(message, transientFailure, false, null, cause);
    }

    public DeliveryFailure(
            String message, boolean transientFailure, boolean uncertain, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.uncertain = uncertain;
        this.retryAfter = retryAfter;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    public boolean isUncertain() {
        return uncertain;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
