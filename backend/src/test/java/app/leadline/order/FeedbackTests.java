package app.leadline.order;

import static app.leadline.order.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedbackTests {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @Test
    void theQuestionIsAnsweredOnlyOnceItIsAsked() {
        assertThat(Feedback.open(null, false, NOW)).isFalse();
        assertRefused(() -> Feedback.answer(null, false, 5, null, NOW), "FEEDBACK_CLOSED", "score");
        assertThat(Feedback.answer(null, true, 4, "  Told in good time.  ", NOW))
                .isEqualTo(new Feedback(4, "Told in good time.", NOW, NOW));
    }

    @Test
    void anAnswerChangesForAWeekKeepingWhenItWasFirstGiven() {
        Feedback first = Feedback.answer(null, true, 2, "", NOW);
        Instant sixDaysOn = NOW.plus(Duration.ofDays(6));

        Feedback changed = Feedback.answer(first, true, 5, null, sixDaysOn);

        assertThat(first.comment()).isNull();
        assertThat(changed).isEqualTo(new Feedback(5, null, NOW, sixDaysOn));
        assertThat(Feedback.open(changed, true, NOW.plus(Feedback.CHANGEABLE_FOR)))
                .isFalse();
        assertRefused(
                () -> Feedback.answer(changed, true, 1, null, NOW.plus(Feedback.CHANGEABLE_FOR)),
                "FEEDBACK_CLOSED",
                "score");
    }

    @Test
    void aScoreIsOneToFiveAndACommentHasALimit() {
        assertRefused(() -> Feedback.answer(null, true, 0, null, NOW), "INVALID_SCORE", "score");
        assertRefused(() -> Feedback.answer(null, true, 6, null, NOW), "INVALID_SCORE", "score");
        assertRefused(
                () -> Feedback.answer(null, true, 3, "x".repeat(Feedback.MAX_COMMENT + 1), NOW), "TOO_LONG", "comment");
    }
}
