package app.leadline.console;

import static app.leadline.support.OrderInputs.anEmptyOrder;
import static app.leadline.support.OrderInputs.batch;
import static app.leadline.support.SupplierInputs.aSupplier;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.SupplierInputs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** A stocked SKU's reorder point: demand over the supplier's lead time plus safety stock, and how it was worked out. */
@LeadlineIntegrationTest
class ReorderPointIntegrationTests {

    @Autowired
    Clients clients;

    private GraphQlTester.Response mark(HttpGraphQlTester caller, String sku, String supplier, Integer safety) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("sku", sku);
        input.put("supplier", supplier);
        input.put("safetyStock", safety);
        return caller.documentName("reorderPoints")
                .operationName("markStockedSku")
                .variable("input", input)
                .execute();
    }

    @Test
    void aStockedSkusReorderPointIsItsDemandOverTheLeadTimePlusSafetyStockAndSaysSo() {
        HttpGraphQlTester admin = clients.agent("ada", "AGENT", "ADMIN");
        SupplierInputs supplier = aSupplier().leadTime(5, 10);
        admin.documentName("defineSupplier").variable("input", supplier.build()).execute();
        String sku = "VASE-" + UUID.randomUUID().toString().substring(0, 6);
        clients.shop()
                .documentName("placeOrders")
                .variable(
                        "input",
                        batch(
                                anEmptyOrder().withStockLine(sku, 3),
                                anEmptyOrder().withStockLine(sku, 4)))
                .execute()
                .path("placeOrders.errors")
                .entityList(Object.class)
                .hasSize(0);

        mark(admin, sku, supplier.code(), 2)
                .path("markStockedSku.errors")
                .entityList(Object.class)
                .hasSize(0);

        Map<String, Object> point = clients.agent("bo")
                .documentName("reorderPoints")
                .operationName("reorderPoints")
                .execute()
                .path("reorderPoints[?(@.sku == '" + sku + "')]")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get()
                .get(0);
        int workingDays = (Integer) point.get("workingDays");
        int expected = (int) Math.ceil(7.0 * 10 / workingDays) + 2;
        assertThat(point)
                .containsEntry("unitsOrdered", 7)
                .containsEntry("leadTimeDays", 10)
                .containsEntry("safetyStock", 2)
                .containsEntry("reorderPoint", expected);
        assertThat(workingDays).isBetween(19, 21);
        assertThat((String) point.get("explanation"))
                .startsWith("7 units ordered in the last 28 days (" + workingDays + " working days)")
                .contains("× 10 working days (the slowest lead time of Fjord Furniture)")
                .endsWith("+ safety stock 2 = " + expected + ".");
    }

    @Test
    void badInputIsRefusedWithTheFieldAndOnlyAdminsMarkSkus() {
        HttpGraphQlTester admin = clients.agent("ada", "AGENT", "ADMIN");
        assertThat(mark(admin, " ", "NOBODY", -1)
                        .path("markStockedSku.errors[*].field")
                        .entityList(String.class)
                        .get())
                .containsExactlyInAnyOrder("input.sku", "input.supplier", "input.safetyStock");
        mark(admin, "VASE", "", 1)
                .path("markStockedSku.errors[0].message")
                .entity(String.class)
                .isEqualTo("Choose the supplier the SKU is bought from.");
        mark(clients.agent("bo"), "VASE", "NOBODY", 1)
                .errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());
        clients.agent("bo")
                .documentName("reorderPoints")
                .operationName("reorderPoints")
                .execute()
                .path("reorderPoints[?(@.sku == 'VASE')]")
                .entityList(Object.class)
                .hasSize(0);
    }
}
