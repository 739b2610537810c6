package app.leadline.delay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The reasons agents pick from: the admins' list, or the built-in ones until admins define their own. */
@Component
class DelayReasons {

    private final MongoTemplate mongo;

    DelayReasons(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<DelayReason> find(String code) {
        return Optional.ofNullable(mongo.findById(code, DelayReason.class))
                .or(() -> Optional.ofNullable(DelayReason.BUILT_IN.get(code)));
    }

    DelayReason save(DelayReason reason) {
        return mongo.save(reason);
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
