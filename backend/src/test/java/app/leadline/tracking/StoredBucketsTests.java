package app.leadline.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.platform.WholeDocuments;
import app.leadline.support.MovableClock;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The rate limit's buckets in the store, as two instances of Leadline share them: a client's lookups on one instance
 * write its bucket without reading it first each time, and a write from the other instance in between is still
 * found, so the budget stays one between them.
 */
class StoredBucketsTests {

    /** A burst of 3: each instance writes a client's bucket after every lookup (a tenth of the burst, at least one). */
    private static final TrackingProperties LIMITS = new TrackingProperties(3, 1);

    private MongoServer server;
    private MongoClient client;
    private final AtomicInteger bucketReads = new AtomicInteger();
    private MongoTemplate mongo;

    @BeforeEach
    void store() {
        server = new MongoServer(WholeDocuments.memoryBackend());
        InetSocketAddress address = server.bind();
        CommandListener reads = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")
                        && StoredBuckets.COLLECTION.equals(
                                event.getCommand().getString("find").getValue())) {
                    bucketReads.incrementAndGet();
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(
                        new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()))
                .addCommandListener(reads)
                .build());
        mongo = new MongoTemplate(client, "leadline");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aClientsLookupsOnOneInstanceReadItsBucketWhenItIsMadeNotAtEachWrite() {
        MovableClock clock = new MovableClock();
        TrackingRateLimiter limiter = new TrackingRateLimiter(LIMITS, mongo, clock);
        String client = "198.51.100.7";
        assertThat(limiter.tryAcquire(client)).isTrue();
        int readsMakingIt = bucketReads.get();

        int allowed = 0;
        for (int i = 0; i < 4; i++) {
            allowed += limiter.tryAcquire(client) ? 1 : 0;
        }
        for (int minute = 1; minute <= 10; minute++) {
            clock.advance(Duration.ofMinutes(1));
            allowed += limiter.tryAcquire(client) ? 1 : 0;
        }

        assertThat(allowed)
                .as("the rest of the burst, then one lookup a minute")
                .isEqualTo(2 + 10);
        assertThat(bucketReads.get())
                .as("the writes after the bucket was made start from what this instance wrote")
                .isEqualTo(readsMakingIt);
    }

    @Test
    void aWriteFromAnotherInstanceInBetweenIsReadBeforeTheBudgetIsAnswered() {
        MovableClock clock = new MovableClock();
        TrackingRateLimiter first = new TrackingRateLimiter(LIMITS, mongo, clock);
        TrackingRateLimiter second = new TrackingRateLimiter(LIMITS, mongo, clock);
        String client = "198.51.100.8";

        assertThat(first.tryAcquire(client)).isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(second.tryAcquire(client)).isTrue();
        assertThat(second.tryAcquire(client)).isTrue();
        clock.advance(Duration.ofSeconds(2));
        int readsBefore = bucketReads.get();

        int allowed = 0;
        for (int i = 0; i < 3; i++) {
            allowed += first.tryAcquire(client) ? 1 : 0;
        }

        assertThat(allowed)
                .as("the burst of 3 is spent between both instances; the first gives at most the one lookup it may"
                        + " owe the store before its write fails and it reads the second's")
                .isLessThanOrEqualTo(1);
        assertThat(bucketReads.get() - readsBefore)
                .as("its swap from what it wrote failed, so it read the bucket")
                .isPositive();
    }
}
