package app.leadline.console;

import static app.leadline.support.OrderInputs.anOrder;

import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Agents find an order by what a customer on the phone tells them, written as they happen to write it. */
@LeadlineIntegrationTest
class OrderSearchIntegrationTests {

    @Autowired
    Clients clients;

    private HttpGraphQlTester agent;
    /** Letters no other test's customers have, so that a name finds only this test's orders. */
    private String unique;

    @BeforeEach
    void signIn() {
        agent = clients.agent("dana");
        // Letters only (a digit would match phone numbers): each of six hex digits as one of the letters a to p.
        unique = UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 6)
                .chars()
                .map(digit -> 'A' + Character.digit(digit, 16))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    private List<String> found(String term) {
        return agent.documentName("searchOrders")
                .variable("term", term)
                .execute()
                .path("searchOrders.orders[*].number")
                .entityList(String.class)
                .get();
    }

    private OrderInputs placed(OrderInputs order) {
        clients.place(order);
        return order;
    }

    private void assertFinds(String term, OrderInputs... orders) {
        org.assertj.core.api.Assertions.assertThat(found(term))
                .as("searching for '%s'", term)
                .containsExactlyInAnyOrderElementsOf(
                        java.util.Arrays.stream(orders).map(OrderInputs::number).toList());
    }

    @Test
    void findsAnOrderByItsNumberWithOrWithoutTheShopsPrefixInAnyCase() {
        String counted = String.valueOf(100_000 + (int) (Math.random() * 800_000));
        OrderInputs order = placed(anOrder().number("SHOP" + unique + "-" + counted));

        assertFinds(order.number(), order);
        assertFinds(order.number().toLowerCase(Locale.ROOT), order);
        assertFinds(counted, order);
        assertFinds("#" + counted, order);
    }

    @Test
    void findsOrdersByTheCustomersNameOrThePartOfItTheAgentHeard() {
        OrderInputs mette = placed(anOrder().customer("name", "Mette Østergård-" + unique));
        OrderInputs jens = placed(anOrder().customer("name", "Jens " + unique + "sen"));

        assertFinds("Mette Østergård-" + unique, mette);
        assertFinds(unique.toLowerCase(Locale.ROOT), mette, jens);
        assertFinds(unique.substring(0, 4), mette, jens);
        assertFinds("jens " + unique.toLowerCase(Locale.ROOT), jens);
        assertFinds("ostergard-" + unique, mette);
        assertFinds("tte " + unique);
    }

    @Test
    void findsAnOrderByTheCustomersEmailInAnyCaseOrByItsStart() {
        String email = "kunde." + unique.toLowerCase(Locale.ROOT) + "@example.com";
        OrderInputs order = placed(anOrder().customer("email", email));

        assertFinds(email.toUpperCase(Locale.ROOT), order);
        assertFinds("kunde." + unique, order);
    }

    @Test
    void findsAnOrderByThePhoneInNationalOrInternationalFormWithOrWithoutSpaces() {
        String subscriber = String.valueOf(10_000_000 + (int) (Math.random() * 89_999_999));
        OrderInputs danish = placed(anOrder().customer("phone", "+45" + subscriber));
        String berlin = "30" + subscriber;
        OrderInputs german = placed(anOrder().customer("phone", "+49" + berlin));

        assertFinds("+45" + subscriber, danish);
        assertFinds(subscriber, danish);
        assertFinds(subscriber.replaceAll("(\\d\\d)(?=\\d)", "$1 "), danish);
        assertFinds("0045 " + subscriber, danish);
        assertFinds("+45 " + subscriber.substring(0, 4) + " " + subscriber.substring(4), danish);
        assertFinds("0" + berlin.substring(0, 2) + " " + berlin.substring(2), german);
        assertFinds("+49 " + berlin, german);
        assertFinds(subscriber.substring(0, 5));
    }

    @Test
    void findsAnOrderByTheCarriersTrackingNumberOnceItShipped() {
        OrderInputs order = placed(anOrder());
        String trackingNumber = "00" + unique + "370DK";
        assertFinds(trackingNumber);

        agent.documentName("shipWithTrackingNumber")
                .variable("orderNumber", order.number())
                .variable("lineIds", List.of("L1"))
                .variable("trackingNumber", trackingNumber)
                .execute()
                .path("recordShipment.errors")
                .entityList(Object.class)
                .hasSize(0);

        assertFinds(trackingNumber, order);
        assertFinds(trackingNumber.toLowerCase(Locale.ROOT), order);
    }

    @Test
    void findsOrdersBySkuSupplierAndPurchaseOrderRegardlessOfCase() {
        String sku = "LAMP-" + unique;
        OrderInputs order = placed(anOrder().withStockLine(sku, 1));

        assertFinds(sku, order);
        assertFinds(sku.toLowerCase(Locale.ROOT), order);
    }

    @Test
    void aTermWithTheCharactersOfAPatternIsTakenAsTyped() {
        placed(anOrder().customer("name", "Ida " + unique));

        assertFinds(".*");
        assertFinds("(" + unique);
    }
}
