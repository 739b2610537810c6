package app.leadline.order;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Optional;

/**
 * The segment policy an order was placed under, copied onto the order so that later edits of the policy do not
 * change what this customer was offered.
 *
 * @param extraParcelFee what each parcel beyond the first costs, in the order's currency
 * @param autoApproveRefundAfterDaysLate refunds for lines later than this are approved without an agent; {@code
 *     null} leaves them to an agent
 */
public record OrderPolicy(
        String segment,
        boolean customerMayChoose,
        List<DayOfWeek> receivingDays,
        BigDecimal extraParcelFee,
        boolean cancelAnyUnshippedLine,
        Integer autoApproveRefundAfterDaysLate) {

    public OrderPolicy {
        receivingDays = receivingDays == null ? List.of() : List.copyOf(receivingDays);
        extraParcelFee = extraParcelFee == null ? BigDecimal.ZERO : extraParcelFee;
    }

    Optional<Integer> autoApprovalThreshold() {
        return Optional.ofNullable(autoApproveRefundAfterDaysLate);
    }
}
