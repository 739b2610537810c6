package app.leadline.console;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static app.leadline.support.PurchaseOrderInputs.aPurchaseOrder;
import static app.leadline.support.SupplierInputs.aSupplier;

import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.Refusals;
import app.leadline.support.SupplierInputs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

@LeadlineIntegrationTest
class BuyListIntegrationTests {

    @Autowired
    Clients clients;

    private void place(OrderInputs order) {
        clients.shop()
                .documentName("placeOrders")
                .variable("input", batch(order))
                .execute()
                .path("placeOrders.errors")
                .entityList(Object.class)
                .hasSize(0);
    }

    /** A supplier an admin defined, with a usual lead time. */
    private SupplierInputs definedSupplier() {
        SupplierInputs supplier = aSupplier().leadTime(10, 15);
        clients.agent("ada", "AGENT", "ADMIN")
                .documentName("defineSupplier")
                .variable("input", supplier.build())
                .execute();
        return supplier;
    }

    @Test
    void theBuyListGroupsWhatNoPurchaseOrderCoversBySupplierAndSkuOldestFirst() {
        SupplierInputs supplier = definedSupplier();
        OrderInputs oldest = anOrder()
                .withLine("CHAIR-NEW", 1, "BACKORDER", supplier.code())
                .placedAt(Instant.now().minus(Duration.ofDays(3)));
        place(oldest);
        place(anOrder().withLine("CHAIR-NEW", 2, "BACKORDER", supplier.code()));
        place(anOrder().withBackorderedLine("TABLE-NEW", supplier.code()));
        clients.agent("bo")
                .documentName("placePurchaseOrder")
                .variable(
                        "input",
                        aPurchaseOrder(supplier.code()).withLine("TABLE-NEW", 1).build())
                .execute();

        GraphQlTester.Response list =
                clients.agent("bo").documentName("buyList").execute();

        String ofSupplier = "buyList[?(@.supplier == '" + supplier.code() + "')]";
        list.path(ofSupplier + ".sku").entityList(String.class).containsExactly("CHAIR-NEW");
        list.path(ofSupplier + ".quantity").entityList(Integer.class).containsExactly(3);
        list.path(ofSupplier + ".lines").entityList(Integer.class).containsExactly(2);
        list.path(ofSupplier + ".oldestOrder").entityList(String.class).containsExactly(oldest.number());
        list.path(ofSupplier + ".waitingDays").entityList(Integer.class).containsExactly(3);
        list.path(ofSupplier + ".leadTime").entityList(Object.class).hasSize(1);
        list.path(ofSupplier + ".supplierName").entityList(String.class).isEqualTo(List.of("Fjord Furniture"));
    }

    /** An order of late yesterday has waited since yesterday, not "since today", though not 24 hours yet. */
    @Test
    void anOrderOfYesterdayEveningHasWaitedADay() {
        SupplierInputs supplier = definedSupplier();
        place(anOrder()
                .withLine("STOOL-NEW", 1, "BACKORDER", supplier.code())
                .placedAt(app.leadline.support.TestWarehouse.lastMomentOfYesterday()));

        clients.agent("bo")
                .documentName("buyList")
                .execute()
                .path("buyList[?(@.supplier == '" + supplier.code() + "')].waitingDays")
                .entityList(Integer.class)
                .containsExactly(1);
    }

    @Test
    void onlyAgentsSeeTheBuyList() {
        clients.shop().documentName("buyList").execute().errors().satisfy(Refusals.only(ErrorType.FORBIDDEN));
    }
}
