package app.leadline.policy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a customer segment gets, e.g. {@code B2C: ask the customer} or {@code B2B: always ship complete}.
 *
 * @param segment the segment's code as the shop sends it on orders
 * @param defaultPreference {@code WAIT_FOR_ALL} or {@code SHIP_AS_AVAILABLE}, until someone chooses
 * @param customerMayChoose whether the tracking page offers the wait-or-split choice
 * @param receivingDays the only weekdays goods may arrive on; empty for any working day
 * @param extraParcelFees what each parcel beyond the first costs, per currency (ISO 4217); a currency not listed
 *     takes the shop's fee
 * @param extraParcelFee the one fee of a policy defined before fees had currencies, charged in whatever currency an
 *     order is in; {@code null} for every policy defined since
 * @param cancelAnyUnshippedLine whether customers may cancel lines that are not late
 * @param autoApproveRefundAfterDaysLate refund requests for lines later than this many days past their promise
 *     are approved without an agent; {@code null} leaves every request to an agent
 */
@Document("segmentPolicies")
public record SegmentPolicy(
        @Id String segment,
        String defaultPreference,
        boolean customerMayChoose,
        List<DayOfWeek> receivingDays,
        Map<String, BigDecimal> extraParcelFees,
        BigDecimal extraParcelFee,
        boolean cancelAnyUnshippedLine,
        Integer autoApproveRefundAfterDaysLate) {

    public SegmentPolicy {
        receivingDays = receivingDays == null ? List.of() : List.copyOf(receivingDays);
        extraParcelFees = extraParcelFees == null ? Map.of() : Map.copyOf(extraParcelFees);
    }

    /** The segment's own fee per extra parcel in the currency, if it sets one. */
    public Optional<BigDecimal> ownExtraParcelFee(String currency) {
        return Optional.ofNullable(extraParcelFees.get(currency)).or(() -> Optional.ofNullable(extraParcelFee));
    }

    public Optional<Integer> autoApprovalThreshold() {
        return Optional.ofNullable(autoApproveRefundAfterDaysLate);
    }
}
