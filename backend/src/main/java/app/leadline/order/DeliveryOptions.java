package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import app.leadline.payment.Money;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * What the customer may choose between now: one delivery ({@link #together()}) or ready lines first ({@link
 * #split()}, with the cost of the extra parcels).
 *
 * @param closedReason why there is no choice, e.g. {@code ALREADY_SHIPPED}; {@code null} when open
 * @param extraParcelFee what each parcel beyond the first costs
 * @param extraCost what the extra parcels of the split cost together
 */
public record DeliveryOptions(
        String closedReason, Parcel together, List<Parcel> split, Money extraParcelFee, Money extraCost) {

    /**
     * What the customer of an order with these lines may choose now under its policy, about the items the shop sends
     * (dropshipped ones come from their suppliers in parcels of their own either way): nothing once the shop sent part
     * of them, when the policy always ships complete, or when there is nothing to split (all would leave together,
     * ready or not: one parcel either way). The policy's fee per extra parcel has no currency of its own; it is taken
     * in the order's, rounded half up.
     */
    static DeliveryOptions of(OrderLines lines, OrderPolicy policy) {
        OrderLines fromShop = lines.fromShop();
        List<Parcel> split = ParcelPlan.split(fromShop.open());
        String closed = !policy.customerMayChoose()
                ? "POLICY_SHIPS_COMPLETE"
                : fromShop.anyShipped() ? "ALREADY_SHIPPED" : split.size() < 2 ? "NOTHING_TO_SPLIT" : null;
        Money fee = Money.rounded(policy.extraParcelFee(), lines.currency(), RoundingMode.HALF_UP);
        return new DeliveryOptions(
                closed, ParcelPlan.together(fromShop.open()), split, fee, fee.times(Math.max(0, split.size() - 1)));
    }

    /** Refuses a choice, saying why, when there is none to make. */
    void requireOpen() {
        if (!open()) {
            throw new OrderRuleViolation(
                    closedReason,
                    "preference",
                    switch (closedReason) {
                        case "POLICY_SHIPS_COMPLETE" -> "This order is always delivered complete.";
                        case "ALREADY_SHIPPED" ->
                            "Part of the order has already shipped; the delivery can no longer change.";
                        default -> "All items will be ready together; there is nothing to choose.";
                    });
        }
    }

    public boolean open() {
        return closedReason == null;
    }

    public Optional<String> whyClosed() {
        return Optional.ofNullable(closedReason);
    }

    public EtaWindow waitWindow() {
        return together.eta();
    }
}
