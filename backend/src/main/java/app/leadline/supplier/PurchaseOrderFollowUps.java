package app.leadline.supplier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What placing or cancelling a purchase order does to customers' lines (allocating those that waited to be ordered,
 * moving those that waited for it) runs after the purchase order is stored, one order at a time. The purchase order
 * carries a {@code followUp} from the write that places or cancels it until that work is done, so a process that
 * dies in between leaves it marked: the work is then done again, from the start, by whichever instance sweeps first
 * once the mark is older than {@code leadline.purchasing.follow-up-after} (time for the request that set it to finish
 * on its own), renewing the mark as it takes it, so that no other instance takes it meanwhile. Both listeners leave
 * lines already allocated or moved as they are, so doing it again is safe.
 */
@Component
class PurchaseOrderFollowUps {

    private static final Logger log = LoggerFactory.getLogger(PurchaseOrderFollowUps.class);

    static final String FIELD = "followUp";

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration after;

    PurchaseOrderFollowUps(
            MongoTemplate mongo,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${leadline.purchasing.follow-up-after:2m}") Duration after) {
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
        this.after = after;
    }

    enum Kind {
        PLACED,
        CANCELLED
    }

    /** The mark the write that places or cancels a purchase order sets with it. */
    static Document mark(Kind kind, Instant at) {
        return new Document("kind", kind.name()).append("since", Date.from(at));
    }

    /** Publishes what the purchase order's placing or cancelling set off and, once its listeners are done, unmarks it. */
    void publish(String purchaseOrder, Document mark, Object event) {
        events.publishEvent(event);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(purchaseOrder).and(FIELD).is(mark)),
                new Update().unset(FIELD),
                PurchaseOrder.class);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(
            fixedDelayString = "${leadline.purchasing.follow-up-sweep:1m}",
            initialDelayString = "${leadline.purchasing.follow-up-sweep:1m}")
    void sweep() {
        Date before = Date.from(clock.instant().minus(after));
        for (Document left : mongo.find(
                Query.query(Criteria.where(FIELD + ".since").lte(before)),
                Document.class,
                mongo.getCollectionName(PurchaseOrder.class))) {
            PurchaseOrder po = mongo.getConverter().read(PurchaseOrder.class, left);
            Document was = left.get(FIELD, Document.class);
            Kind kind = Kind.valueOf(was.getString("kind"));
            // Taken by this instance: the mark made new, so that another instance's sweep leaves it for as long.
            Document mark = mark(kind, clock.instant());
            if (mongo.updateFirst(
                                    Query.query(Criteria.where("_id")
                                            .is(po.number())
                                            .and(FIELD)
                                            .is(was)),
                                    Update.update(FIELD, mark),
                                    PurchaseOrder.class)
                            .getModifiedCount()
                    == 0) {
                continue;
            }
            log.info(
                    "Purchase order {} was {} while Leadline stopped; its customers' lines follow now",
                    po.number(),
                    kind.name().toLowerCase(java.util.Locale.ROOT));
            if (kind == Kind.PLACED) {
                publish(po.number(), mark, PurchaseOrderPlaced.of(po));
            } else {
                publish(
                        po.number(),
                        mark,
                        new PurchaseOrderCancelled(
                                po.number(), po.supplier(), po.cancellation().released()));
            }
        }
    }
}
