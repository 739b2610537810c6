package app.leadline.supplier;

import app.leadline.delivery.LeadTime;
import app.leadline.platform.AuditLog;
import app.leadline.platform.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Admins define and redefine suppliers. A definition is checked whole and stored only when every field is right;
 * orders already placed keep what they were promised, since their lines carry their own dates.
 */
@Service
public class SupplierDefinitions {

    static final int MAX_LEAD_DAYS = 365;
    private static final int MAX_TEXT = 200;
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Suppliers suppliers;
    private final AuditLog audit;

    SupplierDefinitions(Suppliers suppliers, AuditLog audit) {
        this.suppliers = suppliers;
        this.audit = audit;
    }

    /** The supplier as stored, whether this call created it, or the errors and nothing stored. */
    public record Outcome(Optional<Supplier> supplier, boolean created, List<UserError> errors) {}

    @PreAuthorize("hasRole('AGENT')")
    public List<Supplier> all() {
        return suppliers.findAll(org.springframework.data.domain.Sort.by("_id"));
    }

    /** What {@link #define} would refuse in this definition, without storing anything: the same errors, or none. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<UserError> problems(SupplierDefinition definition) {
        return check(definition);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Outcome define(SupplierDefinition definition, String admin) {
        List<UserError> errors = check(definition);
        if (!errors.isEmpty()) {
            return new Outcome(Optional.empty(), false, errors);
        }
        LeadTime leadTime = new LeadTime(definition.leadTimeMinDays(), definition.leadTimeMaxDays());
        Supplier supplier = new Supplier(
                definition.code().trim(),
                definition.name().trim(),
                definition.country().trim().toUpperCase(Locale.ROOT),
                definition.contactEmail().trim(),
                definition.dropships() ? leadTime : null,
                definition.dropships() ? null : leadTime,
                definition.workingDays());
        Optional<Supplier> before = suppliers.findById(supplier.code());
        suppliers.save(supplier);
        audit.record(
                admin,
                "DEFINE_SUPPLIER",
                supplier.code(),
                before.map(SupplierDefinitions::audited).orElse(Map.of()),
                audited(supplier));
        return new Outcome(Optional.of(supplier), before.isEmpty(), List.of());
    }

    /**
     * A supplier as the audit log keeps it: each term an admin sets, in no language (the console words it): its lead
     * time's working days, whom it delivers to ({@code CUSTOMERS} or {@code SHOP}), the days it ships on.
     */
    private static Map<String, String> audited(Supplier supplier) {
        Map<String, String> terms = new java.util.LinkedHashMap<>();
        terms.put("name", supplier.name());
        terms.put("country", String.valueOf(supplier.country()));
        terms.put("email", String.valueOf(supplier.contactEmail()));
        supplier.leadTime().ifPresent(lead -> {
            terms.put("leadTimeMinDays", String.valueOf(lead.minDays()));
            terms.put("leadTimeMaxDays", String.valueOf(lead.maxDays()));
        });
        terms.put("deliversTo", supplier.dropships() ? "CUSTOMERS" : "SHOP");
        terms.put("workingDays", supplier.workingDays().toString());
        return terms;
    }

    static List<UserError> check(SupplierDefinition definition) {
        List<UserError> errors = new ArrayList<>();
        if (blank(definition.code())) {
            errors.add(new UserError("REQUIRED", "input.code", "Give the supplier a code."));
        } else if (!CODE.matcher(definition.code().trim()).matches()) {
            errors.add(new UserError(
                    "INVALID_CODE", "input.code", "A code is 1 to 32 letters, digits, '_' or '-', e.g. NORDIC-SOFA."));
        }
        text(definition.name(), "input.name", "Give the supplier's name.", errors);
        if (blank(definition.country())) {
            errors.add(new UserError("REQUIRED", "input.country", "Give the country the supplier ships from."));
        } else if (!COUNTRIES.contains(definition.country().trim().toUpperCase(Locale.ROOT))) {
            errors.add(new UserError(
                    "UNKNOWN_COUNTRY", "input.country", "A country is a two-letter ISO 3166 code, e.g. DK."));
        }
        if (blank(definition.contactEmail())) {
            errors.add(new UserError("REQUIRED", "input.contactEmail", "Give an e-mail address for purchasing."));
        } else if (definition.contactEmail().trim().length() > MAX_TEXT
                || !EMAIL.matcher(definition.contactEmail().trim()).matches()) {
            errors.add(new UserError("INVALID_EMAIL", "input.contactEmail", "This is not an e-mail address."));
        }
        Integer min = definition.leadTimeMinDays();
        Integer max = definition.leadTimeMaxDays();
        if (min == null || min < 0 || min > MAX_LEAD_DAYS) {
            errors.add(new UserError(
                    "INVALID_LEAD_TIME",
                    "input.leadTime.minDays",
                    "A lead time is a whole number of working days from 0 to " + MAX_LEAD_DAYS + "."));
        }
        if (max == null || max < 0 || max > MAX_LEAD_DAYS) {
            errors.add(new UserError(
                    "INVALID_LEAD_TIME",
                    "input.leadTime.maxDays",
                    "A lead time is a whole number of working days from 0 to " + MAX_LEAD_DAYS + "."));
        } else if (min != null && min >= 0 && min <= MAX_LEAD_DAYS && max < min) {
            errors.add(new UserError(
                    "INVALID_LEAD_TIME",
                    "input.leadTime.maxDays",
                    "The slowest lead time cannot be shorter than the fastest."));
        }
        if (definition.workingDays() != null && definition.workingDays().isEmpty()) {
            errors.add(new UserError(
                    "NO_WORKING_DAYS", "input.workingDays", "Name at least one day the supplier ships on."));
        }
        return errors;
    }

    private static void text(String value, String field, String missing, List<UserError> errors) {
        if (blank(value)) {
            errors.add(new UserError("REQUIRED", field, missing));
        } else if (value.trim().length() > MAX_TEXT) {
            errors.add(new UserError("TOO_LONG", field, "At most " + MAX_TEXT + " characters."));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
