package app.leadline.notification;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Spreads sends on one sender to at most a configured number per second: each caller gets the next free slot and
 * waits for it, so a burst (a delay telling thousands of customers) goes out evenly instead of being refused by
 * the provider. A provider's {@code Retry-After} pushes every later slot back. The slots are a Bucket4j bucket of
 * one token, so an idle sender does not save up a burst.
 */
final class Pacer {

    static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    private final long intervalNanos;
    private final Bucket slots;

    Pacer(double perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("A sender's rate is above zero messages per second");
        }
        this.intervalNanos = Math.max(1, (long) (TimeUnit.SECONDS.toNanos(1) / perSecond));
        this.slots = Bucket.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofNanos(intervalNanos)))
                .build();
    }

    /** Waits for this caller's slot. */
    void acquire() {
        slots.asBlocking().consumeUninterruptibly(1);
    }

    /**
     * The provider asked for a break: no slot before it is over, up to {@link #MAX_PAUSE} — the message that was
     * refused waits its full {@code Retry-After}, but senders are not held longer than a lease can bear. Pauses
     * asked for at once overlap rather than add up.
     */
    void pauseFor(Duration pause) {
        Duration held = pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
        long wanted = held.toNanos() / intervalNanos;
        long owed = Math.max(0, -slots.getAvailableTokens());
        if (wanted > owed) {
            slots.consumeIgnoringRateLimits(wanted - owed);
        }
    }
}
