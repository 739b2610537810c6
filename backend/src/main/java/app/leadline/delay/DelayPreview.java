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

    /** One affected order, for the agent to check the delay's effect on. */
    public record Sample(
            String orderNumber, String customerName, String lineId, String lineName, LocalDate from, LocalDate to) {}
}
