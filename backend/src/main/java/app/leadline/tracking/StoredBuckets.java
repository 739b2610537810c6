package app.leadline.tracking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Bucket4j's token buckets kept in the store, one document per key, so that every instance draws on the same
 * budget. Bucket4j does the arithmetic and retries; this is only its compare-and-swap: insert a new bucket (a
 * duplicate key means another instance was first), or replace one whose state is still the one read. A bucket that
 * has filled up again is the same as none, so each document says when that is ({@code expiresAt}) and
 * {@link #removeExpired} deletes it: the embedded store has no TTL indexes, and this keeps the store as small as the
 * clients of the last few minutes, however many addresses an attacker cycles through.
 */
class StoredBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    static final String COLLECTION = "rateLimits";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ExpirationAfterWriteStrategy expiration;

    /**
     * The state this instance last wrote of each bucket it works on, when it remembers them. Its next write starts
     * from it without reading the bucket first: the swap replaces only that very state, so a write from another
     * instance in between (or the bucket forgotten) fails it, and the bucket is then read. A client's lookups on one
     * instance thus cost one round trip to the store each time they are written, not two. An answer that writes
     * nothing (a refusal) is then given from the remembered state: another instance can only have taken more since,
     * so it refuses as the store would, but a bucket emptied by hand is seen only once a refill makes a lookup write
     * again (seconds for tracking lookups; link requests, refilled hourly, read the store every time).
     */
    private final Cache<String, byte[]> written;

    /**
     * @param keptAfterFull how long a bucket is kept once full again
     * @param remembersWrites whether this instance writes a bucket from the state it last wrote, see {@link #written}
     */
    StoredBuckets(MongoTemplate mongo, Clock clock, Duration keptAfterFull, boolean remembersWrites) {
        this(
                mongo,
                clock,
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(keptAfterFull),
                remembersWrites
                        ? Caffeine.newBuilder()
                                .expireAfterAccess(Duration.ofMinutes(1))
                                .maximumSize(10_000)
                                .build()
                        : null);
    }

    private StoredBuckets(
            MongoTemplate mongo, Clock clock, ExpirationAfterWriteStrategy expiration, Cache<String, byte[]> written) {
        super(ClientSideConfig.getDefault()
                .withClientClock(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        return TimeUnit.MILLISECONDS.toNanos(clock.millis());
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return true;
                    }
                })
                .withExpirationAfterWriteStrategy(expiration));
        this.mongo = mongo;
        this.clock = clock;
        this.expiration = expiration;
        this.written = written;
    }

    /** The application's clock as Bucket4j reads it: what the buckets' refills and their optimizations go by. */
    TimeMeter clock() {
        return getClientSideConfig().getClientSideClock().orElseThrow();
    }

    private MongoCollection<Document> buckets() {
        return mongo.getCollection(COLLECTION);
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {

            /** Whether this operation has asked for the state before: a second time follows a failed swap. */
            private boolean askedBefore;

            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                byte[] last = askedBefore || written == null ? null : written.getIfPresent(key);
                askedBefore = true;
                if (last != null) {
                    return Optional.of(last);
                }
                return Optional.ofNullable(
                                buckets().find(Filters.eq("_id", key)).first())
                        .map(bucket -> bucket.get("state", Binary.class).getData());
            }

            @Override
            public boolean compareAndSwap(
                    byte[] original, byte[] updated, RemoteBucketState state, Optional<Long> timeoutNanos) {
                boolean swapped = swap(original, updated, state);
                if (written != null) {
                    if (swapped) {
                        written.put(key, updated);
                    } else {
                        written.invalidate(key);
                    }
                }
                return swapped;
            }

            private boolean swap(byte[] original, byte[] updated, RemoteBucketState state) {
                long now = clock.millis();
                Document bucket = new Document("_id", key)
                        .append("state", new Binary(updated))
                        .append(
                                "expiresAt",
                                new Date(now
                                        + expiration.calculateTimeToLiveMillis(
                                                state, TimeUnit.MILLISECONDS.toNanos(now))));
                if (original == null) {
                    try {
                        buckets().insertOne(bucket);
                        return true;
                    } catch (MongoWriteException e) {
                        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                            return false;
                        }
                        throw e;
                    }
                }
                return buckets()
                                .replaceOne(
                                        Filters.and(Filters.eq("_id", key), Filters.eq("state", new Binary(original))),
                                        bucket)
                                .getMatchedCount()
                        == 1;
            }
        };
    }

    /** Deletes the buckets that are full again by {@code now}; returns how many. */
    long removeExpired(Instant now) {
        return buckets().deleteMany(Filters.lt("expiresAt", Date.from(now))).getDeletedCount();
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("Rate limits are checked synchronously");
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        return CompletableFuture.failedFuture(
                new UnsupportedOperationException("Rate limits are removed synchronously"));
    }

    @Override
    public void removeProxy(String key) {
        buckets().deleteOne(Filters.eq("_id", key));
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }
}
