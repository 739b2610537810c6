package app.leadline.order;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What agents find an order by, kept normalised in the order's document so that one query over one field finds it:
 * {@code =} keys match whole (order number with and without the shop's prefix, e-mail, SKU, supplier, purchase
 * order, carrier tracking number), {@code n:} keys (the customer's name from the start of each of its words) and
 * {@code e:} keys (the e-mail) match from their start, {@code p:} keys (the phone's digits, international and
 * national) match whole. Everything is lower case without accents.
 */
public final class SearchKeys {

    static final String FIELD = "searchKeys";

    /** A shop's prefix before the number it counts, e.g. {@code DEMO-} in {@code DEMO-1002}. */
    private static final Pattern SHOP_PREFIX = Pattern.compile("^[a-z]+[-_ #/.]+(?=.)");

    /** Where a word of a name starts: after a space, a hyphen or an apostrophe. */
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}])[\\p{L}\\p{N}]");

    private static final Pattern PHONE_LIKE = Pattern.compile("^\\+?[0-9 ()./-]+$");
    private static final int MIN_PHONE_DIGITS = 6;

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /**
     * International calling codes Leadline's shops' customers have; the codes are prefix-free, so at most one
     * matches the start of a number.
     */
    private static final Set<String> CALLING_CODES = Set.of(
            "1", "7", "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47",
            "48", "49", "351", "352", "353", "354", "356", "357", "358", "359", "370", "371", "372", "380", "385",
            "386", "420", "421", "423");

    /** Letters of the shops' languages that Unicode does not write as a plain letter with an accent. */
    private static final Map<Integer, String> PLAIN =
            Map.of((int) 'ø', "o", (int) 'æ', "ae", (int) 'œ', "oe", (int) 'ß', "ss", (int) 'ł', "l", (int) 'đ', "d");

    private SearchKeys() {}

    /** The keys of an order as it is now. */
    static List<String> of(Order order) {
        Set<String> keys = new LinkedHashSet<>();
        // An order read in part (only its lines, for a gauge or a delay's plan) has no number: nothing to key by it.
        if (order.number() != null) {
            String number = normal(order.number());
            keys.add("=" + number);
            keys.add("=" + SHOP_PREFIX.matcher(number).replaceFirst(""));
        }
        Customer customer = order.customer();
        if (customer != null) {
            Optional.ofNullable(customer.name()).map(SearchKeys::normal).ifPresent(name -> {
                Matcher word = WORD.matcher(name);
                while (word.find()) {
                    keys.add("n:" + name.substring(word.start()));
                }
            });
            Optional.ofNullable(customer.email()).map(SearchKeys::normal).ifPresent(email -> {
                keys.add("=" + email);
                keys.add("e:" + email);
            });
            customer.phoneNumber().ifPresent(phone -> phoneKeys(phone, keys));
        }
        for (OrderLine line : order.lines()) {
            addExact(keys, line.sku());
            addExact(keys, line.supplier());
            addExact(keys, line.purchaseOrder());
        }
        for (Shipment shipment : order.shipments()) {
            addExact(keys, shipment.trackingNumber());
        }
        return List.copyOf(keys);
    }

    /**
     * The order's values its keys are derived from, as they are (not normalised): the same values give the same
     * keys, so keys need deriving again only when these change.
     */
    static List<String> searchedValues(Order order) {
        List<String> values =
                new ArrayList<>(4 + 3 * order.lines().size() + order.shipments().size());
        values.add(order.number());
        Customer customer = order.customer();
        values.add(customer == null ? null : customer.name());
        values.add(customer == null ? null : customer.email());
        values.add(customer == null ? null : customer.phone());
        for (OrderLine line : order.lines()) {
            values.add(line.sku());
            values.add(line.supplier());
            values.add(line.purchaseOrder());
        }
        for (Shipment shipment : order.shipments()) {
            values.add(shipment.trackingNumber());
        }
        return values;
    }

    /** Orders whose keys match what an agent typed. */
    static Criteria matching(String term) {
        Lookup lookup = lookup(term);
        List<Criteria> any = new ArrayList<>();
        any.add(Criteria.where(FIELD).in(lookup.whole()));
        lookup.starts().forEach(start -> any.add(Criteria.where(FIELD).regex("^" + literal(start))));
        return new Criteria().orOperator(any);
    }

    /** What an agent typed, as the keys it matches whole and the starts of keys it matches. */
    static Lookup lookup(String term) {
        String typed = normal(term);
        List<String> whole = new ArrayList<>();
        whole.add("=" + typed);
        whole.add("=" + typed.replaceFirst("^#", ""));
        phoneDigits(typed).ifPresent(digits -> whole.add("p:" + digits));
        return new Lookup(List.copyOf(new LinkedHashSet<>(whole)), List.of("n:" + typed, "e:" + typed));
    }

    /** The keys a term matches whole, and the starts of keys it matches. */
    record Lookup(List<String> whole, List<String> starts) {

        /** Whether an order whose keys are packed as {@link OrderIndex} packs them matches. */
        boolean matches(String packed) {
            for (String key : whole) {
                if (packed.contains(OrderIndex.whole(key))) {
                    return true;
                }
            }
            for (String start : starts) {
                if (packed.contains(OrderIndex.start(start))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static void addExact(Set<String> keys, String value) {
        if (value != null && !value.isBlank()) {
            keys.add("=" + normal(value));
        }
    }

    /** The phone's digits as written internationally, and nationally with and without a leading trunk zero. */
    private static void phoneKeys(String phone, Set<String> keys) {
        phoneDigits(normal(phone)).ifPresent(digits -> {
            keys.add("p:" + digits);
            if (phone.trim().startsWith("+") || phone.trim().startsWith("00")) {
                for (int length = 1; length <= 3 && length < digits.length(); length++) {
                    if (CALLING_CODES.contains(digits.substring(0, length))) {
                        String national = digits.substring(length);
                        keys.add("p:" + national);
                        keys.add("p:0" + national);
                        break;
                    }
                }
            }
        });
    }

    /** The digits of something that looks like a phone number, without a leading {@code 00} for abroad. */
    private static Optional<String> phoneDigits(String typed) {
        if (!PHONE_LIKE.matcher(typed).matches()) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("\\D", "");
        if (typed.startsWith("00")) {
            digits = digits.substring(2);
        }
        return digits.length() >= MIN_PHONE_DIGITS ? Optional.of(digits) : Optional.empty();
    }

    /**
     * Lower case, accents dropped, letters without an accent to drop written as on any keyboard, spaces collapsed:
     * "Jakub Wójcik" is "jakub wojcik", "Søren Æbelø" is "soren aebelo".
     */
    public static String normal(String text) {
        String decomposed = MARKS.matcher(
                        Normalizer.normalize(text.trim().toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("");
        StringBuilder plain = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(letter -> plain.append(PLAIN.getOrDefault(letter, Character.toString(letter))));
        return SPACES.matcher(plain).replaceAll(" ");
    }

    /** The text as a regular expression that matches exactly it. */
    private static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }
}
