package app.leadline.console;

import app.leadline.delivery.LeadTime;
import app.leadline.order.WaitingLines;
import app.leadline.supplier.Supplier;
import app.leadline.supplier.SupplierCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    private final Clock clock;

    BuyListController(WaitingLines waiting, SupplierCatalog suppliers, Clock clock) {
        this.waiting = waiting;
        this.suppliers = suppliers;
        this.clock = clock;
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
        Instant now = clock.instant();
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
                            Duration.between(entry.oldestPlacedAt(), now).toDays(),
                            supplier.flatMap(Supplier::leadTime).orElse(null));
                })
                .toList();
    }
}
