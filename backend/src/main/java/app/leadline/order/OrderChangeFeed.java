package app.leadline.order;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import jakarta.annotation.PreDestroy;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonDocument;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * Which orders change, as they change. Over a MongoDB server of its own ({@code spring.mongodb.uri}) this is the
 * store's change stream, so every instance hears of changes made by any instance. The embedded store belongs to
 * one instance, which hears of its own changes directly ({@link OrderChanges} and intake report them): the
 * embedded server would have to keep an oplog without end and read all of it for every look at the stream. Live
 * updates (subscriptions) listen here.
 */
@Component
public class OrderChangeFeed {

    private static final Logger log = LoggerFactory.getLogger(OrderChangeFeed.class);

    private final MongoTemplate mongo;
    /** Every subscriber's orders changed and not yet taken. */
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();

    private volatile boolean stopping;
    private volatile MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor;
    private Thread watcher;

    private final boolean enabled;
    /** Whether changes come from the store's change stream (a server of its own) or from this process. */
    private final boolean fromStream;

    private final java.time.Duration pollInterval;

    OrderChangeFeed(
            MongoTemplate mongo,
            @Value("${leadline.live-updates.enabled:true}") boolean enabled,
            @Value("${leadline.live-updates.poll-interval:1s}") java.time.Duration pollInterval,
            @Value("${spring.mongodb.uri:}") String storeUri) {
        this.fromStream = !storeUri.isBlank();
        this.mongo = mongo;
        this.enabled = enabled;
        this.pollInterval = pollInterval;
    }

    /**
     * The ids of orders as they change (inserted, updated or replaced); nothing of what came before. No change is
     * lost however slowly the subscriber takes them: an order that changes again before the subscriber took it is
     * named once, so what waits is at most one entry per order.
     */
    public Flux<String> changes() {
        return Flux.create(sink -> {
            Listener listener = new Listener(sink);
            listeners.add(listener);
            sink.onRequest(demand -> listener.drain());
            sink.onDispose(() -> listeners.remove(listener));
        });
    }

    /** An order changed in this process; heard through the change stream instead when there is one. */
    void changed(String orderId) {
        if (!fromStream) {
            publish(orderId);
        }
    }

    private void publish(String orderId) {
        for (Listener listener : listeners) {
            listener.offer(orderId);
        }
    }

    /**
     * One subscriber: ids wait in order of first change until the subscriber asks for them. Any thread may offer
     * (a delay's workers store chunks at once); one drains at a time.
     */
    private static final class Listener {

        private final FluxSink<String> sink;
        private final Set<String> waiting = new LinkedHashSet<>();
        private final AtomicInteger draining = new AtomicInteger();

        Listener(FluxSink<String> sink) {
            this.sink = sink;
        }

        void offer(String orderId) {
            synchronized (waiting) {
                waiting.add(orderId);
            }
            drain();
        }

        void drain() {
            if (draining.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                while (sink.requestedFromDownstream() > 0 && !sink.isCancelled()) {
                    String next;
                    synchronized (waiting) {
                        Iterator<String> first = waiting.iterator();
                        if (!first.hasNext()) {
                            break;
                        }
                        next = first.next();
                        first.remove();
                    }
                    sink.next(next);
                }
                missed = draining.addAndGet(-missed);
            } while (missed != 0);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!enabled || !fromStream) {
            return;
        }
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
                cursor = stream.batchSize(1000).cursor();
                while (!stopping) {
                    // Asking the store at most every poll interval keeps the stream cheap for the store; changes
                    // are still seen within about a second.
                    if (cursor.available() == 0) {
                        Thread.sleep(pollInterval.toMillis());
                    }
                    ChangeStreamDocument<Document> change = cursor.tryNext();
                    if (change == null) {
                        continue;
                    }
                    resumeAfter = change.getResumeToken();
                    if (change.getDocumentKey() != null
                            && change.getDocumentKey().isString("_id")) {
                        publish(change.getDocumentKey().getString("_id").getValue());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
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
        listeners.forEach(listener -> listener.sink.complete());
    }
}
