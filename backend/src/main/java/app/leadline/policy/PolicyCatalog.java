package app.leadline.policy;

import app.leadline.platform.AuditLog;
import app.leadline.platform.UserError;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The segment policies in force. Until an admin defines them, two built-in ones apply: {@code B2C} asks the
 * customer, {@code B2B} always ships complete; an unknown segment gets the {@code B2C} policy. A segment's code is
 * read regardless of case ("vip" is the segment {@code VIP}) and kept in capitals.
 */
@Service
public class PolicyCatalog {

    static final Map<String, SegmentPolicy> BUILT_IN = Map.of(
            "B2C", new SegmentPolicy("B2C", "WAIT_FOR_ALL", true, List.of(), Map.of(), null, false, null),
            "B2B", new SegmentPolicy("B2B", "WAIT_FOR_ALL", false, List.of(), Map.of(), null, false, null));

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final String SHIP_AS_AVAILABLE = "SHIP_AS_AVAILABLE";
    private static final Set<String> PREFERENCES = Set.of("WAIT_FOR_ALL", SHIP_AS_AVAILABLE);

    private final SegmentPolicies policies;
    private final ShippingProperties shipping;
    private final AuditLog audit;

    PolicyCatalog(SegmentPolicies policies, ShippingProperties shipping, AuditLog audit) {
        this.policies = policies;
        this.shipping = shipping;
        this.audit = audit;
    }

    /** A segment's code as it is kept: "vip" and "VIP" are one segment. */
    public static String code(String segment) {
        return segment.trim().toUpperCase(java.util.Locale.ROOT);
    }

    public SegmentPolicy forSegment(String segment) {
        String code = code(segment);
        return policies.findById(code)
                // A policy defined before codes were kept in capitals is kept as it was typed.
                .or(() -> code.equals(segment) ? Optional.empty() : policies.findById(segment))
                .or(() -> Optional.ofNullable(BUILT_IN.get(code)))
                .orElseGet(() -> policies.findById("B2C").orElse(BUILT_IN.get("B2C")));
    }

    /**
     * The fee for each parcel beyond the first under this policy, in the order's currency: its own, else the shop's;
     * none where the segment ships items as they are ready by default, which is the shop's choice and at its cost.
     */
    public BigDecimal extraParcelFee(SegmentPolicy policy, String currency) {
        if (SHIP_AS_AVAILABLE.equals(policy.defaultPreference())) {
            return BigDecimal.ZERO;
        }
        return policy.ownExtraParcelFee(currency).orElseGet(() -> shipping.extraParcelFee(currency));
    }

    /** A policy's fee per extra parcel in one currency: its own, if any, and the one its new orders take. */
    public record ParcelFee(String currency, BigDecimal own, BigDecimal inForce) {}

    /** The policy's fees in each currency the shop sells in, and in any other it names. */
    public List<ParcelFee> extraParcelFees(SegmentPolicy policy) {
        Set<String> currencies = new java.util.LinkedHashSet<>(shipping.currencies());
        currencies.addAll(new java.util.TreeSet<>(policy.extraParcelFees().keySet()));
        return currencies.stream()
                .map(currency -> new ParcelFee(
                        currency, policy.ownExtraParcelFee(currency).orElse(null), extraParcelFee(policy, currency)))
                .toList();
    }

    /** The shop's own fee per extra parcel in each currency it sells in: what a segment without its own charges. */
    @PreAuthorize("hasRole('AGENT')")
    public List<ParcelFee> shopExtraParcelFees() {
        return shipping.currencies().stream()
                .map(currency -> new ParcelFee(currency, null, shipping.extraParcelFee(currency)))
                .toList();
    }

    /** Every policy in force, for the console: thresholds and fees are the shop's business, not the public's. */
    @PreAuthorize("hasRole('AGENT')")
    public List<SegmentPolicy> all() {
        List<SegmentPolicy> all = new ArrayList<>(policies.findAll());
        BUILT_IN.values().stream()
                .filter(builtIn -> all.stream().noneMatch(p -> p.segment().equals(builtIn.segment())))
                .forEach(all::add);
        all.sort(Comparator.comparing(SegmentPolicy::segment));
        return all;
    }

