package app.leadline.order;

import java.time.Duration;
import java.time.Instant;

/**
 * The customer's answer to the one question asked at the end: how satisfied they are (1 to 5) with how they were
 * kept informed, and an optional comment. Given once per order and changeable for a week after.
 */
public record Feedback(int score, String comment, Instant answeredAt, Instant changedAt) {

    public static final Duration CHANGEABLE_FOR = Duration.ofDays(7);

    boolean changeableAt(Instant now) {
        return now.isBefore(answeredAt.plus(CHANGEABLE_FOR));
    }
}
