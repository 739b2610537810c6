package app.leadline.delay;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a delay would do, before anything changes.
 *
 * @param customers distinct customers who will be told
 * @param orderValue the affected orders' value, per currency
 * @param linesNowLate lines that would newly miss the date first promised (and so may be cancelled)
 * @param linesKept lines in scope that wait for their goods yet keep their dates (another delay has them as late)
 */
record DelayPreview(
        int orders,
        int lines,
        int customers,
        Map<String, BigDecimal> orderValue,
        int linesNowLate,
        int linesKept,
        List<Sample> sample) {

    /**
     * One line it moves, for the agent to check the delay's effect on.
     *
     * @param from the line's latest day before
     * @param to its latest day after
     * @param toEarliest its earliest day after: the window its customer is told is {@code toEarliest} to {@code to}
     *     (null in a preview kept before it was)
     */
    public record Sample(
            String orderNumber,
            String customerName,
            String lineId,
            String lineName,
            LocalDate from,
            LocalDate to,
            LocalDate toEarliest) {}
}
