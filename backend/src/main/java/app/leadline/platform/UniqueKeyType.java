package app.leadline.platform;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes: keys are written and read exactly as H2 writes any object,
 * but ordered by their values. H2 orders an object of a class it does not know (the index's {@link KeyValue}) by its
 * Java serialization, serializing both keys anew at every comparison: a dozen comparisons a lookup, and an order has
 * four unique indexes, each asked before it is written to. Here keys compare value by value: two values of the same
 * class among the common key classes by their own order, of two such classes by class name; any other value after
 * those, by its serialization as before. Two keys are equal exactly when their values are, as before.
 *
 * <p>A store whose indexes were sorted the old way is sorted again once, at open ({@link DurableH2Backend}).
 */
final class UniqueKeyType extends ObjectDataType {

    static final UniqueKeyType INSTANCE = new UniqueKeyType();

    /** Classes whose order agrees with their equality and with their serialization's. */
    private static final Set<Class<?>> ORDERED = Set.of(
            String.class,
            Long.class,
            Integer.class,
            Boolean.class,
            UUID.class,
            Date.class,
            Instant.class,
            ObjectId.class);

    private UniqueKeyType() {}

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue x && b instanceof KeyValue y) {
            return compareKeys(x, y);
        }
        return super.compare(a, b);
    }

    static int compareKeys(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int order = compareValues(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        boolean ordered = ORDERED.contains(a.getClass());
        if (ordered != ORDERED.contains(b.getClass())) {
            return ordered ? -1 : 1;
        }
        if (!ordered) {
            return compareNotNull(serialize(a), serialize(b));
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        return ((Comparable) a).compareTo(b);
    }
}
