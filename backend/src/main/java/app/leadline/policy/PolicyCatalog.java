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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The segment policies in force. Until an admin defines them, two built-in ones apply: {@code B2C} asks the
 * customer, {@code B2B} always ships complete; an unknown segment gets the {@code B2C} policy.
 */
@Service
public class PolicyCatalog {

    static final Map<String, SegmentPolicy> BUILT_IN = Map.of(
            "B2C", new SegmentPolicy("B2C", "WAIT_FOR_ALL", true, List.of(), null, false, null),
            "B2B", new SegmentPolicy("B2B", "WAIT_FOR_ALL", false, List.of(), null, false, null));

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Set<String> PREFERENCES = Set.of("WAIT_FOR_ALL", "SHIP_AS_AVAILABLE");

    private final SegmentPolicies policies;
    private final BigDecimal shopExtraParcelFee;
    private final AuditLog audit;

    PolicyCatalog(
            SegmentPolicies policies,
            @Value("${leadline.shipping.extra-parcel-fee:0}") BigDecimal shopExtraParcelFee,
            AuditLog audit) {
        this.policies = policies;
        this.shopExtraParcelFee = shopExtraParcelFee;
        this.audit = audit;
    }

    public SegmentPolicy forSegment(String segment) {
        return policies.findById(segment)
                .or(() -> Optional.ofNullable(BUILT_IN.get(segment)))
                .orElseGet(() -> policies.findById("B2C").orElse(BUILT_IN.get("B2C")));
    }

    /** The fee for each parcel beyond the first under this policy: its own, else the shop's. */
    public BigDecimal extraParcelFee(SegmentPolicy policy) {
        return policy.ownExtraParcelFee().orElse(shopExtraParcelFee);
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

    /** A policy as an admin writes it: the fee as typed, not yet checked. */
    public record Definition(
            String segment,
            String defaultPreference,
            boolean customerMayChoose,
            List<DayOfWeek> receivingDays,
            String extraParcelFee,
            boolean cancelAnyUnshippedLine,
            Integer autoApproveRefundAfterDaysLate) {}

    /** The policy now in force, or why none was saved. */
    public record Outcome(Optional<SegmentPolicy> policy, List<UserError> errors) {}

    /** Defines or replaces a segment's policy, and writes who did it to the audit log; nothing is saved if refused. */
    @PreAuthorize("hasRole('ADMIN')")
    public Outcome define(Definition input, String admin) {
        List<UserError> errors = new ArrayList<>();
        if (input.segment() == null || !SEGMENT.matcher(input.segment()).matches()) {
            errors.add(new UserError(
                    "INVALID_SEGMENT", "input.segment", "A segment is 1 to 32 letters, digits, '_' or '-'."));
        }
        if (!PREFERENCES.contains(input.defaultPreference())) {
            errors.add(new UserError(
                    "INVALID_PREFERENCE", "input.defaultPreference", "Use WAIT_FOR_ALL or SHIP_AS_AVAILABLE."));
        }
        Optional<BigDecimal> fee = Optional.ofNullable(input.extraParcelFee()).map(PolicyCatalog::fee);
        if (fee.filter(amount -> amount.signum() >= 0).isEmpty() && input.extraParcelFee() != null) {
            errors.add(new UserError(
                    "INVALID_AMOUNT", "input.extraParcelFee", "A fee is a non-negative decimal, e.g. 49.00."));
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
        SegmentPolicy defined = policies.save(new SegmentPolicy(
                input.segment(),
                input.defaultPreference(),
                input.customerMayChoose(),
                days,
                fee.orElse(null),
                input.cancelAnyUnshippedLine(),
                input.autoApproveRefundAfterDaysLate()));
        Map<String, String> terms = Map.of(
                "default delivery",
                String.valueOf(defined.defaultPreference()),
                "customer may choose",
                defined.customerMayChoose() ? "yes" : "no",
                "receiving days",
                defined.receivingDays().isEmpty()
                        ? "any"
                        : defined.receivingDays().toString(),
                "extra parcel fee",
                String.valueOf(defined.extraParcelFee()),
                "any unshipped line may be cancelled",
                defined.cancelAnyUnshippedLine() ? "yes" : "no",
                "refunds approved by themselves after",
                defined.autoApproveRefundAfterDaysLate() == null
                        ? "never"
                        : defined.autoApproveRefundAfterDaysLate() + " days late");
        audit.record(admin, "DEFINE_SEGMENT_POLICY", input.segment(), Map.of(), terms);
        return new Outcome(Optional.of(defined), List.of());
    }

    /** The amount typed, or empty when it is no decimal. */
    private static BigDecimal fee(String typed) {
        try {
            return new BigDecimal(typed.trim());
        } catch (NumberFormatException notADecimal) {
            return null;
        }
    }
}
