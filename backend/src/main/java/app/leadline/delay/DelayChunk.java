package app.leadline.delay;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A slice of a delay's work: the orders and lines it moves, and whether that is done. */
@Document("delayChunks")
record DelayChunk(@Id String id, String report, int seq, List<Target> targets, boolean done) {

    /** The lines of one order that the delay moves. */
    record Target(String orderId, List<String> lineIds) {}
}
