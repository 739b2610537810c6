package app.leadline.order;

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
    }
}
