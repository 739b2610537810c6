package app.leadline.order;

import app.leadline.payment.Money;
import app.leadline.payment.PaymentOperation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An order's money beyond its lines' prices: the refunds its customer asked for and how they were decided, the extra
 * shipping they agreed to pay for ready items first, and the payment operations (authorise, capture, void, refund)
 * still to be sent to the provider. Kept as the order stores them; every change gives a new ledger.
 *
 * @param extraShipping the extra shipping authorised, null when the customer never agreed to any
 */
record PaymentLedger(
        String orderNumber,
        String currency,
        List<RefundRequest> refunds,
        List<PaymentOperation> pending,
        ExtraShipping extraShipping) {

    PaymentLedger {
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    /** A decided refund request and the ledger after it. */
    record Decision(PaymentLedger ledger, RefundRequest request) {}

    /**
     * Lines left in a parcel: their amount is to be captured, once per shipment, with what the parcel takes of the
     * extra shipping ({@link #extraShippingFor}).
     */
    PaymentLedger captured(String shipmentId, List<String> lineIds, Money amount, Money extra, Instant at) {
        PaymentLedger taken = extra.isZero()
                ? this
                : new PaymentLedger(orderNumber, currency, refunds, pending, extraShipping.taking(extra.amount()));
        return taken.withOperation(shipmentId, PaymentOperation.Kind.CAPTURE, lineIds, amount.plus(extra), at);
    }

    /**
     * What a parcel leaving now takes of the extra shipping the customer agreed to: the fee for a parcel beyond the
     * first (at most what is left of the authorisation), nothing for the first parcel or when none was agreed.
     */
    Money extraShippingFor(boolean firstParcel) {
        return firstParcel || extraShipping == null
                ? Money.zero(currency)
                : Money.of(extraShipping.nextParcel(), currency);
    }

    /**
     * The customer agreed to pay {@code total} for the extra parcels, {@code perParcel} each: the amount is to be
     * authorised on their card. An earlier authorisation still open is released first.
     */
    PaymentLedger extraShippingAuthorised(Money perParcel, Money total, Instant at) {
        PaymentLedger before = extraShippingReleased(at);
        String id = UUID.randomUUID().toString();
        ExtraShipping agreed = new ExtraShipping(id, perParcel.amount(), total.amount(), BigDecimal.ZERO, at, null);
        return new PaymentLedger(orderNumber, currency, before.refunds, before.pending, agreed)
                .withOperation(id, PaymentOperation.Kind.AUTHORIZE, List.of(), total, at);
    }

    /**
     * No extra parcel may take any more (the customer went back to one delivery, or nothing is left to send): what
     * was authorised and not taken is to be released. Nothing changes when nothing is open.
     */
    PaymentLedger extraShippingReleased(Instant at) {
        if (extraShipping == null || !extraShipping.open()) {
            return this;
        }
        PaymentLedger released = new PaymentLedger(orderNumber, currency, refunds, pending, extraShipping.released(at));
        Money rest = extraShippingReleasable();
        return rest.isZero()
                ? released
                : released.withOperation(
                        extraShipping.id() + ":release", PaymentOperation.Kind.VOID, List.of(), rest, at);
    }

    /** What {@link #extraShippingReleased} would void now: the untaken rest of an open authorisation, else zero. */
    Money extraShippingReleasable() {
        return Money.of(
                extraShipping == null || !extraShipping.open() ? BigDecimal.ZERO : extraShipping.remaining(), currency);
    }

    /** What the parcels took of the extra shipping so far. */
    Money extraShippingCharged() {
        return Money.of(extraShipping == null ? BigDecimal.ZERO : extraShipping.charged(), currency);
    }

    /** A line never charged was cancelled: its authorisation is to be released. */
    PaymentLedger voided(String lineId, Money amount, Instant at) {
        return withOperation(UUID.randomUUID().toString(), PaymentOperation.Kind.VOID, List.of(lineId), amount, at);
    }

    PaymentLedger requested(RefundRequest request) {
        List<RefundRequest> more = new ArrayList<>(refunds);
        more.add(request);
        return new PaymentLedger(orderNumber, currency, more, pending, extraShipping);
    }

    /**
     * Decides an open refund request; an approval is to be paid back through the provider under the request's id.
     * An unknown or already decided request is refused naming the refund.
     */
    Decision decide(String refundId, boolean approve, String by, String reason, Instant at) {
        RefundRequest request = refunds.stream()
                .filter(r -> r.id().equals(refundId))
                .findFirst()
                .orElseThrow(
                        () -> new OrderRuleViolation("UNKNOWN_REFUND", "refundId", "There is no such refund request."));
        if (!request.isOpen()) {
            throw new OrderRuleViolation(
                    "REFUND_ALREADY_DECIDED", "refundId", "This refund request was already decided.");
        }
        RefundRequest decided =
                request.decided(approve ? RefundRequest.State.APPROVED : RefundRequest.State.REJECTED, by, at, reason);
        PaymentLedger after = new PaymentLedger(
                orderNumber,
                currency,
                refunds.stream().map(r -> r == request ? decided : r).toList(),
                pending,
                extraShipping);
        if (approve) {
            after = after.withOperation(
                    request.id(),
                    PaymentOperation.Kind.REFUND,
                    request.lineIds(),
                    Money.of(request.amount(), currency),
                    at);
        }
        return new Decision(after, decided);
    }

    /** An operation reached the provider: it leaves the outbox, and an approved refund sent is now paid. */
    PaymentLedger sent(String operationId) {
        return new PaymentLedger(
                orderNumber,
                currency,
                refunds.stream()
                        .map(r ->
                                r.id().equals(operationId) && r.state() == RefundRequest.State.APPROVED ? r.paid() : r)
                        .toList(),
                pending.stream().filter(o -> !o.id().equals(operationId)).toList(),
                extraShipping);
    }

    /** The latest refund request naming the line. */
    Optional<RefundRequest> refundFor(String lineId) {
        return refunds.stream().filter(r -> r.lineIds().contains(lineId)).reduce((first, second) -> second);
    }

    boolean refundOpenFor(String lineId) {
        return refunds.stream().anyMatch(r -> r.isOpen() && r.lineIds().contains(lineId));
    }

    /** The shop declined the line's latest refund request. */
    boolean refundDeclinedFor(String lineId) {
        return refundFor(lineId)
                .filter(r -> r.state() == RefundRequest.State.REJECTED)
                .isPresent();
    }

    private PaymentLedger withOperation(
            String id, PaymentOperation.Kind kind, List<String> lineIds, Money amount, Instant at) {
        List<PaymentOperation> more = new ArrayList<>(pending);
        more.add(new PaymentOperation(
                id, kind, orderNumber, List.copyOf(lineIds), amount, at.truncatedTo(ChronoUnit.MILLIS)));
        return new PaymentLedger(orderNumber, currency, refunds, more, extraShipping);
    }
}
