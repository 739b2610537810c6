package app.leadline.order;

import app.leadline.platform.RequestRefused;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * An order's place in agents' lists: newest placed first, and among orders placed in the same millisecond (the
 * store keeps milliseconds) the greater id first. Its {@link #cursor()} names that place, for the page after it.
 * The time placed decides, not the id: ids are made in time order only since they are UUID version 7.
 */
public record NewestFirst(long placedAt, String id) implements Comparable<NewestFirst> {

    private static final Comparator<NewestFirst> ORDER = Comparator.comparingLong(NewestFirst::placedAt)
            .reversed()
            .thenComparing(NewestFirst::id, Comparator.reverseOrder());

    /** The store's sort for this order (MongoDB serves it from {@code placed_newest_first}). */
    static final Sort SORT = Sort.by(Sort.Direction.DESC, "placedAt", "_id");

    public static NewestFirst of(Order order) {
        return new NewestFirst(millis(order.placedAt()), order.id());
    }

    /** From an order's stored form; an order stored without its time placed counts as the oldest. */
    static NewestFirst of(Document stored) {
        Object placed = stored.get("placedAt");
        return new NewestFirst(placed instanceof Date date ? date.getTime() : Long.MIN_VALUE, stored.getString("_id"));
    }

    private static long millis(Instant placedAt) {
        return placedAt == null ? Long.MIN_VALUE : placedAt.toEpochMilli();
    }

    /** What the caller passes back as {@code after} for the orders that come after this one. */
    public String cursor() {
        return placedAt + "~" + id;
    }

    /**
     * The place a cursor names.
     *
     * @throws RequestRefused when the text is no cursor of ours
     */
    public static NewestFirst parse(String cursor) {
        int tilde = cursor.indexOf('~');
        if (tilde > 0) {
            try {
                return new NewestFirst(Long.parseLong(cursor.substring(0, tilde)), cursor.substring(tilde + 1));
            } catch (NumberFormatException e) {
                // said below
            }
        }
        throw new RequestRefused(
                "BAD_CURSOR", "That page of orders cannot be found; search again from the first page.");
    }

    /** The store's criteria for the orders after this one in the list. */
    Criteria after() {
        Date placed = new Date(placedAt);
        return new Criteria()
                .orOperator(
                        Criteria.where("placedAt").lt(placed),
                        Criteria.where("placedAt").is(placed).and("_id").lt(id));
    }

    @Override
    public int compareTo(NewestFirst other) {
        return ORDER.compare(this, other);
    }

    /** Orders sorted the same way. */
    static Comparator<Order> orders() {
        return Comparator.comparing(NewestFirst::of);
    }

    static Optional<NewestFirst> parse(Optional<String> cursor) {
        return cursor.map(NewestFirst::parse);
    }
}
