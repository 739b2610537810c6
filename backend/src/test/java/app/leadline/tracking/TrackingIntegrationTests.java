package app.leadline.tracking;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static app.leadline.support.TestSuppliers.BACKORDER_SUPPLIER;
import static app.leadline.support.TestSuppliers.DROPSHIP_SUPPLIER;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.TrackingLinks;
import app.leadline.supplier.SupplierCatalog;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.TestSuppliers;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

@LeadlineIntegrationTest
class TrackingIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    TrackingLinks links;

    private OrderInputs order;
    private String token;

    @BeforeEach
    void anOrderWithItsLink() {
        TestSuppliers.register(suppliers);
        order = anOrder()
                .customer("locale", "de-DE")
                .destination("country", "DE")
                .withBackorderedLine("SOFA-OSLO-3", BACKORDER_SUPPLIER)
                .withDropshippedLine("LAMP-RHEIN", DROPSHIP_SUPPLIER);
        String link = clients.shop()
                .documentName("placeOrders")
                .variable("input", batch(order))
                .execute()
                .path("placeOrders.orders[0].trackingUrl")
                .entity(String.class)
                .get();
        token = link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void theLinkOpensItsOrderWithEveryLineAndItsWindow() {
        var response = clients.anonymous()
                .documentName("trackOrder")
                .variable("token", token)
                .execute();

        response.path("trackOrder.number").entity(String.class).isEqualTo(order.number());
        response.path("trackOrder.locale").entity(String.class).isEqualTo("de");
        response.path("trackOrder.destinationCountry").entity(String.class).isEqualTo("DE");
        response.path("trackOrder.deliveryPreference").entity(String.class).isEqualTo("WAIT_FOR_ALL");
        response.path("trackOrder.lines[*].source")
                .entityList(String.class)
                .containsExactly("STOCK", "BACKORDER", "DROPSHIP");
        response.path("trackOrder.lines[*].eta.earliest")
                .entityList(String.class)
                .hasSize(3);
        response.path("trackOrder.lines[*].promisedDate")
                .entityList(String.class)
                .hasSize(3);
        response.path("trackOrder.shipments").entityList(Object.class).hasSize(0);
    }

    @Test
    void theSummaryShowsWhatTheOrderCostsAndWhereItGoesWithTheStreetHalfHidden() {
        var response = clients.anonymous()
                .documentName("trackOrder")
                .variable("token", token)
                .execute();

        response.path("trackOrder.lines[*].amount")
                .entityList(String.class)
                .containsExactly("129.95", "129.95", "129.95");
        response.path("trackOrder.orderTotal").entity(String.class).isEqualTo("389.85");
        response.path("trackOrder.totalCharged").entity(String.class).isEqualTo("0.00");
        response.path("trackOrder.totalRefunded").entity(String.class).isEqualTo("0.00");
        response.path("trackOrder.deliveryAddress.street").entity(String.class).isEqualTo("N••• 1");
        response.path("trackOrder.deliveryAddress.country").entity(String.class).isEqualTo("DE");
        assertThat(response.returnResponse().toString()).doesNotContain("Nørregade");
    }

    @Test
    void thePageNamesTheShopInItsColourWithoutAToken() {
        var shop = clients.anonymous()
                .document("{ shop { name colour logoUrl email } }")
                .execute();

        shop.path("shop.name").entity(String.class).isEqualTo("Leadline");
        shop.path("shop.colour").entity(String.class).isEqualTo("#1f3a5f");
        shop.path("shop.logoUrl").valueIsNull();
    }

    @Test
    void theCustomersViewCarriesNoInternalData() {
        String body = clients.http()
                .post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "query",
                        "query($t: String!) { trackOrder(token: $t) { supplier purchaseOrder customer { email } } }",
                        "variables",
                        Map.of("t", token)))
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(body)
                .contains("FieldUndefined")
                .doesNotContain("mette@example.com")
                .doesNotContain(BACKORDER_SUPPLIER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "truncated", "malformed", "empty", "sql"})
    void anyTokenThatOpensNoOrderGetsTheSameAnswer(String kind) {
        String presented = switch (kind) {
            case "unknown" -> "A".repeat(43);
            case "truncated" -> token.substring(0, 42);
            case "malformed" -> token + "!";
            case "empty" -> "";
            default -> "' || '1'=='1";
        };

        String body = trackOrderBody(presented);

        assertThat(body).isEqualTo("{\"data\":{\"trackOrder\":null}}");
    }

    @Test
    void aReissuedLinkReplacesTheOldOne() {
        String newLink = links.reissue(order.number()).orElseThrow();
        String newToken = newLink.substring(newLink.lastIndexOf('/') + 1);

        assertThat(trackOrderBody(token)).isEqualTo("{\"data\":{\"trackOrder\":null}}");
        assertThat(trackOrderBody(newToken)).contains(order.number());
    }

    @Test
    void theTrackingPageIsServedWithoutReferrerAndNotCached() {
        clients.http()
                .get()
                .uri("/t/" + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader()
                .value("Cache-Control", value -> assertThat(value).contains("no-store"))
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void anAgentSeesTheOrderExactlyAsItsCustomerDoesAndNothingForAnUnknownNumber() {
        Object customerSees = clients.anonymous()
                .documentName("trackOrder")
                .variable("token", token)
                .execute()
                .path("trackOrder")
                .entity(Object.class)
                .get();

        var agent = clients.agent("agent-on-the-phone", "AGENT");
        agent.documentName("customerView")
                .variable("orderNumber", order.number())
                .execute()
                .path("customerView")
                .entity(Object.class)
                .isEqualTo(customerSees);
        agent.documentName("customerView")
                .variable("orderNumber", "NO-SUCH-ORDER")
                .execute()
                .path("customerView")
                .valueIsNull();
    }

    private String trackOrderBody(String presented) {
        return clients.http()
                .post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "query",
                        "query($t: String!) { trackOrder(token: $t) { number } }",
                        "variables",
                        Map.of("t", presented)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
