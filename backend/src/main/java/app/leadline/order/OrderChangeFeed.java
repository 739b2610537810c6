package app.leadline.order;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import jakarta.annotation.PreDestroy;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Which orders change, as they change, from the store's change stream — so every instance hears of changes made by
 * any instance. The embedded store provides one once its oplog is on; a real replica set always does. Live
 * updates (subscriptions) listen here.
 */
@Component
public class OrderChangeFeed {

    private static final Logger log = LoggerFactory.getLogger(OrderChangeFeed.class);

    private final MongoTemplate mongo;
    private final Sinks.Many<String> changed = Sinks.many().multicast().directBestEffort();
    private volatile boolean stopping;
    private volatile MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor;
    private Thread watcher;

    OrderChangeFeed(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The ids of orders as they change (inserted, updated or replaced); nothing of what came before. */
    public Flux<String> changes() {
        return changed.asFlux();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        watcher = new Thread(this::watch, "order-change-feed");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch() {
        BsonDocument resumeAfter = null;
        while (!stopping) {
            try {
                var stream = mongo.getCollection(mongo.getCollectionName(Order.class))
                        .watch(List.of(Aggregates.match(Filters.in("operationType", "insert", "update", "replace"))));
                if (resumeAfter != null) {
                    stream = stream.resumeAfter(resumeAfter);
                }
                cursor = stream.cursor();
                while (!stopping) {
                    ChangeStreamDocument<Document> change = cursor.next();
                    resumeAfter = change.getResumeToken();
                    if (change.getDocumentKey() != null
                            && change.getDocumentKey().isString("_id")) {
                        changed.tryEmitNext(
                                change.getDocumentKey().getString("_id").getValue());
                    }
                }
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                log.warn(
                        "Order change stream interrupted ({}); watching again",
                        e.getClass().getSimpleName());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        var open = cursor;
        if (open != null) {
            try {
                open.close();
            } catch (RuntimeException ignored) {
                // Closing while the watcher waits on it ends the wait; nothing else to do.
            }
        }
        changed.tryEmitComplete();
    }
}
