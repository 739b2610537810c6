package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import app.leadline.payment.Money;
import java.util.List;
import java.util.Optional;

/**
 * What the customer may choose between now: one delivery ({@link #together()}) or ready lines first ({@link
 * #split()}, with the cost of the extra parcels).
 *
 * @param closedReason why there is no choice, e.g. {@code ALREADY_SHIPPED}; {@code null} when open
 */
public record DeliveryOptions(String closedReason, Parcel together, List<Parcel> split, Money extraCost) {

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
