package app.leadline.promise;

import app.leadline.delivery.SupplierSpread;
import app.leadline.delivery.SupplierSpreads;
import app.leadline.promise.LatenessModel.Anchor;
import app.leadline.promise.LatenessModel.Record;
import app.leadline.promise.LatenessModel.Settings;
import app.leadline.promise.LatenessModel.Spread;
import app.leadline.promise.PurchaseOrderHistory.Received;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.PurchaseOrder.Confirmation;
import app.leadline.supplier.SupplierCatalog;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Each supplier's lateness as learned from the purchase orders the shop received: every receipt counted against
 * the arrival the supplier last confirmed before it (or the lead time's estimate where it confirmed none). The
 * model is rebuilt from the stored history by replaying it, so every instance arrives at the same windows.
 */
@Service
class SupplierLateness implements SupplierSpreads.Source {

    private final SupplierCatalog catalog;

    /**
     * The model last learned and the versions of the purchase orders it was learned from. Intake, every chunk of a
     * cascade and every purchase order placed ask for the model; learning it anew each time read and replayed the
     * whole history (at a thousand received purchase orders about 50 ms on the embedded store, a third of what a batch
     * of a hundred orders takes to come in).
     */
    private volatile Memo memo;

    private record Memo(Map<String, Long> versions, Learned learned) {}

    SupplierLateness(SupplierCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The model after every receipt so far: learned again only when a purchase order with receipts was added or
     * changed since, wherever that happened. A change while it is learned leaves the versions read before it, so
     * the next call learns again.
     */
    public Learned learned() {
        Map<String, Long> versions = catalog.versionsWithReceipts();
        Memo known = memo;
        if (known != null && known.versions().equals(versions)) {
            return known.learned();
        }
        Learned learned = learned((order, receipt) -> true);
        memo = new Memo(versions, learned);
        return learned;
    }

    private Learned learned(java.util.function.BiPredicate<PurchaseOrder, PurchaseOrder.Receipt> counted) {
        List<Received> history = catalog.purchaseOrdersWithReceipts().stream()
                .flatMap(order -> received(order, counted).stream())
                .toList();
        return new Learned(Replay.run(history, Settings.defaults(), prediction -> {}));
    }

    /** Each supplier's learned spread around its expected days, for the windows of the lines it supplies. */
    @Override
    public SupplierSpreads current() {
        return learned();
    }

    @Override
    public SupplierSpreads currentWithoutReceiptsOf(String purchaseOrder) {
        return learned((order, receipt) -> !order.number().equals(purchaseOrder));
    }

    /** What one purchase order's receipts say: each against the arrival the supplier last gave before it. */
    static List<Received> received(PurchaseOrder order) {
        return received(order, (po, receipt) -> true);
    }

    private static List<Received> received(
            PurchaseOrder order, java.util.function.BiPredicate<PurchaseOrder, PurchaseOrder.Receipt> counted) {
        LocalDate sentOn = order.sentDay().orElse(order.plannedArrival());
        return order.receipts().stream()
                .filter(receipt -> counted.test(order, receipt))
                .map(receipt -> new Received(
                        order.number(),
                        order.supplier(),
                        sentOn,
                        Optional.of(promisedBefore(order, receipt.receivedOn())),
                        receipt.receivedOn()))
                .distinct()
                .toList();
    }

    private static LocalDate promisedBefore(PurchaseOrder order, LocalDate receivedOn) {
        return order.confirmations().stream()
                .filter(confirmation -> !confirmation
                        .at()
                        .atZone(java.time.ZoneOffset.UTC)
                        .toLocalDate()
                        .isAfter(receivedOn))
                .max(Comparator.comparing(Confirmation::at))
                .map(Confirmation::arrival)
                .orElse(order.plannedArrival());
    }

    /** The learned model's answers. */
    public record Learned(LatenessModel model) implements SupplierSpreads {

        /** The window of days after a purchase order's expected arrival its goods come, with its confidence. */
        public Spread window(String supplier) {
            return model.predict(supplier, Anchor.CONFIRMED);
        }

        /**
         * The window lines are projected with, once anything was received from the supplier (with a short history it
         * borrows from all suppliers'); empty before, when nothing the supplier did says how its dates hold.
         */
        @Override
        public Optional<SupplierSpread> of(String supplier) {
            if (record(supplier).history() == 0) {
                return Optional.empty();
            }
            Spread window = window(supplier);
            return Optional.of(new SupplierSpread(window.from(), window.to(), window.confidence()));
        }

        @Override
        public Optional<SupplierSpread> givenLate(String supplier, int daysLate) {
            return model.predictGiven(supplier, Anchor.CONFIRMED, daysLate)
                    .map(window -> new SupplierSpread(window.from(), window.to(), window.confidence()));
        }

        public Record record(String supplier) {
            return model.record(supplier, Anchor.CONFIRMED);
        }
    }
}
