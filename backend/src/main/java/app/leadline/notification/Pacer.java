package app.leadline.notification;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Spreads sends on one sender to at most a configured number per second: each caller gets the next free slot and
 * waits for it, so a burst (a delay telling thousands of customers) goes out evenly instead of being refused by
 * the provider. A provider's {@code Retry-After} pushes every later slot back.
 */
final class Pacer {

    static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    Pacer(double perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("A sender's rate is above zero messages per second");
        }
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
    }

    /** Waits for this caller's slot. */
    void acquire() {
        long slot;
        synchronized (this) {
            // A sender idle for a while does not save up a burst: the next slot is never in the past.
            slot = Math.max(nextSlot, System.nanoTime());
            nextSlot = slot + intervalNanos;
        }
        long wait;
        while ((wait = slot - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /**
     * The provider asked for a break: no slot before it is over, up to {@link #MAX_PAUSE} — the message that was
     * refused waits its full {@code Retry-After}, but senders are not held longer than a lease can bear.
     */
    synchronized void pauseFor(Duration pause) {
        Duration held = pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
        nextSlot = Math.max(nextSlot, System.nanoTime() + held.toNanos());
    }
}
