package app.leadline.console;

import app.leadline.order.OrderRuleViolation;
import app.leadline.platform.CsvTable;
import app.leadline.platform.UserError;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Receipts before they are booked: what one would make ready, and receipts from the shop's spreadsheet. */
@Controller
class ReceiptController {

    private final AgentDesk desk;
    private final ReceiptImports imports;

    ReceiptController(AgentDesk desk, ReceiptImports imports) {
        this.desk = desk;
        this.imports = imports;
    }

    record ReceivedUnits(String sku, int quantity) {

        /** Per SKU, in the map's order. */
        static List<ReceivedUnits> of(Map<String, Integer> bySku) {
            return bySku.entrySet().stream()
                    .map(entry -> new ReceivedUnits(entry.getKey(), entry.getValue()))
                    .toList();
        }
    }

    record ReceiveGoodsPreview(
            String purchaseOrder,
            LocalDate receivedOn,
            List<ReceivedUnits> quantities,
            int linesReady,
            List<String> ordersReady,
            List<String> toldReadyToShip,
            List<String> askedToChoose,
            List<ReceivedUnits> unitsLeftOver,
            List<ReceivedUnits> unitsHeldForWaiting,
            List<String> waitingLines,
            List<AgentDesk.SpareTaken> linesTakingSpareUnits,
            boolean closes) {}

    record ReceiveGoodsPreviewPayload(ReceiveGoodsPreview preview, List<UserError> errors) {}

    @QueryMapping
    ReceiveGoodsPreviewPayload previewReceiveGoods(@Argument GoodsReceiptController.ReceiveGoodsInput input) {
        Map<String, Integer> quantities = AgentDesk.ReceivedQuantity.perSku(input.quantities());
        try {
            AgentDesk.ReceiptPreview preview =
                    desk.previewReceipt(input.purchaseOrder(), quantities, input.receivedOn());
            return new ReceiveGoodsPreviewPayload(
                    new ReceiveGoodsPreview(
                            preview.purchaseOrder(),
                            preview.receivedOn(),
                            ReceivedUnits.of(preview.quantities()),
                            preview.linesReady(),
                            preview.ordersReady(),
                            preview.toldReadyToShip(),
                            preview.askedToChoose(),
                            ReceivedUnits.of(preview.unitsLeftOver()),
                            ReceivedUnits.of(preview.unitsHeldForWaiting()),
                            preview.waitingLines(),
                            preview.spareTaken(),
                            preview.closes()),
                    List.of());
        } catch (OrderRuleViolation refused) {
            return new ReceiveGoodsPreviewPayload(null, refused.asUserErrors());
        }
    }

    record CsvImportInput(String csv, Boolean dryRun) {}

    @MutationMapping
    CsvTable.Outcome importReceipts(@Argument CsvImportInput input, Principal agent) {
        return imports.receipts(input.csv(), Boolean.TRUE.equals(input.dryRun()), agent.getName());
    }
}
