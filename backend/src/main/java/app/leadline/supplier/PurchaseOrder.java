package app.leadline.supplier;

import app.leadline.platform.ErrorTranslations;
import app.leadline.platform.UserError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A purchase order placed with a supplier: what was ordered per SKU and how much of it customer order lines have
 * taken, its expected arrival with every confirmation the supplier gave, and the customer order lines allocated to
 * it. A line is allocated only while its SKU has quantity left, through a versioned update, so nothing is
 * allocated twice.
 *
 * @param estimated whether the expected arrival is the supplier's usual lead time rather than its word
 */
@Document("purchaseOrders")
public record PurchaseOrder(
        @Id String number,
        String supplier,
        List<String> skus,
        LocalDate expectedArrival,
        Status status,
        List<Allocation> allocations,
        LocalDate originalExpectedArrival,
        List<Line> lines,
        LocalDate sentOn,
        boolean estimated,
        List<Confirmation> confirmations,
        List<Receipt> receipts,
        Instant placedAt,
        String placedBy,
        Cancellation cancellation,
        @Version Long version) {

    public enum Status {
        OPEN,
        RECEIVED,
        CANCELLED
    }

    /**
     * The purchase order was called off, or, when goods had arrived against it, what was still to come on it: when, by
     * whom, why, and the customer order lines that waited for it then (they went back to waiting, their units freed;
     * those its goods had made ready stay allocated to it, and ready).
     */
    public record Cancellation(Instant at, String by, String reason, List<Allocation> released) {

        public int releasedLines() {
            return released == null ? 0 : released.size();
        }
    }

    /**
     * One customer order line waiting for this purchase order, and how many of the SKU it takes.
     *
     * @param at when it was made; absent on allocations from before that was kept
     */
    public record Allocation(String orderId, String lineId, String sku, Integer quantity, Instant at) {

        public Allocation(String orderId, String lineId, String sku, Integer quantity) {
            this(orderId, lineId, sku, quantity, null);
        }

        public Allocation(String orderId, String lineId, String sku) {
            this(orderId, lineId, sku, 1);
        }

        /** The same allocation, made at {@code at}. */
        Allocation madeAt(Instant at) {
            return new Allocation(orderId, lineId, sku, quantity, at);
        }

        public int units() {
            return quantity == null ? 1 : quantity;
        }
    }

    /**
     * A SKU on the purchase order.
     *
     * @param ordered units bought; absent on purchase orders from before quantities were kept, which take any number
     * @param allocated units customer order lines wait for
     */
    public record Line(String sku, Integer ordered, int allocated, int received) {

        public boolean has(int units) {
            return ordered == null || ordered - allocated >= units;
        }

        public Optional<Integer> unallocated() {
            return Optional.ofNullable(ordered).map(units -> units - allocated);
        }
    }

    /** The supplier's word on the arrival, when it was given and who recorded it. */
    public record Confirmation(LocalDate arrival, Instant at, String by) {}

    /** Goods of one SKU that arrived: the day they actually did, how many, and when and by whom it was recorded. */
    public record Receipt(String sku, int quantity, LocalDate receivedOn, Instant recordedAt, String by) {}

    @PersistenceCreator
    public PurchaseOrder {
        skus = skus == null ? List.of() : List.copyOf(skus);
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
        if (lines == null || lines.isEmpty()) {
            lines = skus.stream().map(sku -> new Line(sku, null, 0, 0)).toList();
        }
        confirmations = confirmations == null ? List.of() : List.copyOf(confirmations);
        receipts = receipts == null ? List.of() : List.copyOf(receipts);
    }

    /** The units per SKU of the receipt recorded at that moment (one booking); empty when there is none. */
    public java.util.Map<String, Integer> receiptUnits(Instant recordedAt) {
        java.util.Map<String, Integer> units = new java.util.LinkedHashMap<>();
        receipts.stream()
                .filter(receipt ->
                        receipt.recordedAt() != null && receipt.recordedAt().equals(recordedAt))
                .forEach(receipt -> units.merge(receipt.sku(), receipt.quantity(), Integer::sum));
        return units;
    }

    /**
     * Why these units per SKU cannot be received on this purchase order: a SKU not on it, or more than is still to
     * come. Each refusal names that SKU's quantity by its place among those given ({@code
     * input.quantities[1].quantity}, the units per SKU in the order they were sent), so that a form says it next to
     * that SKU. None when they can.
     */
    public List<UserError> refusedReceipt(Map<String, Integer> quantities) {
        List<UserError> refused = new java.util.ArrayList<>();
        List<String> skus = List.copyOf(quantities.keySet());
        for (int place = 0; place < skus.size(); place++) {
            String sku = skus.get(place);
            String field = "input." + quantityField(place);
            Optional<Line> line = line(sku);
            if (line.isEmpty()) {
                refused.add(new UserError("UNKNOWN_SKU", field, sku + " is not on purchase order " + number + "."));
            } else if (line.get().ordered() != null
                    && line.get().received() + quantities.get(sku) > line.get().ordered()) {
                refused.add(new UserError(
                        "OVER_RECEIPT",
                        field,
                        "Purchase order " + number + " has only "
                                + (line.get().ordered() - line.get().received()) + " of " + sku + " still to come."));
            }
        }
        return refused;
    }

    /** The field of a receipt's units of one SKU, by its place among the SKUs given. */
    public static String quantityField(int place) {
        return "quantities[" + place + "].quantity";
    }

    /** Per SKU, the units ordered that have not arrived, in the purchase order's order; none for lines without quantities. */
    public Map<String, Integer> stillToCome() {
        Map<String, Integer> units = new java.util.LinkedHashMap<>();
        lines.stream()
                .filter(line -> line.ordered() != null && line.ordered() > line.received())
                .forEach(line -> units.put(line.sku(), line.ordered() - line.received()));
        return units;
    }

    /** Whether every SKU arrived as ordered; never for a purchase order without quantities. */
    public boolean fullyReceived() {
        return lines.stream().allMatch(line -> line.ordered() != null && line.received() >= line.ordered());
    }

    /** A purchase order as kept before quantities, dates sent and confirmations were. */
    public PurchaseOrder(
            String number,
            String supplier,
            List<String> skus,
            LocalDate expectedArrival,
            Status status,
            List<Allocation> allocations,
            LocalDate originalExpectedArrival,
            Long version) {
        this(
                number,
                supplier,
                skus,
                expectedArrival,
                status,
                allocations,
                originalExpectedArrival,
                null,
                null,
                false,
                List.of(),
                List.of(),
                null,
                null,
                null,
                version);
    }

    /** The same purchase order with its SKU lines as given (units allocated or received, as they will be). */
    public PurchaseOrder withLines(List<Line> lines) {
        return new PurchaseOrder(
                number,
                supplier,
                skus,
                expectedArrival,
                status,
                allocations,
                originalExpectedArrival,
                lines,
                sentOn,
                estimated,
                confirmations,
                receipts,
                placedAt,
                placedBy,
                cancellation,
                version);
    }

    /** The same purchase order received in full on that day, in one receipt recorded at that moment. */
    PurchaseOrder arrivedInFull(LocalDate receivedOn, Instant recordedAt) {
        return new PurchaseOrder(
                number,
                supplier,
                skus,
                expectedArrival,
                Status.RECEIVED,
                allocations,
                originalExpectedArrival,
                lines.stream()
                        .map(line -> new Line(line.sku(), line.ordered(), line.allocated(), line.ordered()))
                        .toList(),
                sentOn,
                estimated,
                confirmations,
                lines.stream()
                        .map(line -> new Receipt(line.sku(), line.ordered(), receivedOn, recordedAt, placedBy))
                        .toList(),
                placedAt,
                placedBy,
                cancellation,
                version);
    }

    /** The arrival first expected, before any delay moved it: "days late" counts from here. */
    public LocalDate plannedArrival() {
        return originalExpectedArrival == null ? expectedArrival : originalExpectedArrival;
    }

    /**
     * The day the purchase order went to the supplier, where that is known: the day given for it, else the day it was
     * placed here. Nothing it ordered can have arrived before.
     */
    public Optional<LocalDate> sentDay() {
        if (sentOn != null) {
            return Optional.of(sentOn);
        }
        return Optional.ofNullable(placedAt).map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    /** Why goods cannot have arrived on the day, when it is before the purchase order went out. */
    public Optional<String> sentAfter(LocalDate arrived) {
        return sentDay()
                .filter(arrived::isBefore)
                .map(sent -> "Goods cannot have arrived before purchase order " + number + " was sent, on "
                        + sent.format(ErrorTranslations.DAY) + ".");
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    /** Open, with goods come for it already: units left over for no line wait on its shelf for lines that take it. */
    public boolean receivedInPart() {
        return isOpen() && lines.stream().anyMatch(line -> line.received() > 0);
    }

    public Optional<Line> line(String sku) {
        return lines.stream().filter(line -> line.sku().equals(sku)).findFirst();
    }

    /** Open, with units of the SKU still to come from the supplier. */
    public boolean bringsMore(String sku) {
        return isOpen()
                && line(sku)
                        .filter(line ->
                                line.ordered() == null ? line.received() == 0 : line.received() < line.ordered())
                        .isPresent();
    }

    /** Whether the purchase order can take a customer order line of this many units of the SKU. */
    boolean canTake(String sku, int units) {
        return isOpen() && line(sku).filter(line -> line.has(units)).isPresent();
    }

    /** A purchase order without quantities, as placed before they were kept: any number of lines may wait for it. */
    public static PurchaseOrder open(String number, String supplier, List<String> skus, LocalDate expectedArrival) {
        return new PurchaseOrder(
                number,
                supplier,
                List.copyOf(skus),
                expectedArrival,
                Status.OPEN,
                List.of(),
                expectedArrival,
                null,
                null,
                false,
                List.of(),
                List.of(),
                null,
                null,
                null,
                null);
    }
}
