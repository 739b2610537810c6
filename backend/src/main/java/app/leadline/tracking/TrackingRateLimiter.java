package app.leadline.tracking;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.NopeOptimizationListener;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.delay.DelayOptimization;
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
 * {@code perMinute}. The buckets live in the store ({@link StoredBuckets}), so N instances share one budget, and no
 * client's budget is ever reset by others arriving. An IPv6 client is its /64, the block one subscriber is given:
 * cycling addresses inside it buys nothing. Guessing tokens is hopeless anyway (256 bits); this keeps it expensive to
 * try.
 *
 * <p>A client's first lookup reads its bucket from the store; after that the instance answers from the copy it
 * holds and writes what it gave to the store once a second, or as soon as it has given a tenth of the burst (at least
 * one) since it last did (Bucket4j's delaying). A lookup is then a store round trip only now and then, not two each
 * (read and replace), and that write starts from the state the instance last wrote, so it is the replace alone unless
 * another instance wrote in between ({@link StoredBuckets}); a refusal never is: the copy can only hold more than the
 * store, never less. With one instance the budget is exact; with N, a client may get up to a tenth of the burst from
 * each beyond it before they meet in the store, which its next refills pay back. A {@code kill -9}, or a minute of
 * the client's silence (its copy is then dropped), forgets at most that tenth.
 */
@Component
class TrackingRateLimiter {

    private final StoredBuckets buckets;
    private final BucketConfiguration configuration;
    private final Optimization synchronising;
    private final Clock clock;
    /**
     * One bucket object per client, kept while the client is active: it holds the copy the instance answers from,
     * and lookups for the same client that do reach the store at the same time are batched into one compare-and-swap
     * (which works only on the same object) instead of each trying again.
     */
    private final com.github.benmanes.caffeine.cache.Cache<String, io.github.bucket4j.Bucket> active =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .expireAfterAccess(Duration.ofMinutes(1))
                    .maximumSize(10_000)
                    .build();

    TrackingRateLimiter(TrackingProperties properties, MongoTemplate mongo, Clock clock) {
        this.clock = clock;
        // A full bucket is forgotten a minute after it filled up again: the same as a client never seen.
        this.buckets = new StoredBuckets(mongo, clock, Duration.ofMinutes(1), true);
        this.synchronising = new DelayOptimization(
                new DelayParameters(Math.max(1, properties.burst() / 10), Duration.ofSeconds(1)),
                NopeOptimizationListener.INSTANCE,
                buckets.clock());
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit ->
                        limit.capacity(properties.burst()).refillGreedy(properties.perMinute(), Duration.ofMinutes(1)))
                .build();
    }

    boolean tryAcquire(String client) {
        return active.get(
                        network(client),
                        key -> buckets.builder().withOptimization(synchronising).build(key, () -> configuration))
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
