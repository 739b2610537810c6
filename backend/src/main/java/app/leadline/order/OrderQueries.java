package app.leadline.order;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reading orders, for the modules that show them. */
@Service
public class OrderQueries {

    private final Orders orders;
    private final MongoTemplate mongo;
    private final Clock clock;

    OrderQueries(Orders orders, MongoTemplate mongo, Clock clock) {
        this.orders = orders;
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * The order a tracking token opens. Unknown, expired, revoked and malformed tokens all give an empty answer,
     * so a caller cannot tell them apart.
     */
    public Optional<Order> byTrackingToken(String presented) {
        return TrackingToken.parse(presented)
                .flatMap(token -> orders.findByTrackingTokenHash(token.hash()))
                .filter(order -> order.trackableAt(clock.instant()));
    }

    public Optional<Order> byNumber(String number) {
        return orders.findByNumber(number);
    }

    public List<Order> byIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : (List<Order>) orders.findAllById(ids);
    }

    /** Open dropshipped lines of a supplier (of one SKU, if given), as (order id, line id). */
    public List<LineRef> openDropshipLines(String supplier, Optional<String> sku) {
        Criteria line = Criteria.where("supplier")
                .is(supplier)
                .and("source")
                .is(LineSource.DROPSHIP)
                .and("status")
                .in(LineStatus.RESERVED, LineStatus.AWAITING_SUPPLIER, LineStatus.READY);
        sku.ifPresent(value -> line.and("sku").is(value));
        Query query = Query.query(Criteria.where("lines").elemMatch(line));
        query.fields().include("_id", "lines");
        List<LineRef> refs = new java.util.ArrayList<>();
        for (Order order : mongo.find(query, Order.class)) {
            for (OrderLine candidate : order.lines()) {
                if (candidate.source() == LineSource.DROPSHIP
                        && candidate.isOpen()
                        && supplier.equals(candidate.supplier())
                        && sku.map(candidate.sku()::equals).orElse(true)) {
                    refs.add(new LineRef(order.id(), candidate.id()));
                }
            }
        }
        return refs;
    }

    /** One line of one order. */
    public record LineRef(String orderId, String lineId) {}

    public long count() {
        return orders.count();
    }
}
