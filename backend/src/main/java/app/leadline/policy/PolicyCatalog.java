package app.leadline.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final SegmentPolicies policies;
    private final BigDecimal shopExtraParcelFee;

    PolicyCatalog(
            SegmentPolicies policies, @Value("${leadline.shipping.extra-parcel-fee:0}") BigDecimal shopExtraParcelFee) {
        this.policies = policies;
        this.shopExtraParcelFee = shopExtraParcelFee;
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

    @PreAuthorize("hasRole('ADMIN')")
    public SegmentPolicy define(SegmentPolicy policy) {
        return policies.save(policy);
    }
}