    /** A fee as an admin types it: a currency's code and an amount, not yet checked. */
    public record FeeInput(String currency, String amount) {}

    /** A policy as an admin writes it: the fees as typed, not yet checked. */
    public record Definition(
            String segment,
            String defaultPreference,
            boolean customerMayChoose,
            List<DayOfWeek> receivingDays,
            List<FeeInput> extraParcelFees,
            boolean cancelAnyUnshippedLine,
            Integer autoApproveRefundAfterDaysLate) {}

    /** The policy now in force, or why none was saved. */
    public record Outcome(Optional<SegmentPolicy> policy, List<UserError> errors) {}

    /** Defines or replaces a segment's policy, and writes who did it to the audit log; nothing is saved if refused. */
    @PreAuthorize("hasRole('ADMIN')")
    public Outcome define(Definition input, String admin) {
        List<UserError> errors = new ArrayList<>();
        String segment = input.segment() == null ? null : code(input.segment());
        if (segment == null || !SEGMENT.matcher(segment).matches()) {
            errors.add(new UserError(
                    "INVALID_SEGMENT", "input.segment", "A segment is 1 to 32 letters, digits, '_' or '-'."));
        }
        if (!PREFERENCES.contains(input.defaultPreference())) {
            errors.add(new UserError(
                    "INVALID_PREFERENCE", "input.defaultPreference", "Use WAIT_FOR_ALL or SHIP_AS_AVAILABLE."));
        }
        Map<String, BigDecimal> fees = fees(input.extraParcelFees(), errors);
        if (SHIP_AS_AVAILABLE.equals(input.defaultPreference())
                && fees.values().stream().anyMatch(fee -> fee.signum() > 0)) {
            errors.add(new UserError(
                    "FEE_WITHOUT_CHOICE",
                    "input.extraParcelFees",
                    "A segment whose items ship as they are ready by default pays for the extra parcels itself: leave"
                            + " the fees empty, or wait for everything by default."));
        }
        if (input.autoApproveRefundAfterDaysLate() != null && input.autoApproveRefundAfterDaysLate() < 0) {
            errors.add(new UserError(
                    "INVALID_DAYS", "input.autoApproveRefundAfterDaysLate", "Days late cannot be negative."));
        }
        List<DayOfWeek> days = input.receivingDays() == null ? List.of() : input.receivingDays();
        if (days.contains(DayOfWeek.SATURDAY) || days.contains(DayOfWeek.SUNDAY)) {
            errors.add(new UserError(
                    "INVALID_RECEIVING_DAYS", "input.receivingDays", "Goods are delivered Monday to Friday."));
        }
        if (!errors.isEmpty()) {
            return new Outcome(Optional.empty(), errors);
        }
        // The audit log reads what the policy replaced beside what it is now, as it does for a supplier.
        Optional<SegmentPolicy> before = policies.findById(segment);
        SegmentPolicy defined = policies.save(new SegmentPolicy(
                segment,
                input.defaultPreference(),
                input.customerMayChoose(),
                days,
                fees,
                null,
                input.cancelAnyUnshippedLine(),
                input.autoApproveRefundAfterDaysLate()));
        audit.record(
                admin,
                "DEFINE_SEGMENT_POLICY",
                segment,
                before.map(PolicyCatalog::terms).orElse(Map.of()),
                terms(defined));
        return new Outcome(Optional.of(defined), List.of());
    }

    /**
     * A policy's fee per extra parcel as the audit log keeps it: per currency ("DKK 49, EUR 6"), the one fee of an
     * older policy, or {@code SHOP} for the shop's.
     */
    private static String feeOf(SegmentPolicy policy) {
        if (!policy.extraParcelFees().isEmpty()) {
            return policy.extraParcelFees().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(each -> each.getKey() + " " + each.getValue().toPlainString())
                    .collect(Collectors.joining(", "));
        }
        return policy.extraParcelFee() != null ? policy.extraParcelFee().toPlainString() : "SHOP";
    }

