package app.leadline.support;

import static app.leadline.support.PurchaseOrderInputs.aPurchaseOrder;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** A supplier's history as an agent records it: purchase orders placed, confirmed and received on given days. */
public final class Receipts {

    private Receipts() {}

    /** The input of a receipt of some units of one SKU on a purchase order, received today. */
    public static Map<String, Object> of(String purchaseOrder, String sku, int quantity) {
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("purchaseOrder", purchaseOrder);
        receipt.put("quantities", List.of(Map.of("sku", sku, "quantity", quantity)));
        return receipt;
    }

    /** One purchase order of one chair, sent, confirmed for a day and received on another. */
    public static void received(
            HttpGraphQlTester agent, String supplier, LocalDate sentOn, LocalDate confirmed, LocalDate receivedOn) {
        PurchaseOrderInputs purchaseOrder = PurchasingSteps.placed(
                agent,
                aPurchaseOrder(supplier).withLine("CHAIR", 1).sentOn(sentOn).confirmedArrival(confirmed));
        Map<String, Object> receipt = of(purchaseOrder.number(), "CHAIR", 1);
        receipt.put("receivedOn", receivedOn.toString());
        agent.documentName("receiveGoods")
                .variable("input", receipt)
                .execute()
                .path("receiveGoods.errors")
                .entityList(Object.class)
                .hasSize(0);
    }
}
