package app.leadline.console;

import app.leadline.delivery.LeadTime;
import app.leadline.order.OrderQueries;
import app.leadline.platform.UserError;
import app.leadline.supplier.StockedSku;
import app.leadline.supplier.StockedSkus;
import app.leadline.supplier.Supplier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.Principal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Reorder points for the SKUs the shop keeps in stock: the demand Leadline saw over the last 28 days, per working
 * day, times the supplier's slowest lead time, rounded up, plus the shop's safety stock.
 */
@Controller
class ReorderPointController {

    static final int WINDOW_DAYS = 28;

    private final StockedSkus stocked;
    private final OrderQueries orders;
    private final Clock clock;

    ReorderPointController(StockedSkus stocked, OrderQueries orders, Clock clock) {
        this.stocked = stocked;
        this.orders = orders;
        this.clock = clock;
    }

    record ReorderPoint(
            String sku,
            String supplier,
            int unitsOrdered,
            int workingDays,
            int leadTimeDays,
            int safetyStock,
            int reorderPoint,
            String explanation) {}

    record MarkStockedSkuInput(String sku, String supplier, Integer safetyStock) {}

    record MarkStockedSkuPayload(ReorderPoint reorderPoint, List<UserError> errors) {}

    @QueryMapping
    List<ReorderPoint> reorderPoints() {
        List<StockedSku> skus = stocked.all();
        Map<String, Integer> demand = orders.unitsOrderedSince(
                skus.stream().map(StockedSku::sku).toList(),
                clock.instant().minus(java.time.Duration.ofDays(WINDOW_DAYS)));
        return skus.stream()
                .map(sku -> reorderPoint(sku, demand.getOrDefault(sku.sku(), 0)))
                .toList();
    }

    @MutationMapping
    MarkStockedSkuPayload markStockedSku(@Argument MarkStockedSkuInput input, Principal admin) {
        StockedSkus.Outcome outcome = stocked.mark(input.sku(), input.supplier(), input.safetyStock(), admin.getName());
        if (!outcome.errors().isEmpty()) {
            return new MarkStockedSkuPayload(null, outcome.errors());
        }
        StockedSku sku = outcome.stocked().orElseThrow();
        int units = orders.unitsOrderedSince(
                        List.of(sku.sku()), clock.instant().minus(java.time.Duration.ofDays(WINDOW_DAYS)))
                .getOrDefault(sku.sku(), 0);
        return new MarkStockedSkuPayload(reorderPoint(sku, units), List.of());
    }

    private ReorderPoint reorderPoint(StockedSku sku, int units) {
        Optional<Supplier> supplier = stocked.supplier(sku.supplier());
        int lead = supplier.flatMap(Supplier::leadTime).map(LeadTime::maxDays).orElse(0);
        // Named as agents know the supplier; by its code when it is gone.
        String named = supplier.map(Supplier::name).orElse(sku.supplier());
        int workingDays = workingDaysInWindow(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        BigDecimal perDay = BigDecimal.valueOf(units).divide(BigDecimal.valueOf(workingDays), 2, RoundingMode.HALF_UP);
        int overLead = BigDecimal.valueOf((long) units * lead)
                .divide(BigDecimal.valueOf(workingDays), 0, RoundingMode.CEILING)
                .intValueExact();
        int point = overLead + sku.safetyStock();
        String explanation = units + " units ordered in the last " + WINDOW_DAYS + " days (" + workingDays
                + " working days) is " + perDay.toPlainString() + " a working day; × " + lead + " working days ("
                + "the slowest lead time of " + named + ") = " + overLead + ", rounded up; + safety stock "
                + sku.safetyStock() + " = " + point + ".";
        return new ReorderPoint(
                sku.sku(), sku.supplier(), units, workingDays, lead, sku.safetyStock(), point, explanation);
    }

    private static int workingDaysInWindow(LocalDate today) {
        int days = 0;
        for (LocalDate day = today.minusDays(WINDOW_DAYS - 1L); !day.isAfter(today); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }
}
