package app.leadline.delay;

import app.leadline.order.DelaysInForce;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Delays in force as their reports say. */
@Component
class StoredDelaysInForce implements DelaysInForce {

    private final MongoTemplate mongo;

    StoredDelaysInForce(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean holds(String delayId) {
        return Optional.ofNullable(mongo.findById(delayId, DelayReport.class))
                .map(DelayReport::holdsBeyondItsPurchaseOrders)
                .orElse(false);
    }
}
