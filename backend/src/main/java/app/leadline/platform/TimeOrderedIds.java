package app.leadline.platform;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Identifiers that sort in the order they were made: UUIDs of version 7 (RFC 9562), the time in milliseconds first,
 * then a counter for ids made within one millisecond, then 62 random bits. A document stored under such an id lands
 * after the last one in the collection's B-tree, so a batch of new documents changes a page or two at its end where
 * random ids change a page for every document (MongoDB's {@code _id} index and the embedded store alike).
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The last id's milliseconds and counter, as {@code millis << 12 | counter}. */
    private static final AtomicLong LAST = new AtomicLong();

    private TimeOrderedIds() {}

    /** A new id, after every id this process made before. */
    public static String next() {
        return next(System.currentTimeMillis());
    }

    /**
     * A new id for a moment {@code millis} after the epoch. Within one millisecond the counter moves on; after 4,096
     * ids in the same millisecond the time moves on with it, so ids stay in order whatever the clock does.
     */
    static String next(long millis) {
        long stamp = LAST.updateAndGet(last -> Math.max(last + 1, millis << 12));
        long mostSignificant = (stamp >>> 12) << 16 | 0x7000L | (stamp & 0xFFFL);
        long leastSignificant = RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }
}
