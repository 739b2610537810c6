package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import app.leadline.payment.Money;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * An order's lines and what they say together: which are still open, ready or late, the order's window, and what
 * lines cost in the order's currency. Kept as the order stores them (a list of lines); changing a line gives new
 * lines.
 */
record OrderLines(List<OrderLine> all, String currency) {

    OrderLines {
        all = all == null ? List.of() : List.copyOf(all);
    }

    /** The line with this id; an id the order does not have is refused naming the lines field. */
    OrderLine line(String lineId) {
        return all.stream()
                .filter(line -> line.id().equals(lineId))
                .findFirst()
                .orElseThrow(() ->
                        new OrderRuleViolation("UNKNOWN_LINE", "lineIds", "This order has no line " + lineId + "."));
    }

    boolean has(String lineId) {
        return all.stream().anyMatch(line -> line.id().equals(lineId));
    }

    OrderLines changed(String lineId, UnaryOperator<OrderLine> change) {
        return new OrderLines(
                all.stream()
                        .map(line -> line.id().equals(lineId) ? change.apply(line) : line)
                        .toList(),
                currency);
    }

    /**
     * The lines the shop sends itself: every line but those their supplier sends straight to the customer. One
     * delivery, ready items first and the extra parcels' fee are about these.
     */
    OrderLines fromShop() {
        return all.stream().anyMatch(OrderLine::isDropshipped)
                ? new OrderLines(
                        all.stream().filter(line -> !line.isDropshipped()).toList(), currency)
                : this;
    }

    /** Still to be shipped. */
    List<OrderLine> open() {
        return all.stream().filter(OrderLine::isOpen).toList();
    }

    /** Open lines that could leave with the next parcel. */
    List<OrderLine> readyToLeave() {
        return open().stream().filter(OrderLine::isReadyToLeave).toList();
    }

    /** Open lines still waiting for goods. */
    List<OrderLine> waiting() {
        return open().stream().filter(line -> !line.isReadyToLeave()).toList();
    }

    boolean anyShipped() {
        return all.stream()
                .anyMatch(line -> line.status() == LineStatus.SHIPPED || line.status() == LineStatus.DELIVERED);
    }

    /** Some open line is now expected later than first promised. */
    boolean anyOpenLate() {
        return all.stream().anyMatch(line -> line.isOpen() && line.isLate());
    }

    /** Nothing is left to arrive (nothing open, nothing on its way) and something did arrive. */
    boolean allArrived() {
        return all.stream().noneMatch(line -> line.isOpen() || line.status() == LineStatus.SHIPPED)
                && all.stream().anyMatch(line -> line.status() == LineStatus.DELIVERED);
    }

    /**
     * The order's window under the delivery preference: one complete delivery waits for the latest line. Once no
     * line is open, the window of all lines.
     */
    EtaWindow eta(DeliveryPreference preference) {
        List<OrderLine> open = open();
        List<EtaWindow> windows =
                (open.isEmpty() ? all : open).stream().map(OrderLine::eta).toList();
        return preference == DeliveryPreference.WAIT_FOR_ALL ? EtaWindow.allOf(windows) : EtaWindow.span(windows);
    }

    /** What these lines cost together, in the order's currency. */
    Money amountOf(List<String> lineIds) {
        return lineIds.stream().map(id -> line(id).amountIn(currency)).collect(Money.sum(currency));
    }

    /** What all the lines cost together. */
    Money total() {
        return totalOf(line -> true);
    }

    /** What the lines the customer keeps cost together: every line but the cancelled and the refunded ones. */
    Money totalKept() {
        return totalOf(line -> line.status() != LineStatus.CANCELLED && line.status() != LineStatus.REFUNDED);
    }

    /** What the lines in this payment state cost together. */
    Money totalOf(PaymentState payment) {
        return totalOf(line -> line.payment() == payment);
    }

    private Money totalOf(Predicate<OrderLine> counted) {
        return all.stream().filter(counted).map(line -> line.amountIn(currency)).collect(Money.sum(currency));
    }

    /** The ids named, each once, in the order named; naming none is refused on the given field. */
    static List<String> distinct(List<String> ids, String field) {
        if (ids == null || ids.isEmpty()) {
            throw new OrderRuleViolation("REQUIRED", field, "Name at least one line.");
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }
}
