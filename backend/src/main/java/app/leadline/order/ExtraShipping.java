package app.leadline.order;

import app.leadline.payment.Money;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The extra shipping a customer agreed to pay for having ready items sent first: the policy's fee for each parcel
 * beyond the first, authorised on their card as a whole when they chose (with a one-time code), taken parcel by
 * parcel as the extra parcels leave, and what was never taken released: when they go back to one delivery, or once
 * nothing is left to send. Amounts are in the order's currency.
 *
 * @param id the authorisation's operation id, which its capture and release refer to
 * @param perParcel what each parcel beyond the first takes
 * @param authorised what the customer agreed to: the fee times the extra parcels planned when they chose
 * @param charged what the parcels that left took of it so far
 * @param releasedAt when the rest was released; null while it may still be taken
 */
public record ExtraShipping(
        String id,
        BigDecimal perParcel,
        BigDecimal authorised,
        BigDecimal charged,
        Instant authorisedAt,
        Instant releasedAt) {

    /** Whether a parcel may still take from it. */
    public boolean open() {
        return releasedAt == null;
    }

    /** What is authorised and not taken. */
    public BigDecimal remaining() {
        return authorised.subtract(charged);
    }

    /** What the next extra parcel takes: the fee, or what is left of the authorisation if that is less. */
    BigDecimal nextParcel() {
        return open() ? perParcel.min(remaining()).max(BigDecimal.ZERO) : BigDecimal.ZERO;
    }

    /** As customers and agents read it, at the order currency's scale. */
    public Shown shown(String currency) {
        return new Shown(
                Money.of(authorised, currency).toPlainString(),
                Money.of(charged, currency).toPlainString(),
                !open());
    }

    /**
     * @param authorised what was reserved on the customer's card, as a decimal
     * @param charged what the extra parcels took of it so far, as a decimal
     * @param released whether the rest was released
     */
    public record Shown(String authorised, String charged, boolean released) {}

    ExtraShipping taking(BigDecimal amount) {
        return new ExtraShipping(id, perParcel, authorised, charged.add(amount), authorisedAt, releasedAt);
    }

    ExtraShipping released(Instant at) {
        return new ExtraShipping(id, perParcel, authorised, charged, authorisedAt, at);
    }
}
