package app.leadline.tracking;

import io.github.bucket4j.BucketConfiguration;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tracking lookups per client, as a token bucket per client network: a burst of {@code burst} lookups, refilled at
 * {@code perMinute}. The buckets live in the store ({@link StoredBuckets}), so N instances allow what one does, and
 * no client's budget is ever reset by others arriving. An IPv6 client is its /64, the block one subscriber is given:
 * cycling addresses inside it buys nothing. Guessing tokens is hopeless anyway (256 bits); this keeps it expensive to
 * try.
 */
@Component
class TrackingRateLimiter {

    private final StoredBuckets buckets;
    private final BucketConfiguration configuration;
    private final Clock clock;
    /**
     * One bucket object per client, kept while the client is active: lookups for the same client at the same time
     * are then batched into one compare-and-swap of its stored bucket (Bucket4j's batching, which works only on the
     * same object), instead of each reading and writing the stored bucket and all but one trying again.
     */
    private final com.github.benmanes.caffeine.cache.Cache<String, io.github.bucket4j.Bucket> active =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .expireAfterAccess(Duration.ofMinutes(1))
                    .maximumSize(10_000)
                    .build();

    TrackingRateLimiter(TrackingProperties properties, MongoTemplate mongo, Clock clock) {
        this.clock = clock;
        // A full bucket is forgotten a minute after it filled up again: the same as a client never seen.
        this.buckets = new StoredBuckets(mongo, clock, Duration.ofMinutes(1));
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit ->
                        limit.capacity(properties.burst()).refillGreedy(properties.perMinute(), Duration.ofMinutes(1)))
                .build();
    }

    boolean tryAcquire(String client) {
        return active.get(
                        network(client),
                        key -> buckets.builder()
                                .withOptimization(
                                        io.github.bucket4j.distributed.proxy.optimization.Optimizations.batching())
                                .build(key, () -> configuration))
                .tryConsume(1);
    }

    /** Keeps the store as small as the clients of the last minutes (the embedded store expires nothing by itself). */
    @Scheduled(fixedDelayString = "${leadline.tracking.rate-limit.sweep-interval:1m}")
    void forgetRefilledBucketsNow() {
        forgetRefilledBuckets();
    }

    /** Forgets the buckets that are full again; returns how many. */
    long forgetRefilledBuckets() {
        return buckets.removeExpired(clock.instant());
    }

    /** The key a client is limited under: an IPv4 address, or the /64 network of an IPv6 one. */
    static String network(String address) {
        if (address == null || !address.contains(":")) {
            return address == null ? "unknown" : address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            return HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "::/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