    /** A policy's terms in words, as the audit log shows them. */
    /**
     * A policy as the audit log keeps it, in no language (the console words it): {@code ANY} receiving day,
     * {@code SHOP} for the shop's fee, {@code NEVER} for refunds never approved by themselves.
     */
    private static Map<String, String> terms(SegmentPolicy policy) {
        return Map.of(
                "defaultDelivery",
                String.valueOf(policy.defaultPreference()),
                "customerMayChoose",
                String.valueOf(policy.customerMayChoose()),
                "receivingDays",
                policy.receivingDays().isEmpty()
                        ? "ANY"
                        : policy.receivingDays().toString(),
                "extraParcelFee",
                feeOf(policy),
                "cancelAnyUnshippedLine",
                String.valueOf(policy.cancelAnyUnshippedLine()),
                "refundsApprovedAfterDaysLate",
                policy.autoApproveRefundAfterDaysLate() == null
                        ? "NEVER"
                        : String.valueOf(policy.autoApproveRefundAfterDaysLate()));
    }

    /**
     * The fees typed, by currency; each refused one adds an error at its field: a currency that is no ISO 4217 code
     * or comes twice, an amount that is no non-negative decimal or finer than its currency's smallest unit.
     */
    /** The most a fee per extra parcel may be, in any currency. */
    private static final BigDecimal MOST_A_PARCEL_COSTS = BigDecimal.valueOf(10_000);

    private static Map<String, BigDecimal> fees(List<FeeInput> typed, List<UserError> errors) {
        Map<String, BigDecimal> fees = new java.util.TreeMap<>();
        List<FeeInput> all = typed == null ? List.of() : typed;
        for (int i = 0; i < all.size(); i++) {
            String path = "input.extraParcelFees[" + i + "]";
            String code = all.get(i).currency() == null
                    ? ""
                    : all.get(i).currency().trim().toUpperCase(java.util.Locale.ROOT);
            Optional<java.util.Currency> currency = currency(code);
            if (currency.isEmpty()) {
                errors.add(new UserError(
                        "INVALID_CURRENCY", path + ".currency", "A currency is a three-letter code, e.g. DKK."));
                continue;
            }
            if (fees.containsKey(code)) {
                errors.add(new UserError("DUPLICATE_CURRENCY", path + ".currency", code + " has a fee already."));
                continue;
            }
            BigDecimal amount = amount(all.get(i).amount());
            if (amount == null || amount.signum() < 0) {
                errors.add(new UserError(
                        "INVALID_AMOUNT", path + ".amount", "A fee is a non-negative decimal, e.g. 49.00."));
            } else if (amount.compareTo(MOST_A_PARCEL_COSTS) > 0) {
                // A typing slip, not a fee: and an amount past what a store keeps exactly would be saved rounded.
                errors.add(new UserError(
                        "INVALID_AMOUNT",
                        path + ".amount",
                        "A fee is at most " + MOST_A_PARCEL_COSTS.toPlainString() + "."));
            } else if (amount.stripTrailingZeros().scale()
                    > Math.max(0, currency.get().getDefaultFractionDigits())) {
                errors.add(new UserError(
                        "INVALID_AMOUNT",
                        path + ".amount",
                        code + " has " + currency.get().getDefaultFractionDigits() + " decimals."));
            } else {
                fees.put(code, amount);
            }
        }
        return fees;
    }

    private static Optional<java.util.Currency> currency(String code) {
        try {
            return code.length() == 3 ? Optional.of(java.util.Currency.getInstance(code)) : Optional.empty();
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** The amount typed, or null when it is no decimal. */
    private static BigDecimal amount(String typed) {
        try {
            return typed == null ? null : new BigDecimal(typed.trim());
        } catch (NumberFormatException notADecimal) {
            return null;
        }
    }
}
