package app.leadline.platform;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Matches a query for documents by a list of ids, {@code {_id: {$in: [...]}}}, through a set of those ids: how a
 * cascade reads its chunk's orders, the order index reads the orders changed, and every read by ids asks. The
 * embedded store finds the candidates through its unique index of ids, then matches each against the query again,
 * and out of the box that walks the whole list for each candidate: a thousand ids made half a million comparisons a
 * query. Only lists of strings are taken this way (the ids Leadline gives); any other query, or a list holding
 * anything but strings, is left to the store's own matching.
 *
 * <p>A collection asks once for each document it considers, with the same query each time, so the set is made once
 * a query and kept until another query comes.
 */
final class IdsIn {

    /** The last query asked about and its ids as a set, or no set when it is not a plain list of string ids. */
    private record Asked(Document query, Set<String> ids) {}

    /** The store's own matching, for every other query. */
    private final BiPredicate<Document, Document> otherwise;

    private volatile Asked last;

    IdsIn(BiPredicate<Document, Document> otherwise) {
        this.otherwise = otherwise;
    }

    /** Whether the document matches the query: by the set when it asks for string ids, else as the store matches. */
    boolean matches(Document document, Document query) {
        Asked asked = last;
        if (asked == null || asked.query() != query) {
            asked = new Asked(query, stringIds(query));
            last = asked;
        }
        if (asked.ids() == null) {
            return otherwise.test(document, query);
        }
        return document.get("_id") instanceof String id && asked.ids().contains(id);
    }

    private static Set<String> stringIds(Document query) {
        if (query.size() != 1
                || !(query.get("_id") instanceof Document condition)
                || condition.size() != 1
                || !(condition.get("$in") instanceof Collection<?> ids)) {
            return null;
        }
        Set<String> set = new HashSet<>(2 * ids.size());
        for (Object id : ids) {
            if (!(id instanceof String string)) {
                return null;
            }
            set.add(string);
        }
        return set;
    }
}
