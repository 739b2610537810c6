package app.leadline.order;

import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.PurchaseOrder.Allocation;
import app.leadline.supplier.SupplierCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * At start, gives back what open purchase orders hold for lines that do not wait for them. A line is reserved on a
 * purchase order before its order is changed or stored, so a process that dies in between leaves units reserved for an
 * order never stored (intake), for a line still waiting elsewhere (allocating, moving a cancelled purchase order's
 * lines), or, after the line moved on, on the purchase order it left, or for a line cancelled or refunded before it
 * left, whose units go back after its order changed. Such units count as taken: the purchase order
 * turns away lines it has room for, and its receipts and delays plan for a line that is not there. An allocation
 * younger than {@code leadline.purchasing.follow-up-after} is left alone: the request that made it may still be at
 * work, on this instance (requests are served before this runs) or another.
 */
@Component
class StrayAllocations {

    private static final Logger log = LoggerFactory.getLogger(StrayAllocations.class);

    private final SupplierCatalog suppliers;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration settle;

    StrayAllocations(
            SupplierCatalog suppliers,
            MongoTemplate mongo,
            Clock clock,
            @Value("${leadline.purchasing.follow-up-after:2m}") Duration settle) {
        this.suppliers = suppliers;
        this.mongo = mongo;
        this.clock = clock;
        this.settle = settle;
    }

    /** @return how many allocations were given back */
    @EventListener(ApplicationReadyEvent.class)
    int giveBack() {
        Instant before = clock.instant().minus(settle);
        int given = 0;
        for (PurchaseOrder po : suppliers.openPurchaseOrders()) {
            List<Allocation> settled = po.allocations().stream()
                    .filter(allocation ->
                            allocation.at() == null || allocation.at().isBefore(before))
                    .toList();
            if (settled.isEmpty()) {
                continue;
            }
            Query orders = Query.query(Criteria.where("_id")
                    .in(settled.stream().map(Allocation::orderId).distinct().toList()));
            // What an order cannot be read without, and its lines.
            orders.fields()
                    .include("_id", "number", "customer", "placedAt", "destination", "policy", "lines", "shipments");
            Map<String, Order> byId =
                    mongo.find(orders, Order.class).stream().collect(Collectors.toMap(Order::id, Function.identity()));
            for (Allocation allocation : settled) {
                if (!holds(byId.get(allocation.orderId()), allocation.lineId(), po.number())) {
                    suppliers.release(po.number(), allocation.orderId(), allocation.lineId());
                    given++;
                }
            }
        }
        if (given > 0) {
            log.info("Gave back {} allocations of open purchase orders whose lines do not wait for them", given);
        }
        return given;
    }

    private static boolean holds(Order order, String lineId, String purchaseOrder) {
        return order != null
                && order.lines().stream().anyMatch(line -> line.id().equals(lineId) && line.isOn(purchaseOrder))
                && !order.gaveUpUnits(lineId);
    }
}
