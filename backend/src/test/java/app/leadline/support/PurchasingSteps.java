package app.leadline.support;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Suppliers and purchase orders set up the way an admin and an agent record them, each accepted without errors. */
public final class PurchasingSteps {

    private PurchasingSteps() {}

    /** The supplier, defined by an admin; its code. */
    public static String defined(Clients clients, SupplierInputs supplier) {
        clients.agent("ada", "AGENT", "ADMIN")
                .documentName("defineSupplier")
                .variable("input", supplier.build())
                .execute()
                .path("defineSupplier.errors")
                .entityList(Object.class)
                .hasSize(0);
        return supplier.code();
    }

    /** The purchase order, placed by the caller (an agent, or the shop with {@code purchasing:write}). */
    public static PurchaseOrderInputs placed(HttpGraphQlTester caller, PurchaseOrderInputs purchaseOrder) {
        caller.documentName("placePurchaseOrder")
                .variable("input", purchaseOrder.build())
                .execute()
                .path("placePurchaseOrder.errors")
                .entityList(Object.class)
                .hasSize(0);
        return purchaseOrder;
    }
}
