package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import app.leadline.payment.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One line of an order with its own promise: the date first promised, the current ETA window and the delay
 * that last moved it.
 *
 * @param supplier the supplier's code for backordered and dropshipped lines, else {@code null}
 * @param purchaseOrder the purchase order a backordered line waits for, else {@code null}
 * @param lastDelay the delay report that last moved this line's ETA, else {@code null}
 * @param baseEta the window before any delay moved it; {@code null} until one does
 * @param etaBeforeLastDelay the window before {@code lastDelay} moved it (what withdrawing that delay gives back);
 *     {@code null} until a delay moves the line
 */
public record OrderLine(
        String id,
        String sku,
        String name,
        int quantity,
        BigDecimal unitPrice,
        LineSource source,
        String supplier,
        String purchaseOrder,
        LocalDate promisedDate,
        EtaWindow eta,
        LineStatus status,
        PaymentState payment,
        String lastDelay,
        EtaWindow baseEta,
        EtaWindow etaBeforeLastDelay) {

    /** What {@code lastDelay} says when the promise watch, not a supplier's word, last moved the line. */
    static final String RUNNING_LATE = CustomerNews.RUNNING_LATE;

    public Optional<String> supplierCode() {
        return Optional.ofNullable(supplier);
    }

    public Optional<String> purchaseOrderNumber() {
        return Optional.ofNullable(purchaseOrder);
    }

    /** Still to be shipped: reserved, waiting for the supplier, or ready. */
    public boolean isOpen() {
        return status != null && status.isOpen();
    }

    /**
     * Sent to the customer by its supplier, not by the shop: it travels in a parcel of its own, whatever the customer
     * chose, and the choice between one delivery and ready items first is not about it.
     */
    public boolean isDropshipped() {
        return source == LineSource.DROPSHIP;
    }

    /** Could leave with the next parcel: on the shelf or received from the supplier. */
    public boolean isReadyToLeave() {
        return status == LineStatus.RESERVED || status == LineStatus.READY;
    }

    /**
     * Time overtook the line's promise and its window was re-projected by the promise watch; a supplier's new date (a
     * logged delay, a confirmed purchase order) ends this.
     */
    public boolean isRunningLate() {
        return RUNNING_LATE.equals(lastDelay);
    }

    /**
     * Whether the line is allocated to this purchase order: what the purchase order's allocations must agree with (an
     * allocation for a line that is not is one a crash left, see {@link StrayAllocations}).
     */
    public boolean isOn(String purchaseOrder) {
        return purchaseOrder.equals(this.purchaseOrder);
    }

    /** The supplier's delay report that last moved the line; empty when none did, or the promise watch did. */
    public Optional<String> supplierDelay() {
        return lastDelay == null || isRunningLate() ? Optional.empty() : Optional.of(lastDelay);
    }

    /** Now expected later than first promised. */
    public boolean isLate() {
        return eta.latest().isAfter(promisedDate);
    }

    public long daysLate() {
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(promisedDate, eta.latest()));
    }

    OrderLine withEta(EtaWindow window, String delay) {
        return new OrderLine(
                id,
                sku,
                name,
                quantity,
                unitPrice,
                source,
                supplier,
                purchaseOrder,
                promisedDate,
                window,
                status,
                payment,
                delay,
                delay == null ? baseEta : windowBeforeDelays(),
                delay == null || delay.equals(lastDelay) ? etaBeforeLastDelay : eta);
    }

    /** The line now waits for a purchase order, expected in the given window; its promise stays what it was. */
    OrderLine waitingFor(String purchaseOrderNumber, EtaWindow window) {
        return new OrderLine(
                id,
                sku,
                name,
                quantity,
                unitPrice,
                source,
                supplier,
                purchaseOrderNumber,
                promisedDate,
                window,
                status,
                payment,
                lastDelay,
                baseEta,
                etaBeforeLastDelay);
    }

    /** What placing the order says of this line: backordered or dropshipped, by when; nothing for a stock line. */
    Optional<OrderEvent> placedAs() {
        return switch (source) {
            case BACKORDER -> Optional.of(new OrderEvent.Backordered(id, name, eta.latest()));
            case DROPSHIP -> Optional.of(new OrderEvent.Dropshipped(id, name, eta.latest()));
            case STOCK -> Optional.empty();
        };
    }

    /** A backordered line no purchase order carries yet. */
    public boolean waitsToBeOrdered() {
        return source == LineSource.BACKORDER && purchaseOrder == null && status == LineStatus.AWAITING_SUPPLIER;
    }

    OrderLine promisedBy(LocalDate date) {
        return new OrderLine(
                id,
                sku,
                name,
                quantity,
                unitPrice,
                source,
                supplier,
                purchaseOrder,
                date,
                eta,
                status,
                payment,
                lastDelay,
                baseEta,
                etaBeforeLastDelay);
    }

    /**
     * Goods arrived for the line: it is ready to leave, expected in the window counted from their arrival rather than
     * from the supplier's date, and no longer running late (a supplier's word could not be firmer).
     */
    OrderLine arrived(EtaWindow leaving) {
        return withStatus(LineStatus.READY, payment).withEta(leaving, isRunningLate() ? null : lastDelay);
    }

    /**
     * The line left in a parcel: shipped, charged, and expected in the carrier's window from the day it left, so it is
     * late only if that window passes its promise, whatever it was expected at before.
     */
    OrderLine shipped(EtaWindow delivery) {
        return withStatus(LineStatus.SHIPPED, PaymentState.CAPTURED)
                .withEta(delivery, isRunningLate() ? null : lastDelay);
    }

    OrderLine withStatus(LineStatus newStatus, PaymentState newPayment) {
        return new OrderLine(
                id,
                sku,
                name,
                quantity,
                unitPrice,
                source,
                supplier,
                purchaseOrder,
                promisedDate,
                eta,
                newStatus,
                newPayment,
                lastDelay,
                baseEta,
                etaBeforeLastDelay);
    }

    /**
     * The window the line had before its last delay moved it, when that delay is {@code delayId}: what withdrawing
     * the delay gives back. Empty for a line another move reached since, or moved before Leadline kept it.
     */
    public Optional<EtaWindow> windowBefore(String delayId) {
        return delayId.equals(lastDelay) ? Optional.ofNullable(etaBeforeLastDelay) : Optional.empty();
    }

    /** The window as first computed, before any supplier delay; "days late" shifts from here. */
    public EtaWindow windowBeforeDelays() {
        return baseEta == null ? eta : baseEta;
    }

    /** Unit price × quantity, in the order's currency (prices are kept without it, as the order holds it). */
    public Money amountIn(String currency) {
        return Money.of(unitPrice, currency).times(quantity);
    }
}
