package app.leadline.delivery;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * The days between which goods are expected to reach the customer, both inclusive, and the share of such goods
 * expected inside.
 *
 * @param confidence the share (0 to 1) of such lines expected to arrive inside the window, where a learned model
 *     says so: backordered and dropshipped lines, whose supplier leg is read from the suppliers' learned lateness.
 *     {@code null} where no model applies: in-stock lines (only the carriers' spread), windows combined over several
 *     lines, and lines of a supplier nothing was received from yet
 */
public record EtaWindow(LocalDate earliest, LocalDate latest, Double confidence) {

    /** A window no model states a confidence for. */
    public EtaWindow(LocalDate earliest, LocalDate latest) {
        this(earliest, latest, null);
    }

    @PersistenceCreator
    public EtaWindow {
        if (confidence != null && (confidence < 0 || confidence > 1)) {
            throw new IllegalArgumentException("A confidence lies between 0 and 1, got " + confidence);
        }
        if (earliest == null || latest == null) {
            throw new IllegalArgumentException("An ETA window needs both ends");
        }
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException(
                    "An ETA window cannot end (" + latest + ") before it starts (" + earliest + ")");
        }
    }

    /** The window in which everything has arrived: one delivery of all the given windows. */
    public static EtaWindow allOf(Collection<EtaWindow> windows) {
        return windows.stream()
                .reduce((a, b) -> new EtaWindow(max(a.earliest, b.earliest), max(a.latest, b.latest)))
                .orElseThrow(() -> new IllegalArgumentException("No windows to combine"));
    }

    /** The window from the first parcel's earliest day to the last parcel's latest day. */
    public static EtaWindow span(Collection<EtaWindow> windows) {
        return windows.stream()
                .reduce((a, b) -> new EtaWindow(min(a.earliest, b.earliest), max(a.latest, b.latest)))
                .orElseThrow(() -> new IllegalArgumentException("No windows to combine"));
    }

    /** The share of such lines expected inside, where a model states one. */
    public Optional<Double> statedConfidence() {
        return Optional.ofNullable(confidence);
    }

    /** The same days, stating this confidence. */
    public EtaWindow withConfidence(Double share) {
        return new EtaWindow(earliest, latest, share);
    }

    /**
     * This window, each end kept at least where {@code floor} has it: what a move may not undercut (a supplier's
     * delay never brings a line earlier than it stood before).
     */
    public EtaWindow noEarlierThan(EtaWindow floor) {
        LocalDate from = max(earliest, floor.earliest);
        LocalDate to = max(latest, floor.latest);
        return from.equals(earliest) && to.equals(latest) ? this : new EtaWindow(from, to, confidence);
    }

    /**
     * The window moved to the days a customer takes deliveries on (their weekdays, none of them a public holiday of
     * their country); unchanged when they take them any working day.
     */
    public EtaWindow landingOn(ReceivingDays days) {
        if (days.any()) {
            return this;
        }
        return new EtaWindow(days.onOrAfter(earliest), days.onOrAfter(latest), confidence);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
