package app.leadline.payment;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The embedded default's gateway: records each operation (insert-once by id, so replays record nothing new)
 * instead of calling a provider.
 */
@Component
@ConditionalOnMissingBean(value = PaymentGateway.class, ignored = RecordingPaymentGateway.class)
public class RecordingPaymentGateway implements PaymentGateway, PaymentHistory {

    private final MongoTemplate mongo;
    private final Clock clock;

    RecordingPaymentGateway(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void execute(PaymentOperation operation) {
        Update once = new Update()
                .setOnInsert("kind", operation.kind())
                .setOnInsert("orderNumber", operation.orderNumber())
                .setOnInsert("lineIds", operation.lineIds())
                .setOnInsert("amount", operation.amount())
                .setOnInsert("currency", operation.currency())
                .setOnInsert("requestedAt", operation.requestedAt())
                .setOnInsert("recordedAt", clock.instant());
        mongo.upsert(Query.query(Criteria.where("_id").is(operation.id())), once, RecordedPayment.class);
    }

    /** What was recorded for an order, oldest first. */
    @Override
    public List<RecordedPayment> recordedFor(String orderNumber) {
        return mongo.find(
                Query.query(Criteria.where("orderNumber").is(orderNumber)).with(Sort.by("recordedAt", "_id")),
                RecordedPayment.class);
    }
}
