package app.leadline.supplier;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface PurchaseOrders extends MongoRepository<PurchaseOrder, String> {

    Optional<PurchaseOrder> findFirstBySupplierAndStatusAndSkusContainingOrderByExpectedArrivalAsc(
            String supplier, PurchaseOrder.Status status, String sku);

    Optional<PurchaseOrder> findFirstBySupplierAndStatusOrderByExpectedArrivalAsc(
            String supplier, PurchaseOrder.Status status);
}
