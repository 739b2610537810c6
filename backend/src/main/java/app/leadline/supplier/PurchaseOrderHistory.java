package app.leadline.supplier;

import app.leadline.platform.CsvTable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Every purchase order's history as a spreadsheet: how late each supplier really was. One row per receipt, and one
 * per SKU nothing has arrived of yet, so an open purchase order shows too. The columns are the README's; a
 * backtest of promises reads them.
 */
@Service
public class PurchaseOrderHistory {

    public static final List<String> COLUMNS = List.of(
            "purchaseOrder",
            "supplier",
            "status",
            "sku",
            "ordered",
            "sentOn",
            "plannedArrival",
            "plannedEstimated",
            "confirmedArrival",
            "confirmedAt",
            "confirmations",
            "expectedArrival",
            "receivedOn",
            "receivedQuantity",
            "daysLate");

    private final MongoTemplate mongo;

    PurchaseOrderHistory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The history, oldest purchase order first.
     *
     * @param supplier only this supplier's, when given
     * @param sentSince only purchase orders sent on or after this day, when given
     */
    @PreAuthorize("hasRole('ADMIN')")
    public String csv(String supplier, LocalDate sentSince) {
        Query query = new Query().with(Sort.by("sentOn", "_id"));
        if (supplier != null && !supplier.isBlank()) {
            query.addCriteria(Criteria.where("supplier").is(supplier.trim()));
        }
        if (sentSince != null) {
            query.addCriteria(Criteria.where("sentOn").gte(sentSince));
        }
        List<PurchaseOrder> found = mongo.find(query, PurchaseOrder.class);
        return CsvTable.write(
                COLUMNS, row -> found.stream().flatMap(po -> rows(po).stream()).forEach(row));
    }

    /**
     * The rows of one purchase order. A receipt is compared with the last arrival the supplier confirmed before it
     * was recorded, or, if it never confirmed one, with the arrival planned when the order was placed.
     */
    static List<List<Object>> rows(PurchaseOrder po) {
        List<List<Object>> rows = new ArrayList<>();
        boolean plannedEstimated = po.confirmations().isEmpty()
                || !po.confirmations().get(0).arrival().equals(po.plannedArrival());
        for (PurchaseOrder.Line line : po.lines()) {
            List<PurchaseOrder.Receipt> receipts = po.receipts().stream()
                    .filter(receipt -> receipt.sku().equals(line.sku()))
                    .toList();
            if (receipts.isEmpty()) {
                Optional<PurchaseOrder.Confirmation> last =
                        po.confirmations().stream().reduce((first, second) -> second);
                rows.add(row(po, line, plannedEstimated, last, null));
            }
            for (PurchaseOrder.Receipt receipt : receipts) {
                Optional<PurchaseOrder.Confirmation> last = po.confirmations().stream()
                        .filter(confirmation -> receipt.recordedAt() == null
                                || confirmation.at() == null
                                || !confirmation.at().isAfter(receipt.recordedAt()))
                        .reduce((first, second) -> second);
                rows.add(row(po, line, plannedEstimated, last, receipt));
            }
        }
        return rows;
    }

    private static List<Object> row(
            PurchaseOrder po,
            PurchaseOrder.Line line,
            boolean plannedEstimated,
            Optional<PurchaseOrder.Confirmation> confirmed,
            PurchaseOrder.Receipt receipt) {
        LocalDate promised = confirmed.map(PurchaseOrder.Confirmation::arrival).orElse(po.plannedArrival());
        List<Object> row = new ArrayList<>();
        row.add(po.number());
        row.add(po.supplier());
        row.add(po.status());
        row.add(line.sku());
        row.add(line.ordered() == null ? "" : line.ordered());
        row.add(po.sentOn() == null ? "" : po.sentOn());
        row.add(po.plannedArrival());
        row.add(plannedEstimated);
        row.add(confirmed
                .map(PurchaseOrder.Confirmation::arrival)
                .map(Object.class::cast)
                .orElse(""));
        row.add(confirmed
                .map(PurchaseOrder.Confirmation::at)
                .map(Object.class::cast)
                .orElse(""));
        row.add(po.confirmations().size());
        row.add(po.expectedArrival());
        row.add(receipt == null ? "" : receipt.receivedOn());
        row.add(receipt == null ? "" : receipt.quantity());
        row.add(receipt == null ? "" : ChronoUnit.DAYS.between(promised, receipt.receivedOn()));
        return row;
    }
}
