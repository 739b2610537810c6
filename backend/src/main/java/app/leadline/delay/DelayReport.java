package app.leadline.delay;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One logged supplier delay and its cascade as a resumable job.
 *
 * @param newDate the supplier's new date (arrival for purchase orders, dispatch for dropshipped items), or
 * @param daysLate days later than first planned
 * @param reasonCode a reason from the admins' list, translated for each customer; or
 * @param reasonText free text the customer reads as written
 * @param runningScope the scope's key while the job runs (unique), absent after
 * @param chunks how many chunks the plan has (all stored before the report), 0 for reports from before the count
 */
@Document("delayReports")
public record DelayReport(
        @Id String id,
        DelayScope scope,
        LocalDate newDate,
        Integer daysLate,
        String reasonCode,
        String reasonText,
        String internalNote,
        String createdBy,
        Instant createdAt,
        State state,
        DelayPreview preview,
        int totalOrders,
        int processedOrders,
        int movedLines,
        String runningScope,
        Instant finishedAt,
        int chunks) {

    public enum State {
        RUNNING,
        DONE
    }
}
