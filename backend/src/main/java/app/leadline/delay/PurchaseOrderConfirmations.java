package app.leadline.delay;

import app.leadline.delivery.EtaCalculator;
import app.leadline.platform.UserError;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.SupplierCatalog;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A supplier's acknowledgement of a purchase order: its confirmed arrival. When that moves lines already waiting for
 * the purchase order it is a delay (or an earlier date) like any other, previewed and cascaded by
 * {@link SupplierDelays}, with the reason customers read; otherwise it is only kept. Every confirmation is kept
 * with when it was given and by whom.
 */
@Service
@PreAuthorize("hasRole('AGENT')")
class PurchaseOrderConfirmations {

    private final SupplierCatalog suppliers;
    private final SupplierDelays delays;
    private final Clock clock;
    private final EtaCalculator etas;

    PurchaseOrderConfirmations(SupplierCatalog suppliers, SupplierDelays delays, Clock clock, EtaCalculator etas) {
        this.suppliers = suppliers;
        this.delays = delays;
        this.clock = clock;
        this.etas = etas;
    }

    /** The supplier's confirmation as an agent enters it; the reason is needed only when lines move. */
    public record Confirmation(
            String purchaseOrder, LocalDate arrival, String reasonCode, String reasonText, String internalNote) {

        DelayRequest asDelay() {
            return new DelayRequest(
                    new DelayScope(DelayScope.Type.PURCHASE_ORDER, purchaseOrder, null, null),
                    arrival,
                    null,
                    reasonCode,
                    reasonText,
                    internalNote);
        }
    }

    /**
     * What confirming would do: the cascade's preview when lines would move, or an empty one when the
     * confirmation only changes the purchase order.
     */
    public record Outcome(
            Optional<DelayPreview> preview,
            Optional<DelayReport> report,
            Optional<PurchaseOrder> purchaseOrder,
            List<UserError> errors) {

        static Outcome refused(List<UserError> errors) {
            return new Outcome(Optional.empty(), Optional.empty(), Optional.empty(), errors);
        }
    }

    public Outcome preview(Confirmation confirmation) {
        List<UserError> errors = check(confirmation);
        if (!errors.isEmpty()) {
            return Outcome.refused(errors);
        }
        PurchaseOrder po = suppliers.purchaseOrder(confirmation.purchaseOrder()).orElseThrow();
        if (!movesLines(po, confirmation.arrival())) {
            return new Outcome(Optional.of(nothingMoves()), Optional.empty(), Optional.of(po), List.of());
        }
        // Each line it moves, as a correction's review lists them: the agent reads whom it tells before it does.
        SupplierDelays.Previewed previewed = delays.preview(confirmation.asDelay(), Reversals.LISTED);
        return new Outcome(previewed.preview(), Optional.empty(), Optional.of(po), previewed.errors());
    }

    public Outcome confirm(Confirmation confirmation, String agent) {
        List<UserError> errors = check(confirmation);
        if (!errors.isEmpty()) {
            return Outcome.refused(errors);
        }
        PurchaseOrder po = suppliers.purchaseOrder(confirmation.purchaseOrder()).orElseThrow();
        Optional<DelayReport> report = Optional.empty();
        if (movesLines(po, confirmation.arrival())) {
            SupplierDelays.Logged logged = delays.log(confirmation.asDelay(), agent);
            if (!logged.errors().isEmpty()) {
                return Outcome.refused(logged.errors());
            }
            report = logged.report();
        }
        suppliers.confirmArrival(po.number(), confirmation.arrival(), clock.instant(), agent);
        return new Outcome(
                report.map(DelayReport::preview).or(() -> Optional.of(nothingMoves())),
                report,
                suppliers.purchaseOrder(po.number()),
                List.of());
    }

    private static boolean movesLines(PurchaseOrder po, LocalDate arrival) {
        return !po.allocations().isEmpty() && !arrival.equals(po.expectedArrival());
    }

    private static DelayPreview nothingMoves() {
        return new DelayPreview(0, 0, 0, java.util.Map.of(), 0, 0, List.of());
    }

    private List<UserError> check(Confirmation confirmation) {
        List<UserError> errors = new ArrayList<>();
        Optional<PurchaseOrder> po = confirmation.purchaseOrder() == null
                ? Optional.empty()
                : suppliers.purchaseOrder(confirmation.purchaseOrder().trim());
        if (po.isEmpty()) {
            errors.add(new UserError(
                    "UNKNOWN_PURCHASE_ORDER",
                    "input.purchaseOrder",
                    "There is no purchase order " + confirmation.purchaseOrder() + "."));
        } else if (!po.get().isOpen()) {
            errors.add(new UserError(
                    "PURCHASE_ORDER_RECEIVED",
                    "input.purchaseOrder",
                    "Purchase order " + confirmation.purchaseOrder() + " was already received."));
        }
        if (confirmation.arrival() == null) {
            errors.add(new UserError("REQUIRED", "input.arrival", "Give the arrival the supplier confirmed."));
        } else if (confirmation.arrival().isBefore(etas.today())) {
            errors.add(new UserError("DATE_IN_PAST", "input.arrival", "The arrival cannot be in the past."));
        }
        return errors;
    }
}
