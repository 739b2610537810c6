package app.leadline.console;

import app.leadline.order.OrderQueries;
import app.leadline.supplier.PurchaseOrder;
import java.util.List;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * How many customer order lines still wait for a purchase order's goods, as agents pick one to receive against or
 * to delay: the lines allocated to it that are neither received, shipped nor cancelled since. Answered for every
 * purchase order of a list at once.
 */
@Controller
class PurchaseOrderWaitingLines {

    private final OrderQueries orders;

    PurchaseOrderWaitingLines(OrderQueries orders) {
        this.orders = orders;
    }

    @BatchMapping(typeName = "PurchaseOrderSummary", field = "waitingLines")
    List<Integer> ofSummaries(List<PurchaseOrder> purchaseOrders) {
        return orders.linesWaitingFor(purchaseOrders);
    }

    @BatchMapping(typeName = "PurchaseOrder", field = "waitingLines")
    List<Integer> ofPurchaseOrders(List<PurchaseOrder> purchaseOrders) {
        return orders.linesWaitingFor(purchaseOrders);
    }
}
