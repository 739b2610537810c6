package app.leadline.order;

import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The smallest update that turns a stored document into its changed form: untouched fields do not travel, entries
 * appended to an array are pushed, changed entries of an array of the same length are set one by one, anything
 * else is set whole and fields that are gone are unset. The identity and the version are left to the caller.
 */
final class StoredDifference {

    private StoredDifference() {}

    static Update between(Document stored, Document changed) {
        Update update = new Update();
        changed.forEach((field, value) -> {
            if (!"_id".equals(field) && !"version".equals(field)) {
                fieldChange(update, field, stored.get(field), value);
            }
        });
        stored.keySet().stream().filter(field -> !changed.containsKey(field)).forEach(update::unset);
        return update;
    }

    private static void fieldChange(Update update, String field, Object before, Object after) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before instanceof List<?> old && after instanceof List<?> now) {
            if (now.size() > old.size() && now.subList(0, old.size()).equals(old)) {
                update.push(field).each(now.subList(old.size(), now.size()).toArray());
                return;
            }
            if (now.size() == old.size()) {
                for (int i = 0; i < now.size(); i++) {
                    if (!Objects.equals(old.get(i), now.get(i))) {
                        update.set(field + "." + i, now.get(i));
                    }
                }
                return;
            }
        }
        update.set(field, after);
    }
}
