package app.leadline.order;

import app.leadline.order.NewOrder.NewCustomer;
import app.leadline.order.NewOrder.NewDestination;
import app.leadline.order.NewOrder.NewLine;
import app.leadline.platform.UserError;
import app.leadline.supplier.PurchaseOrderRef;
import app.leadline.supplier.Supplier;
import app.leadline.supplier.SupplierCatalog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a batch of new orders before anything is stored and resolves what they refer to (suppliers, open
 * purchase orders). One instance per batch; it remembers the lookups so intake does not repeat them.
 */
class OrderValidation {

    static final int MAX_ORDERS = 100;
    static final int MAX_LINES = 200;
    static final int MAX_QUANTITY = 10_000;
    // Names, addresses and codes end up in messages, pages and the store; none needs more.
    static final int MAX_TEXT = 200;
    static final Set<String> LANGUAGES = Set.of("en", "da", "de", "pl");

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern ORDER_NUMBER = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final SupplierCatalog suppliers;
    private final Clock clock;
    private final List<UserError> errors = new ArrayList<>();
    private final Map<String, Optional<Supplier>> supplierCache = new HashMap<>();
    private final Map<String, Optional<PurchaseOrderRef>> purchaseOrderCache = new HashMap<>();

    OrderValidation(SupplierCatalog suppliers, Clock clock) {
        this.suppliers = suppliers;
        this.clock = clock;
    }

