package app.leadline.order.internal;

import app.leadline.order.Order;
import com.mongodb.client.model.Filters;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.stereotype.Component;

/**
 * Orders in their stored form: converted to and from it, and many read at once without their timelines and their
 * outboxes (the messages queued, and the last ones sent), which are the bulk of an old order and which neither a bulk
 * change (it only appends to them) nor a preview needs. The fields read are named one by one (every stored field but
 * those two) rather than the two excluded: the embedded store copies a whole document to leave a field out, not to
 * pick some.
 */
@Component
public class StoredOrders {

    public static final String TIMELINE = "timeline";
    public static final String OUTBOX = "notifications";

    private final MongoTemplate mongo;
    private final MongoConverter converter;
    private final MongoPersistentEntity<?> entity;
    /** Every stored field of an order but its id and its version. */
    private final List<MongoPersistentProperty> fields = new ArrayList<>();

    private final Document withoutTimelineOrOutbox = new Document("_class", 1);

    StoredOrders(MongoTemplate mongo) {
        this.mongo = mongo;
        this.converter = mongo.getConverter();
        this.entity = converter.getMappingContext().getRequiredPersistentEntity(Order.class);
        entity.doWithProperties((PropertyHandler<MongoPersistentProperty>) property -> {
            if (!TIMELINE.equals(property.getFieldName()) && !OUTBOX.equals(property.getFieldName())) {
                withoutTimelineOrOutbox.put(property.getFieldName(), 1);
            }
            if (!property.isIdProperty() && !property.isVersionProperty()) {
                fields.add(property);
            }
        });
    }

    /** The stored forms of these orders (those that exist), without their timelines and outboxes. */
    public List<Document> withoutTimelineOrOutbox(Collection<String> ids) {
        return mongo.execute(
                Order.class,
                collection -> collection
                        .find(Filters.in("_id", ids))
                        .projection(withoutTimelineOrOutbox)
                        .into(new ArrayList<>()));
    }

    public Order read(Document stored) {
        return converter.read(Order.class, stored);
    }

    /** The order as it would be stored, timeline included. */
    public Document formOf(Order order) {
        Document stored = new Document();
        converter.write(order, stored);
        return stored;
    }

    /** The order in a stored form, read to be changed: it then tells which of its fields the change replaced. */
    public Reading reading(Document stored) {
        return new Reading(stored, read(stored));
    }

    /**
     * An order read from its stored form, with the values its fields had then. A change to the order replaces the
     * values it changes (the order's values are immutable, but for its muted channels), so what a change did is
     * found without storing the whole order again and comparing: only replaced fields are converted, and of a list
     * only the entries that are new.
     */
    public final class Reading {

        private final Document stored;
        private final Order order;
        private final Object[] read;

        private Reading(Document stored, Order order) {
            this.stored = stored;
            this.order = order;
            PersistentPropertyAccessor<Order> accessor = entity.getPropertyAccessor(order);
            this.read = new Object[fields.size()];
            for (int i = 0; i < read.length; i++) {
                read[i] = accessor.getProperty(fields.get(i));
            }
        }

        public Order order() {
            return order;
        }

        /**
         * The stored form of each field the change gave a new value, by field name; {@code null} for a field that
         * is gone. Fields the order kept as read are left out, and so are fields read without their value (the
         * timeline, the outbox), whose new value then holds only what the change added.
         */
        public Map<String, Object> changedFields() {
            PersistentPropertyAccessor<Order> accessor = entity.getPropertyAccessor(order);
            Map<String, Object> changed = new LinkedHashMap<>();
            for (int i = 0; i < read.length; i++) {
                MongoPersistentProperty field = fields.get(i);
                Object now = accessor.getProperty(field);
                if (now != read[i] || !isValue(now)) {
                    changed.put(field.getFieldName(), storedForm(field, read[i], now));
                }
            }
            return changed;
        }

        private Object storedForm(MongoPersistentProperty field, Object was, Object now) {
            if (now == null) {
                return null;
            }
            if (!(now instanceof Collection<?> entries)) {
                return converter.convertToMongoType(now, field.getTypeInformation());
            }
            // Entries the change kept keep the form they were read from; only new ones are converted.
            Map<Object, Object> kept = new IdentityHashMap<>();
            if (was instanceof List<?> wasEntries
                    && stored.get(field.getFieldName()) instanceof List<?> storedEntries
                    && wasEntries.size() == storedEntries.size()) {
                for (int i = 0; i < wasEntries.size(); i++) {
                    if (wasEntries.get(i) != null && isValue(wasEntries.get(i))) {
                        kept.put(wasEntries.get(i), storedEntries.get(i));
                    }
                }
            }
            TypeInformation<?> entryType = field.getTypeInformation().getComponentType();
            List<Object> form = new ArrayList<>(entries.size());
            for (Object entry : entries) {
                Object storedEntry = entry == null ? null : kept.get(entry);
                form.add(storedEntry != null ? storedEntry : converter.convertToMongoType(entry, entryType));
            }
            return form;
        }
    }

    /** Whether a change can only replace this value, never alter it in place. */
    private static boolean isValue(Object value) {
        return value == null
                || value instanceof Record
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Number
                || value instanceof Enum<?>
                || value instanceof TemporalAccessor
                || (value instanceof List<?>
                        && value.getClass().getName().startsWith("java.util.ImmutableCollections$"));
    }
}
