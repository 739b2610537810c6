package app.leadline.supplier;

import java.util.List;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Open purchase orders with their lines, for the console's Purchasing area and the shop's system. */
@Controller
class OpenPurchaseOrdersController {

    private final Purchasing purchasing;

    OpenPurchaseOrdersController(Purchasing purchasing) {
        this.purchasing = purchasing;
    }

    @QueryMapping
    List<PurchaseOrder> openPurchaseOrders() {
        return purchasing.open();
    }
}
