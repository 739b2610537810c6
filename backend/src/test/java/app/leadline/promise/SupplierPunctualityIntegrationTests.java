package app.leadline.promise;

import static app.leadline.support.SupplierInputs.aSupplier;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.PurchasingSteps;
import app.leadline.support.Receipts;
import app.leadline.support.SupplierInputs;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Agents see how punctual a supplier has been, from the purchase orders received from it. */
@LeadlineIntegrationTest
class SupplierPunctualityIntegrationTests {

    private static final LocalDate TODAY = LocalDate.now();

    @Autowired
    Clients clients;

    @Test
    void agentsSeeASuppliersOnTimeRateTypicalLatenessAndHowMuchHistoryItRestsOn() {
        HttpGraphQlTester admin = clients.agent("ada", "AGENT", "ADMIN");
        SupplierInputs supplier = aSupplier().leadTime(10, 15);
        PurchasingSteps.defined(clients, supplier);

        receivedDaysLate(admin, supplier.code(), 60, 5);
        receivedDaysLate(admin, supplier.code(), 40, 0);
        receivedDaysLate(admin, supplier.code(), 20, -1);

        GraphQlTester.Response response =
                admin.documentName("supplierPunctuality").execute();
        String path = "suppliers[?(@.code == '" + supplier.code() + "')].punctuality";
        response.path(path + ".history").entityList(Integer.class).containsExactly(3);
        response.path(path + ".onTimeRate")
                .entityList(Double.class)
                .satisfies(
                        rate -> assertThat(rate.get(0)).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9)));
        response.path(path + ".typicalDaysLate").entityList(Integer.class).containsExactly(0);
        response.path(path + ".confidence").entityList(Double.class).containsExactly(0.8);
        response.path(path + ".earliestDays")
                .entityList(Integer.class)
                .satisfies(earliest -> assertThat(earliest.get(0)).isLessThanOrEqualTo(0));
        response.path(path + ".latestDays")
                .entityList(Integer.class)
                .satisfies(latest -> assertThat(latest.get(0)).isGreaterThanOrEqualTo(0));
    }

    @Test
    void aSupplierWithNothingReceivedHasNoRateYet() {
        HttpGraphQlTester admin = clients.agent("ada", "AGENT", "ADMIN");
        SupplierInputs supplier = aSupplier().leadTime(3, 5);
        PurchasingSteps.defined(clients, supplier);

        GraphQlTester.Response response =
                admin.documentName("supplierPunctuality").execute();
        String path = "suppliers[?(@.code == '" + supplier.code() + "')].punctuality";
        response.path(path + ".history").entityList(Integer.class).containsExactly(0);
        response.path(path + ".onTimeRate").entityList(Object.class).containsExactly((Object) null);
    }

    private static void receivedDaysLate(HttpGraphQlTester agent, String supplier, int daysAgo, int late) {
        LocalDate confirmed = TODAY.minusDays(daysAgo - 10);
        Receipts.received(agent, supplier, TODAY.minusDays(daysAgo), confirmed, confirmed.plusDays(late));
    }
}
