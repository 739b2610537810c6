package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Orders as the domain sees them, without a store or a Spring context: {@code anOrder().withBackorderedLine(…)}. */
final class OrderBuilder {

    static final Instant PLACED_AT = Instant.parse("2026-11-02T09:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-02");

    private final List<OrderLine> lines = new ArrayList<>();
    private DeliveryPreference preference = DeliveryPreference.WAIT_FOR_ALL;
    private boolean customerMayChoose = true;
    private boolean cancelAnyUnshippedLine = false;
    private Integer autoApproveRefundAfterDaysLate;
    private BigDecimal extraParcelFee = BigDecimal.ZERO;
    private List<DayOfWeek> receivingDays = List.of();

    private OrderBuilder() {}

    static OrderBuilder anOrder() {
        return new OrderBuilder();
    }

    /** A line on the shelf, expected in 2–3 days. */
    OrderBuilder withStockLine(String name, String price) {
        return with(LineSource.STOCK, name, price, null, window(2, 3), LineStatus.RESERVED);
    }

    /** A line bought from the supplier after the sale, expected (and promised) in the window. */
    OrderBuilder withBackorderedLine(String name, String price, EtaWindow window) {
        return with(LineSource.BACKORDER, name, price, "NORDIC-SOFA", window, LineStatus.AWAITING_SUPPLIER);
    }

    OrderBuilder withBackorderedLine(String name, String price) {
        return withBackorderedLine(name, price, window(20, 25));
    }

    OrderBuilder shippingAsAvailable() {
        this.preference = DeliveryPreference.SHIP_AS_AVAILABLE;
        return this;
    }

    OrderBuilder alwaysComplete() {
        this.customerMayChoose = false;
        return this;
    }

    OrderBuilder cancellingAnyUnshippedLine() {
        this.cancelAnyUnshippedLine = true;
        return this;
    }

    OrderBuilder approvingRefundsAfterDaysLate(int days) {
        this.autoApproveRefundAfterDaysLate = days;
        return this;
    }

    OrderBuilder withExtraParcelFee(String fee) {
        this.extraParcelFee = new BigDecimal(fee);
        return this;
    }

    OrderBuilder receivingOn(DayOfWeek... days) {
        this.receivingDays = List.of(days);
        return this;
    }

    Order build() {
        return Order.place(
                "order-1",
                "1042",
                new Customer("Mette Jensen", "mette@example.com", "+4520123456", "da", "Europe/Copenhagen", "B2C"),
                PLACED_AT,
                "DKK",
                new Destination("Nørregade 1", "1165", "København", "DK"),
                new DeliveryChoice(preference, "shop", PLACED_AT, DeliveryPreference.WAIT_FOR_ALL),
                new OrderPolicy(
                        "B2C",
                        customerMayChoose,
                        receivingDays,
                        extraParcelFee,
                        cancelAnyUnshippedLine,
                        autoApproveRefundAfterDaysLate),
                lines,
                TrackingToken.generate(),
                null,
                Duration.ofDays(180));
    }

    static EtaWindow window(int fromDays, int toDays) {
        return new EtaWindow(TODAY.plusDays(fromDays), TODAY.plusDays(toDays));
    }

    private OrderBuilder with(
            LineSource source, String name, String price, String supplier, EtaWindow eta, LineStatus status) {
        String id = "L" + (lines.size() + 1);
        lines.add(new OrderLine(
                id,
                name.toUpperCase().replace(' ', '-'),
                name,
                1,
                new BigDecimal(price),
                source,
                supplier,
                null,
                eta.latest(),
                eta,
                status,
                PaymentState.AUTHORIZED,
                null,
                null,
                null));
        return this;
    }
}
