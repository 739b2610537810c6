package app.leadline.promise;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.delivery.EtaCalculator;
import app.leadline.delivery.EtaWindow;
import app.leadline.order.LineSource;
import app.leadline.order.LineStatus;
import app.leadline.order.OrderLine;
import app.leadline.order.PaymentState;
import app.leadline.promise.LatenessModel.Anchor;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.Supplier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a line's window goes once time has overtaken it, on the warehouse's default rhythm (Denmark, 14:00). */
class ReprojectionTests {

    /** Monday 7 December 2026, 09:00 UTC: before the cut-off. */
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");
    private static final EtaCalculator ETAS = EtaCalculator.withDefaults();

    private final LatenessModel model = new LatenessModel(LatenessModel.Settings.defaults());

    private Reprojection rule(PurchaseOrder... purchaseOrders) {
        Map<String, PurchaseOrder> byNumber = new java.util.HashMap<>();
        for (PurchaseOrder po : purchaseOrders) {
            byNumber.put(po.number(), po);
        }
        return new Reprojection(
                ETAS,
                number -> Optional.ofNullable(byNumber.get(number)),
                code -> Optional.of(new Supplier(code, code, null)),
                new SupplierLateness.Learned(model)::givenLate,
                7);
    }

    private static OrderLine line(LineSource source, LineStatus status, String po, EtaWindow eta) {
        return new OrderLine(
                "L1",
                "SOFA",
                "Oslo sofa",
                1,
                BigDecimal.TEN,
                source,
                source == LineSource.STOCK ? null : "NORDIC-SOFA",
                po,
                eta.latest(),
                eta,
                status,
                PaymentState.AUTHORIZED,
                null,
                null,
                null);
    }

    private static EtaWindow days(String from, String to) {
        return new EtaWindow(LocalDate.parse(from), LocalDate.parse(to));
    }

    private void history(int... daysLate) {
        for (int days : daysLate) {
            model.learn("NORDIC-SOFA", Anchor.CONFIRMED, days, null);
        }
    }

    @Test
    void aPurchaseOrderPastItsDateIsReprojectedFromHowLateTheSupplierWasWhenItWasThatLate() {
        history(0, 1, 1, 2, 3, 4, 6, 8, 9, 10, 12, 2, 1, 0, 5, 7, 9, 11, 3, 2);
        PurchaseOrder po = PurchaseOrder.open("PO-1", "NORDIC-SOFA", List.of("SOFA"), LocalDate.parse("2026-12-02"));
        OrderLine line =
                line(LineSource.BACKORDER, LineStatus.AWAITING_SUPPLIER, "PO-1", days("2026-12-03", "2026-12-04"));

        Reprojection.Overdue overdue = rule(po).of(line, "DK", NOW).orElseThrow();

        assertThat(overdue.daysOverdue()).isEqualTo(5);
        assertThat(overdue.moves()).isTrue();
        assertThat(overdue.purchaseOrder()).contains("PO-1");
        // Goods 5 days late came 5 to 12 days late: they arrive by 14 December at the latest, then a day or two.
        assertThat(overdue.window().earliest()).isAfterOrEqualTo(TODAY);
        assertThat(overdue.window().latest()).isBetween(LocalDate.parse("2026-12-15"), LocalDate.parse("2026-12-16"));
        assertThat(overdue.window().confidence()).isEqualTo(0.8);
    }

    @Test
    void aPurchaseOrderLaterThanAnythingTheSupplierDidIsReprojectedFromToday() {
        history(0, 1, 2, 1, 0);
        PurchaseOrder po = PurchaseOrder.open("PO-1", "NORDIC-SOFA", List.of("SOFA"), LocalDate.parse("2026-11-20"));
        OrderLine line =
                line(LineSource.BACKORDER, LineStatus.AWAITING_SUPPLIER, "PO-1", days("2026-11-23", "2026-11-24"));

        Reprojection.Overdue overdue = rule(po).of(line, "DK", NOW).orElseThrow();

        assertThat(overdue.daysOverdue()).isEqualTo(17);
        // Arriving today it would come tomorrow or the day after; a week's slack on the late end, no confidence.
        assertThat(overdue.window().earliest()).isEqualTo(LocalDate.parse("2026-12-08"));
        assertThat(overdue.window().latest()).isEqualTo(LocalDate.parse("2026-12-16"));
        assertThat(overdue.window().confidence()).isNull();
    }

    @Test
    void aPurchaseOrderPastItsDateWhoseWindowStillReachesFarEnoughIsListedButNotMoved() {
        history(0, 1, 2, 1, 0, 3, 1, 2);
        PurchaseOrder po = PurchaseOrder.open("PO-1", "NORDIC-SOFA", List.of("SOFA"), LocalDate.parse("2026-12-04"));
        OrderLine line =
                line(LineSource.BACKORDER, LineStatus.AWAITING_SUPPLIER, "PO-1", days("2026-12-08", "2026-12-30"));

        Reprojection.Overdue overdue = rule(po).of(line, "DK", NOW).orElseThrow();

        assertThat(overdue.moves()).isFalse();
        assertThat(overdue.daysOverdue()).isEqualTo(3);
        assertThat(overdue.window()).isEqualTo(line.eta());
    }

    @Test
    void anInStockLinePastItsDispatchDayLeavesOnTheNextOne() {
        OrderLine line = line(LineSource.STOCK, LineStatus.RESERVED, null, days("2026-11-27", "2026-11-30"));

        Reprojection.Overdue overdue = rule().of(line, "DK", NOW).orElseThrow();

        assertThat(overdue.moves()).isTrue();
        assertThat(overdue.window().earliest()).isEqualTo(LocalDate.parse("2026-12-08"));
        assertThat(overdue.window().latest()).isAfter(LocalDate.parse("2026-12-09"));
        assertThat(overdue.daysOverdue()).isPositive();
    }

    @Test
    void aDropshippedLinePastItsSuppliersDispatchIsReprojectedFromToday() {
        OrderLine line =
                line(LineSource.DROPSHIP, LineStatus.AWAITING_SUPPLIER, null, days("2026-12-01", "2026-12-04"));

        Reprojection.Overdue overdue = rule().of(line, "DE", NOW).orElseThrow();

        assertThat(overdue.moves()).isTrue();
        assertThat(overdue.window().earliest()).isAfter(TODAY);
    }

    @Test
    void aLineWhosePromiseStillHoldsIsNotOverdue() {
        PurchaseOrder po = PurchaseOrder.open("PO-1", "NORDIC-SOFA", List.of("SOFA"), LocalDate.parse("2026-12-10"));

        assertThat(rule(po).of(
                                line(
                                        LineSource.BACKORDER,
                                        LineStatus.AWAITING_SUPPLIER,
                                        "PO-1",
                                        days("2026-12-11", "2026-12-14")),
                                "DK",
                                NOW))
                .isEmpty();
        assertThat(rule().of(
                                line(LineSource.STOCK, LineStatus.RESERVED, null, days("2026-12-08", "2026-12-09")),
                                "DK",
                                NOW))
                .isEmpty();
    }

    @Test
    void aShippedLineIsNeverOverdue() {
        OrderLine shipped = line(LineSource.STOCK, LineStatus.SHIPPED, null, days("2026-11-27", "2026-11-30"));

        assertThat(rule().of(shipped, "DK", NOW)).isEmpty();
    }
}
