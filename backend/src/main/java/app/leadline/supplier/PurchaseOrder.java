package app.leadline.supplier;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A purchase order placed with a supplier, its expected arrival, and the customer order lines allocated to it.
 * Allocations are added with {@code $addToSet}, so allocating the same line twice keeps one entry.
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
        @Version Long version) {

    public enum Status {
        OPEN,
        RECEIVED
    }

    /** One customer order line waiting for this purchase order. */
    public record Allocation(String orderId, String lineId, String sku) {}

    /** The arrival first expected, before any delay moved it: "days late" counts from here. */
    public LocalDate plannedArrival() {
        return originalExpectedArrival == null ? expectedArrival : originalExpectedArrival;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public static PurchaseOrder open(String number, String supplier, List<String> skus, LocalDate expectedArrival) {
        return new PurchaseOrder(
                number, supplier, List.copyOf(skus), expectedArrival, Status.OPEN, List.of(), expectedArrival, null);
    }
}
