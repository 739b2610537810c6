package app.leadline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.delivery.PublicHolidays;
import app.leadline.supplier.NewPurchaseOrder;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemoDataTests {

    @Test
    void customersAddressesSpellTheirNamesInPlainLetters() {
        assertThat(DemoData.mailbox("Jakub Wójcik")).isEqualTo("jakub.wojcik");
        assertThat(DemoData.mailbox("Anna Müller")).isEqualTo("anna.muller");
        assertThat(DemoData.mailbox("Łucja Kołodziej")).isEqualTo("lucja.kolodziej");
        assertThat(DemoData.mailbox("Søren Æbelø")).isEqualTo("soren.aebelo");

        Instant now = Instant.now();
        assertThat(DemoData.orders(300, now, now))
                .allSatisfy(order ->
                        assertThat(order.customer().email()).matches("[a-z]+(\\.[a-z]+)+\\.\\d{4}@example\\.com"));
    }

    @Test
    void theDemosPurchaseOrdersAreExpectedOnDaysTheWarehouseReceivesGoodsWhicheverDayItStarts() {
        for (LocalDate today = LocalDate.of(2026, 1, 1); today.getYear() < 2028; today = today.plusDays(1)) {
            for (NewPurchaseOrder po : DemoData.purchaseOrders(today)) {
                LocalDate expected = po.confirmedArrival();
                assertThat(expected.getDayOfWeek())
                        .as("%s started on %s", po.number(), today)
                        .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                assertThat(PublicHolidays.isHoliday("DK", expected))
                        .as("%s on %s, started on %s", po.number(), expected, today)
                        .isFalse();
            }
        }
        // Christmas Day 2026 is a Friday: a purchase order due then is expected on the Monday after Boxing Day.
        assertThat(DemoData.workday(LocalDate.of(2026, 12, 25))).isEqualTo(LocalDate.of(2026, 12, 28));
    }
}
