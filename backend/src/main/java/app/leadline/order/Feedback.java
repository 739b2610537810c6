package app.leadline.order;

import java.time.Duration;
import java.time.Instant;

/**
 * The customer's answer to the one question asked at the end: how satisfied they are (1 to 5) with how they were
 * kept informed, and an optional comment. Given once per order and changeable for a week after.
 */
public record Feedback(int score, String comment, Instant answeredAt, Instant changedAt) {

    public static final Duration CHANGEABLE_FOR = Duration.ofDays(7);

    static final int MAX_COMMENT = 2000;

    /** Whether the customer may answer now: asked, and not answered more than a week ago. */
    static boolean open(Feedback previous, boolean asked, Instant now) {
        return asked && (previous == null || previous.changeableAt(now));
    }

    /**
     * The answer after {@code previous} (null for the first one): a score of 1 to 5 and a comment, if any. Refused
     * before the question is asked and once the first answer is a week old.
     */
    static Feedback answer(Feedback previous, boolean asked, int score, String comment, Instant now) {
        if (!open(previous, asked, now)) {
            throw new OrderRuleViolation(
                    "FEEDBACK_CLOSED",
                    "score",
                    asked
                            ? "The answer can be changed for a week after it was given."
                            : "The question is asked once everything has been delivered.");
        }
        if (score < 1 || score > 5) {
            throw new OrderRuleViolation("INVALID_SCORE", "score", "The score is 1 to 5.");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > MAX_COMMENT) {
            throw new OrderRuleViolation("TOO_LONG", "comment", "At most " + MAX_COMMENT + " characters.");
        }
        return new Feedback(score, text, previous == null ? now : previous.answeredAt(), now);
    }

    boolean changeableAt(Instant now) {
        return now.isBefore(answeredAt.plus(CHANGEABLE_FOR));
    }
}
