package app.leadline.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Every agent action: who, when, what, and the state before and after. Written once, read by admins; the API has
 * no way to change or delete an entry.
 */
@Component
public class AuditLog {

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Document("audit")
    public record Entry(
            @Id String id,
            String actor,
            Instant at,
            String action,
            String target,
            Map<String, String> before,
            Map<String, String> after) {}

    public void record(
            String actor, String action, String target, Map<String, String> before, Map<String, String> after) {
        mongo.insert(new Entry(UUID.randomUUID().toString(), actor, clock.instant(), action, target, before, after));
    }

    /** Newest first, {@code limit} entries older than the cursor (an entry's time), if given. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<Entry> read(int limit, Instant before) {
        Query query =
                new Query().with(Sort.by(Sort.Direction.DESC, "at", "_id")).limit(Math.min(Math.max(limit, 1), 100));
        if (before != null) {
            query.addCriteria(Criteria.where("at").lt(before));
        }
        return mongo.find(query, Entry.class);
    }
}
