package app.leadline.platform;

import static app.leadline.support.PurchaseOrderInputs.aPurchaseOrder;
import static app.leadline.support.SupplierInputs.aSupplier;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.PurchaseOrderInputs;
import app.leadline.support.PurchasingSteps;
import app.leadline.support.Receipts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;

/** An agent reads the API's refusals in the language the console asks for, values and all; English stays as written. */
@LeadlineIntegrationTest
class TranslatedErrorsIntegrationTests {

    @Autowired
    Clients clients;

    private GraphQlTester.Response receiveThreeOfTwo(String acceptLanguage) {
        HttpGraphQlTester agent = clients.agent("bo");
        String supplier = PurchasingSteps.defined(clients, aSupplier().leadTime(10, 15));
        PurchaseOrderInputs purchaseOrder =
                PurchasingSteps.placed(agent, aPurchaseOrder(supplier).withLine("CHAIR", 2));
        HttpGraphQlTester asking = acceptLanguage == null
                ? agent
                : agent.mutate()
                        .header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage)
                        .build();
        GraphQlTester.Response refused = asking.documentName("receiveGoods")
                .variable("input", Receipts.of(purchaseOrder.number(), "CHAIR", 3))
                .execute();
        refused.path("receiveGoods.errors[0].code").entity(String.class).isEqualTo("OVER_RECEIPT");
        refused.path("receiveGoods.errors[0].field").entity(String.class).isEqualTo("input.quantities[0].quantity");
        return refused;
    }

    private static String message(GraphQlTester.Response refused) {
        return refused.path("receiveGoods.errors[0].message")
                .entity(String.class)
                .get();
    }

    @Test
    void aDanishConsoleReadsTheRefusalInDanishWithItsValues() {
        GraphQlTester.Response refused = receiveThreeOfTwo("da");

        assertThat(message(refused)).matches("Kun 2 af CHAIR mangler stadig på indkøbsordre .+\\.");
    }

    @Test
    void theFirstLanguageLeadlineSpeaksIsTheOneUsed() {
        assertThat(message(receiveThreeOfTwo("fr-FR, de-DE;q=0.8, pl;q=0.5")))
                .matches("Lieferantenbestellung .+ hat von CHAIR nur noch 2 offen\\.");
        assertThat(message(receiveThreeOfTwo("pl-PL"))).startsWith("W zamówieniu u dostawcy ");
    }

    @Test
    void englishOrNoLanguageReadsTheSentenceAsWritten() {
        assertThat(message(receiveThreeOfTwo(null))).matches("Purchase order .+ has only 2 of CHAIR still to come\\.");
        assertThat(message(receiveThreeOfTwo("en-GB, da;q=0.5")))
                .matches("Purchase order .+ has only 2 of CHAIR still to come\\.");
        assertThat(message(receiveThreeOfTwo("not a language;;")))
                .matches("Purchase order .+ has only 2 of CHAIR still to come\\.");
    }
}
