package app.leadline.order.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;

/**
 * The smallest update that turns a stored document into its changed form: untouched fields do not travel, entries
 * appended to an array are pushed, changed entries of an array of the same length are set one by one, anything
 * else is set whole and fields that are gone are unset. The identity and the version are left to the caller.
 *
 * <p>Both documents are in stored form already (written by the converter), so the update is a plain update
 * document the driver sends as it is.
 */
public final class StoredDifference {

    private final Document set = new Document();
    private final Document unset = new Document();
    private final Document push = new Document();

    private StoredDifference() {}

    public static StoredDifference between(Document stored, Document changed) {
        StoredDifference difference = new StoredDifference();
        changed.forEach((field, value) -> {
            if (!"_id".equals(field) && !"version".equals(field)) {
                difference.fieldChange(field, stored.get(field), value);
            }
        });
        stored.keySet().stream()
                .filter(field -> !changed.containsKey(field))
                .forEach(field -> difference.unset.put(field, ""));
        return difference;
    }

    /**
     * The update that gives a stored document the new stored values of some of its fields ({@code null} for a field
     * that is gone); fields not named stay as they are.
     */
    public static StoredDifference of(Document stored, Map<String, Object> changedFields) {
        StoredDifference difference = new StoredDifference();
        changedFields.forEach((field, value) -> {
            if (value != null) {
                difference.fieldChange(field, stored.get(field), value);
            } else if (stored.containsKey(field)) {
                difference.unset.put(field, "");
            }
        });
        return difference;
    }

    /** Appends {@code entries} to the array {@code field}. */
    public StoredDifference append(String field, List<?> entries) {
        return push(field, entries, new Document("$each", entries));
    }

    /** Appends {@code entries} to the array {@code field}, keeping only its last {@code limit} entries. */
    public StoredDifference append(String field, List<?> entries, int limit) {
        return push(field, entries, new Document("$each", entries).append("$slice", -limit));
    }

    private StoredDifference push(String field, List<?> entries, Document each) {
        if (!entries.isEmpty()) {
            push.put(field, each);
        }
        return this;
    }

    /** Whether the two forms are the same (the identity and version aside), so there is nothing to write. */
    public boolean isEmpty() {
        return set.isEmpty() && unset.isEmpty() && push.isEmpty();
    }

    /** The update document, setting the fields of {@code alsoSet} as well (the version, say). */
    public Document toUpdate(Document alsoSet) {
        Document setting = new Document(set);
        setting.putAll(alsoSet);
        Document update = new Document("$set", setting);
        if (!unset.isEmpty()) {
            update.put("$unset", unset);
        }
        if (!push.isEmpty()) {
            update.put("$push", push);
        }
        return update;
    }

    private void fieldChange(String field, Object before, Object after) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before instanceof List<?> old && after instanceof List<?> now) {
            if (now.size() > old.size() && now.subList(0, old.size()).equals(old)) {
                push.put(field, new Document("$each", now.subList(old.size(), now.size())));
                return;
            }
            if (now.size() == old.size()) {
                for (int i = 0; i < now.size(); i++) {
                    if (!Objects.equals(old.get(i), now.get(i))) {
                        set.put(field + "." + i, now.get(i));
                    }
                }
                return;
            }
        }
        set.put(field, after);
    }
}
