package app.leadline.delay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The reasons agents pick from: the admins' list, or the built-in ones until admins define their own. */
@Component
class DelayReasons {

    /** How long the reasons read for customers' pages are kept before they are read again (another instance's edit). */
    private static final Duration KEPT = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final Clock clock;

    /** Every reason, as read last, for the pages that show them; null until read, or after a reason was saved here. */
    private volatile Read read;

    private record Read(List<DelayReason> reasons, Instant at) {}

    DelayReasons(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    Optional<DelayReason> find(String code) {
        return Optional.ofNullable(mongo.findById(code, DelayReason.class))
                .or(() -> Optional.ofNullable(DelayReason.BUILT_IN.get(code)));
    }

    DelayReason save(DelayReason reason) {
        DelayReason saved = mongo.save(reason);
        read = null;
        return saved;
    }

    /** {@link #all()}, read from the store at most once a minute, and at once after a reason was saved here. */
    List<DelayReason> recent() {
        Read last = read;
        Instant now = clock.instant();
        if (last == null || last.at().plus(KEPT).isBefore(now)) {
            last = new Read(all(), now);
            read = last;
        }
        return last.reasons();
    }

    List<DelayReason> all() {
        List<DelayReason> all = new ArrayList<>(mongo.findAll(DelayReason.class));
        DelayReason.BUILT_IN.values().stream()
                .filter(builtIn ->
                        all.stream().noneMatch(reason -> reason.code().equals(builtIn.code())))
                .forEach(all::add);
        all.sort(Comparator.comparing(DelayReason::code));
        return all;
    }
}
