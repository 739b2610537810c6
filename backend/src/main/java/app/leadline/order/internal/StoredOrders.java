package app.leadline.order.internal;

import app.leadline.order.Order;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.stereotype.Component;

/**
 * Orders in their stored form: converted to and from it, and many read at once without their timelines, which
 * are the bulk of an old order and which neither a bulk change nor a preview needs. The fields read are named one by one (every stored field but the timeline) rather
 * than the timeline excluded: the embedded store copies a whole document to leave a field out, not to pick some.
 */
@Component
public class StoredOrders {

    public static final String TIMELINE = "timeline";

    private final MongoTemplate mongo;
    private final Document withoutTimeline = new Document("_class", 1);

    StoredOrders(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getConverter()
                .getMappingContext()
                .getRequiredPersistentEntity(Order.class)
                .doWithProperties((PropertyHandler<MongoPersistentProperty>) property -> {
                    if (!TIMELINE.equals(property.getFieldName())) {
                        withoutTimeline.put(property.getFieldName(), 1);
                    }
                });
    }

    /** The stored forms of these orders (those that exist), without their timelines. */
    public List<Document> withoutTimeline(Collection<String> ids) {
        return mongo.execute(
                Order.class,
                collection -> collection
                        .find(Filters.in("_id", ids))
                        .projection(withoutTimeline)
                        .into(new ArrayList<>()));
    }

    public Order read(Document stored) {
        return mongo.getConverter().read(Order.class, stored);
    }

    /** The order as it would be stored, timeline included. */
    public Document formOf(Order order) {
        Document stored = new Document();
        mongo.getConverter().write(order, stored);
        return stored;
    }
}
