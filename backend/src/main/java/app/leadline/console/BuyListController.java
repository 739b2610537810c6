package app.leadline.console;

import app.leadline.delivery.EtaCalculator;
import app.leadline.delivery.LeadTime;
import app.leadline.order.WaitingLines;
import app.leadline.supplier.Supplier;
import app.leadline.supplier.SupplierCatalog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The buy list agents order from: what customers bought that no purchase order covers yet. */
@Controller
class BuyListController {

    private final WaitingLines waiting;
    private final SupplierCatalog suppliers;
    private final EtaCalculator etas;

    BuyListController(WaitingLines waiting, SupplierCatalog suppliers, EtaCalculator etas) {
        this.waiting = waiting;
        this.suppliers = suppliers;
        this.etas = etas;
    }

    record BuyListEntry(
            String supplier,
            String supplierName,
            String sku,
            int quantity,
            int lines,
            String oldestOrder,
            Instant oldestPlacedAt,
            long waitingDays,
            LeadTime leadTime) {}

    @QueryMapping
    List<BuyListEntry> buyList() {
        List<WaitingLines.ToBuy> toBuy = waiting.buyList();
        Map<String, Supplier> byCode =
                suppliers.suppliers().stream().collect(Collectors.toMap(Supplier::code, Function.identity()));
        LocalDate today = etas.today();
        return toBuy.stream()
                .map(entry -> {
                    Optional<Supplier> supplier = Optional.ofNullable(byCode.get(entry.supplier()));
                    return new BuyListEntry(
                            entry.supplier(),
                            supplier.map(Supplier::name).orElse(entry.supplier()),
                            entry.sku(),
                            entry.quantity(),
                            entry.lines(),
                            entry.oldestOrder(),
                            entry.oldestPlacedAt(),
                            // Days on the warehouse's calendar: an order of yesterday evening waits since yesterday.
                            ChronoUnit.DAYS.between(etas.today(entry.oldestPlacedAt()), today),
                            supplier.flatMap(Supplier::leadTime).orElse(null));
                })
                .toList();
    }
}
