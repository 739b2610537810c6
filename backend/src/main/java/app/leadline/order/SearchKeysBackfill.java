package app.leadline.order;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Gives orders stored before agents searched by {@link SearchKeys} their keys, once, at start. Only the keys are
 * written, and only where none are yet: any change to such an order writes them too, so nothing is lost either way.
 */
@Component
class SearchKeysBackfill {

    private static final Logger log = LoggerFactory.getLogger(SearchKeysBackfill.class);
    private static final int CHUNK = 500;

    private final MongoTemplate mongo;
    private final OrderChangeFeed feed;

    SearchKeysBackfill(MongoTemplate mongo, OrderChangeFeed feed) {
        this.mongo = mongo;
        this.feed = feed;
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        Criteria withoutKeys = Criteria.where(SearchKeys.FIELD).exists(false);
        int done = 0;
        List<Order> chunk;
        do {
            chunk = mongo.find(Query.query(withoutKeys).limit(CHUNK), Order.class);
            for (Order order : chunk) {
                mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(order.id())
                                .and(SearchKeys.FIELD)
                                .exists(false)),
                        new Update().set(SearchKeys.FIELD, SearchKeys.of(order)),
                        Order.class);
                feed.changed(order.id());
            }
            done += chunk.size();
        } while (chunk.size() == CHUNK);
        if (done > 0) {
            log.info("Search keys written for {} orders stored before them", done);
        }
    }
}
