package app.leadline.delay;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A slice of a delay's work: the orders and lines it moves, whether that is done, and which instance works on it
 * until when (its lease: when that runs out without the chunk done, the instance is taken for dead and any other
 * takes the chunk over). A chunk with an order that could not be changed stays open and is tried again after a
 * backoff that grows with its {@code failedAttempts}.
 */
@Document("delayChunks")
record DelayChunk(
        @Id String id,
        String report,
        int seq,
        List<Target> targets,
        boolean done,
        String owner,
        java.time.Instant leaseUntil,
        int failedAttempts) {

    /** The lines of one order that the delay moves. */
    record Target(String orderId, List<String> lineIds) {}
}
