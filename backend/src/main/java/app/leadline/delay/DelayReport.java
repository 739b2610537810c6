package app.leadline.delay;

import app.leadline.order.Note;
import app.leadline.order.SystemNote;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
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
 * @param kind a supplier's delay, or a correction run through the same cascade: a delay withdrawn, a receipt reversed
 * @param reverses for a correction, what it takes back: the delay's id, or the purchase order and the moment its
 *     receipt was recorded
 * @param withdrawnBy on a delay that was withdrawn, the withdrawal's id
 * @param arrivals per purchase order, the arrival its waiting lines are projected from (instead of the new date or
 *     the days late)
 * @param arrivalsBefore per purchase order the delay moved, its expected arrival before (what a withdrawal restores)
 * @param systemNote for a correction, what it takes back, as facts for agents (an agent's delay has its
 *     {@code internalNote} instead)
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
        int movedOrders,
        String runningScope,
        Instant finishedAt,
        int chunks,
        Kind kind,
        String reverses,
        String withdrawnBy,
        Map<String, LocalDate> arrivals,
        Map<String, LocalDate> arrivalsBefore,
        SystemNote systemNote) {

    public DelayReport {
        kind = kind == null ? Kind.DELAY : kind;
        arrivals = arrivals == null ? Map.of() : Map.copyOf(arrivals);
        arrivalsBefore = arrivalsBefore == null ? Map.of() : Map.copyOf(arrivalsBefore);
    }

    /** The note the lines it moves carry for agents: what Leadline noted of a correction, else the agent's own. */
    Note note() {
        return systemNote != null ? systemNote : Note.written(internalNote);
    }

    public enum Kind {
        /** A supplier's delay (or confirmed arrival) as an agent logged it. */
        DELAY,
        /** A delay logged by mistake, taken back: the lines it moved go back to their dates before. */
        WITHDRAWAL,
        /** A receipt booked against the wrong purchase order, taken back: the lines it made ready wait again. */
        RECEIPT_REVERSAL
    }

    /**
     * Whether a line placed from now on is held by it: a supplier's delay not withdrawn, of any scope (one of a purchase
     * order holds the lines placed on that purchase order).
     */
    boolean holdsNewLines() {
        return kind == Kind.DELAY && withdrawnBy == null;
    }

    /**
     * A supplier's delay of a SKU or of the whole supplier, not withdrawn: it holds the lines it moved wherever they
     * wait (a receipt taken back, a purchase order cancelled). A purchase order's own delay lives on in that order's
     * arrival instead.
     */
    boolean holdsBeyondItsPurchaseOrders() {
        return kind == Kind.DELAY && withdrawnBy == null && scope.type() != DelayScope.Type.PURCHASE_ORDER;
    }

    /**
     * The delay as the audit log keeps it, in no language: its scope's facts and what it says of the date,
     * {@code newDate} or {@code daysLate}.
     */
    Map<String, String> audited() {
        Map<String, String> facts = new java.util.LinkedHashMap<>(scope.audited());
        if (newDate != null) {
            facts.put("newDate", newDate.toString());
        } else {
            facts.put("daysLate", String.valueOf(daysLate));
        }
        return facts;
    }

    /** The day lines waiting for the purchase order are projected from: as corrected, else as the delay says. */
    LocalDate arrivalFor(app.leadline.supplier.PurchaseOrder po) {
        LocalDate corrected = arrivals.get(po.number());
        if (corrected != null) {
            return corrected;
        }
        return newDate != null ? newDate : po.plannedArrival().plusDays(daysLate == null ? 0 : daysLate);
    }

    public enum State {
        RUNNING,
        DONE
    }
}
