package app.leadline.tracking;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Tracking lookups per client, as a token bucket per client address: a burst of {@code burst} lookups, refilled
 * at {@code perMinute}. Guessing tokens is hopeless anyway (256 bits); this keeps it expensive to try.
 */
@Component
class TrackingRateLimiter {

    private static final int MAX_CLIENTS = 100_000;

    private final TrackingProperties properties;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    TrackingRateLimiter(TrackingProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    boolean tryAcquire(String client) {
        if (buckets.size() > MAX_CLIENTS) {
            // Far more clients than a shop's customers at once: drop the memory rather than grow without bound.
            buckets.clear();
        }
        long now = clock.millis();
        return buckets.computeIfAbsent(client, key -> new Bucket(properties.burst(), now))
                .tryTake(now, properties.burst(), properties.perMinute());
    }

    private static final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(int tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        synchronized boolean tryTake(long now, int burst, int perMinute) {
            tokens = Math.min(burst, tokens + (now - updatedAt) * perMinute / 60_000.0);
            updatedAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
