package app.leadline.policy;

import app.leadline.platform.UserError;
import java.security.Principal;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The GraphQL face of segment policies: agents read them, admins define them. */
@Controller
class SegmentPolicyController {

    private final PolicyCatalog policies;

    SegmentPolicyController(PolicyCatalog policies) {
        this.policies = policies;
    }

    @QueryMapping
    List<SegmentPolicy> segmentPolicies() {
        return policies.all();
    }

    @QueryMapping
    List<PolicyCatalog.ParcelFee> shopParcelFees() {
        return policies.shopExtraParcelFees();
    }

    /** What a segment's new orders pay per extra parcel in each currency: its own fee, or the shop's. */
    @SchemaMapping(typeName = "SegmentPolicy")
    List<PolicyCatalog.ParcelFee> extraParcelFees(SegmentPolicy policy) {
        return policies.extraParcelFees(policy);
    }

    @SchemaMapping(typeName = "ParcelFee")
    String own(PolicyCatalog.ParcelFee fee) {
        return fee.own() == null ? null : fee.own().toPlainString();
    }

    @SchemaMapping(typeName = "ParcelFee")
    String inForce(PolicyCatalog.ParcelFee fee) {
        return fee.inForce().toPlainString();
    }

    record SegmentPolicyPayload(SegmentPolicy policy, List<UserError> errors) {}

    @MutationMapping
    SegmentPolicyPayload defineSegmentPolicy(@Argument PolicyCatalog.Definition input, Principal admin) {
        PolicyCatalog.Outcome outcome = policies.define(input, admin.getName());
        return new SegmentPolicyPayload(outcome.policy().orElse(null), outcome.errors());
    }
}