    List<UserError> check(List<NewOrder> orders) {
        if (orders == null || orders.isEmpty()) {
            reject("EMPTY_BATCH", "orders", "Send at least one order.");
            return errors;
        }
        if (orders.size() > MAX_ORDERS) {
            reject("TOO_MANY_ORDERS", "orders", "Send at most " + MAX_ORDERS + " orders at once.");
            return errors;
        }
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < orders.size(); i++) {
            NewOrder order = orders.get(i);
            String path = "orders[" + i + "]";
            checkOrder(order, path);
            if (order.number() != null && !numbers.add(order.number())) {
                reject(
                        "DUPLICATE_ORDER_NUMBER",
                        path + ".number",
                        "Order number " + order.number() + " appears twice in this request.");
            }
        }
        return errors;
    }

    private void checkOrder(NewOrder order, String path) {
        if (required(order.number(), path + ".number")
                && !ORDER_NUMBER.matcher(order.number()).matches()) {
            reject(
                    "INVALID_ORDER_NUMBER",
                    path + ".number",
                    "An order number is 1 to 64 letters, digits, '.', '_', '/' or '-'.");
        }
        if (order.placedAt() != null && order.placedAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            reject("PLACED_IN_FUTURE", path + ".placedAt", "An order cannot be placed in the future.");
        }
        if (required(order.currency(), path + ".currency")
                && currency(order.currency()).isEmpty()) {
            reject(
                    "UNKNOWN_CURRENCY",
                    path + ".currency",
                    "'" + order.currency() + "' is not an ISO 4217 currency code.");
        }
        checkCustomer(order.customer(), path + ".customer");
        checkDestination(order.destination(), path + ".destination");
        List<NewLine> lines = order.lines();
        if (lines == null || lines.isEmpty()) {
            reject("NO_LINES", path + ".lines", "An order needs at least one line.");
        } else if (lines.size() > MAX_LINES) {
            reject("TOO_MANY_LINES", path + ".lines", "An order has at most " + MAX_LINES + " lines.");
        } else {
            Optional<Currency> currency = currency(order.currency());
            for (int j = 0; j < lines.size(); j++) {
                checkLine(lines.get(j), currency, path + ".lines[" + j + "]");
            }
        }
    }

    private void checkCustomer(NewCustomer customer, String path) {
        if (customer == null) {
            reject("REQUIRED", path, "The customer is required.");
            return;
        }
        required(customer.name(), path + ".name");
        if (required(customer.email(), path + ".email")
                && !EMAIL.matcher(customer.email()).matches()) {
            reject("INVALID_EMAIL", path + ".email", "'" + customer.email() + "' is not an e-mail address.");
        }
        if (customer.phone() != null && !PHONE.matcher(customer.phone()).matches()) {
            reject(
                    "INVALID_PHONE",
                    path + ".phone",
                    "A phone number is written in international form, e.g. +4520123456.");
        }
        if (required(customer.locale(), path + ".locale")
                && language(customer.locale()).isEmpty()) {
            reject(
                    "UNSUPPORTED_LOCALE",
                    path + ".locale",
                    "Leadline speaks "
                            + String.join(", ", LANGUAGES.stream().sorted().toList()) + ".");
        }
        if (customer.timeZone() != null && zone(customer.timeZone()).isEmpty()) {
            reject("INVALID_TIME_ZONE", path + ".timeZone", "'" + customer.timeZone() + "' is not an IANA time zone.");
        }
    }

    private void checkDestination(NewDestination destination, String path) {
        if (destination == null) {
            reject("REQUIRED", path, "The destination is required.");
            return;
        }
        required(destination.street(), path + ".street");
        required(destination.postalCode(), path + ".postalCode");
        required(destination.city(), path + ".city");
        if (required(destination.country(), path + ".country") && !COUNTRIES.contains(destination.country())) {
            reject("INVALID_COUNTRY", path + ".country", "A country is an ISO 3166 alpha-2 code in capitals, e.g. DK.");
        }
    }

    private void checkLine(NewLine line, Optional<Currency> currency, String path) {
        required(line.sku(), path + ".sku");
        required(line.name(), path + ".name");
        if (line.quantity() == null || line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
            reject(
                    "INVALID_QUANTITY",
                    path + ".quantity",
                    "A quantity is a whole number from 1 to " + MAX_QUANTITY + ".");
        }
        checkPrice(line.unitPrice(), currency, path + ".unitPrice");
        if (line.source() == null) {
            reject("REQUIRED", path + ".source", "Say whether the line is STOCK, BACKORDER or DROPSHIP.");
            return;
        }
        switch (line.source()) {
            case STOCK -> {}
            case BACKORDER ->
                supplierOf(line, path).ifPresent(supplier -> {
                    // Without an open purchase order the line waits to be ordered, promised from the supplier's
                    // lead time; a supplier defined before lead times were kept has none to promise from.
                    if (line.sku() != null
                            && supplier.backorderLeadTime() == null
                            && purchaseOrderFor(
                                            supplier.code(),
                                            line.sku(),
                                            line.quantity() == null ? 1 : Math.max(1, line.quantity()))
                                    .isEmpty()) {
                        reject(
                                "NO_OPEN_PURCHASE_ORDER",
                                path + ".supplier",
                                "Supplier " + supplier.code()
                                        + " has no open purchase order to wait for and no lead time to promise"
                                        + " from.");
                    }
                });
            case DROPSHIP ->
                supplierOf(line, path).ifPresent(supplier -> {
                    if (supplier.dropshipLeadTime() == null) {
                        reject(
                                "NOT_A_DROPSHIP_SUPPLIER",
                                path + ".supplier",
                                "Supplier " + supplier.code() + " does not dropship.");
                    }
                });
        }
    }

    private void checkPrice(String price, Optional<Currency> currency, String path) {
        if (!required(price, path)) {
            return;
        }
        Optional<BigDecimal> amount = amount(price);
        int digits = currency.map(Currency::getDefaultFractionDigits).orElse(2);
        if (amount.isEmpty()
                || amount.get().signum() < 0
                || amount.get().stripTrailingZeros().scale() > Math.max(digits, 0)) {
            reject(
                    "INVALID_AMOUNT",
                    path,
                    "A price is a non-negative decimal with at most " + digits + " decimals, e.g. 129.95.");
        }
    }

    private Optional<Supplier> supplierOf(NewLine line, String path) {
        if (!required(line.supplier(), path + ".supplier")) {
            return Optional.empty();
        }
        Optional<Supplier> supplier = supplier(line.supplier());
        if (supplier.isEmpty()) {
            reject("UNKNOWN_SUPPLIER", path + ".supplier", "There is no supplier " + line.supplier() + ".");
        }
        return supplier;
    }

    Optional<Supplier> supplier(String code) {
        return supplierCache.computeIfAbsent(code, suppliers::find);
    }

    Optional<PurchaseOrderRef> purchaseOrderFor(String supplier, String sku, int units) {
        return purchaseOrderCache.computeIfAbsent(
                supplier + "\u0000" + sku + "\u0000" + units,
                key -> suppliers.openPurchaseOrderFor(supplier, sku, units));
    }

    private boolean required(String value, String field) {
        if (value == null || value.isBlank()) {
            reject("REQUIRED", field, field.substring(field.lastIndexOf('.') + 1) + " is required.");
            return false;
        }
        if (value.length() > MAX_TEXT) {
            reject("TOO_LONG", field, "At most " + MAX_TEXT + " characters.");
            return false;
        }
        return true;
    }

    private void reject(String code, String field, String message) {
        errors.add(new UserError(code, field, message));
    }

    static Optional<Currency> currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<BigDecimal> amount(String text) {
        try {
            return Optional.of(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<String> language(String tag) {
        String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        return LANGUAGES.contains(language) ? Optional.of(language) : Optional.empty();
    }

    static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
