package app.leadline.promise;

import static app.leadline.support.SupplierInputs.aSupplier;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.platform.UserError;
import app.leadline.supplier.NewPurchaseOrder;
import app.leadline.supplier.Purchasing;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.PurchasingSteps;
import app.leadline.support.Receipts;
import app.leadline.support.SupplierInputs;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Agents see how punctual a supplier has been, from the purchase orders received from it. */
@LeadlineIntegrationTest
class SupplierPunctualityIntegrationTests {

    private static final LocalDate TODAY = LocalDate.now();

    @Autowired
    Clients clients;

    @Autowired
    Purchasing purchasing;

    @Autowired
    MongoTemplate mongo;

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
    void everyReceiptChangesWhatAgentsSeeAtOnceWhicheverInstanceRecordedIt() {
        HttpGraphQlTester admin = clients.agent("ada", "AGENT", "ADMIN");
        SupplierInputs supplier = aSupplier().leadTime(10, 15);
        PurchasingSteps.defined(clients, supplier);
        String path = "suppliers[?(@.code == '" + supplier.code() + "')].punctuality";
        receivedDaysLate(admin, supplier.code(), 60, 0);
        admin.documentName("supplierPunctuality")
                .execute()
                .path(path + ".onTimeRate")
                .entityList(Double.class)
                .containsExactly(1.0);

        receivedDaysLate(admin, supplier.code(), 40, 6);
        admin.documentName("supplierPunctuality")
                .execute()
                .path(path + ".history")
                .entityList(Integer.class)
                .containsExactly(2)
                .path(path + ".onTimeRate")
                .entityList(Double.class)
                .containsExactly(0.5);

        // Another instance of Leadline corrects the first receipt's day: it came a week late after all.
        Document first = mongo.getCollection("purchaseOrders")
                .find(new Document("supplier", supplier.code()))
                .sort(new Document("sentOn", 1))
                .first();
        LocalDate confirmed = TODAY.minusDays(60 - 10);
        mongo.getCollection("purchaseOrders")
                .updateOne(
                        new Document("_id", first.get("_id")),
                        new Document("$set", new Document("receipts.0.receivedOn", confirmed.plusDays(7)))
                                .append("$inc", new Document("version", 1)));
        admin.documentName("supplierPunctuality")
                .execute()
                .path(path + ".onTimeRate")
                .entityList(Double.class)
                .containsExactly(0.0);
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

    @Test
    void purchaseOrdersThatArrivedBeforeLeadlineAreLearnedFromAsReceivedOnes() {
        HttpGraphQlTester admin = clients.agent("ada", "AGENT", "ADMIN");
        SupplierInputs supplier = aSupplier().leadTime(10, 15);
        PurchasingSteps.defined(clients, supplier);
        List<Purchasing.Arrived> history = List.of(
                arrivedDaysLate(supplier.code(), 60, 5),
                arrivedDaysLate(supplier.code(), 40, 0),
                arrivedDaysLate(supplier.code(), 20, -1));

        assertThat(asAgent(() -> purchasing.recordArrived(history, "ada"))).isEmpty();
        assertThat(asAgent(() -> purchasing.recordArrived(history, "ada")))
                .as("handed over again: passed over")
                .isEmpty();

        String path = "suppliers[?(@.code == '" + supplier.code() + "')].punctuality";
        GraphQlTester.Response response =
                admin.documentName("supplierPunctuality").execute();
        response.path(path + ".history").entityList(Integer.class).containsExactly(3);
        response.path(path + ".typicalDaysLate").entityList(Integer.class).containsExactly(0);
        response.path(path + ".confidence").entityList(Double.class).containsExactly(0.8);
    }

    @Test
    void historyWithOneRefusedPurchaseOrderStoresNoneAndSaysWhich() {
        HttpGraphQlTester admin = clients.agent("ada", "AGENT", "ADMIN");
        SupplierInputs supplier = aSupplier().leadTime(10, 15);
        PurchasingSteps.defined(clients, supplier);
        Purchasing.Arrived good = arrivedDaysLate(supplier.code(), 30, 2);
        Purchasing.Arrived beforeSent =
                new Purchasing.Arrived(arrivedDaysLate(supplier.code(), 30, 2).order(), TODAY.minusDays(31));
        Purchasing.Arrived unknownSupplier = arrivedDaysLate("NO-SUCH-" + supplier.code(), 30, 2);

        assertThat(asAgent(() -> purchasing.recordArrived(List.of(good, beforeSent, unknownSupplier), "ada")))
                .extracting(UserError::field)
                .containsExactly("arrived[1].receivedOn", "arrived[2].supplier");

        String path = "suppliers[?(@.code == '" + supplier.code() + "')].punctuality";
        admin.documentName("supplierPunctuality")
                .execute()
                .path(path + ".history")
                .entityList(Integer.class)
                .containsExactly(0);
    }

    private static Purchasing.Arrived arrivedDaysLate(String supplier, int daysAgo, int late) {
        LocalDate confirmed = TODAY.minusDays(daysAgo - 10);
        return new Purchasing.Arrived(
                new NewPurchaseOrder(
                        "PO-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                        supplier,
                        List.of(new NewPurchaseOrder.Line("SKU-" + supplier, 4)),
                        TODAY.minusDays(daysAgo),
                        confirmed),
                confirmed.plusDays(late));
    }

    private static <T> T asAgent(java.util.function.Supplier<T> work) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "ada", null, List.of(new SimpleGrantedAuthority("ROLE_AGENT"))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void receivedDaysLate(HttpGraphQlTester agent, String supplier, int daysAgo, int late) {
        LocalDate confirmed = TODAY.minusDays(daysAgo - 10);
        Receipts.received(agent, supplier, TODAY.minusDays(daysAgo), confirmed, confirmed.plusDays(late));
    }
}
