package app.leadline.order.internal;

import app.leadline.order.Order;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * The indexes the order queries rely on, created before the application takes requests. The two unique ones
 * carry the hot paths (idempotent intake, tracking lookups) on every store; the embedded store implements only
 * unique indexes, so the others serve a real MongoDB.
 */
@Component
class OrderIndexes implements SmartInitializingSingleton {

    private final MongoTemplate mongo;

    OrderIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        IndexOperations orders = mongo.indexOps(Order.class);
        orders.createIndex(new Index("number", Direction.ASC).unique().named("order_number"));
        orders.createIndex(
                new Index("tracking.tokenHash", Direction.ASC).unique().named("tracking_token"));
        // Every change is a write guarded by {_id, version}. MongoDB serves that from the _id index alone; the
        // embedded store only uses an index whose keys the filter names, and would scan the collection otherwise.
        orders.createIndex(new Index("_id", Direction.ASC)
                .on("version", Direction.ASC)
                .unique()
                .named("versioned_update"));
        orders.createIndex(new Index("lines.purchaseOrder", Direction.ASC).named("line_purchase_order"));
        orders.createIndex(new Index("lines.supplier", Direction.ASC)
                .on("lines.status", Direction.ASC)
                .named("line_supplier"));
        orders.createIndex(new Index("customer.email", Direction.ASC).named("customer_email"));
        orders.createIndex(new Index("lines.sku", Direction.ASC).named("line_sku"));
        orders.createIndex(new Index("late", Direction.ASC).named("late"));
        orders.createIndex(new Index("searchKeys", Direction.ASC).named("search_keys"));
        // Agents' lists, newest first (NewestFirst).
        orders.createIndex(
                new Index("placedAt", Direction.DESC).on("_id", Direction.DESC).named("placed_newest_first"));
    }
}
