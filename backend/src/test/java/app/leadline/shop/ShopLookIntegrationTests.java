package app.leadline.shop;

import static app.leadline.support.OrderInputs.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.Waiting;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Admins change the shop's look in the console: the page and the messages after it show the change. */
@LeadlineIntegrationTest
class ShopLookIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    ShopProfile configured;

    private static Map<String, Object> look(
            String name, String logoUrl, String colour, String email, String phone, String helpUrl) {
        HashMap<String, Object> input = new HashMap<>();
        input.put("name", name);
        input.put("logoUrl", logoUrl);
        input.put("colour", colour);
        input.put("email", email);
        input.put("phone", phone);
        input.put("helpUrl", helpUrl);
        return input;
    }

    @AfterEach
    void putTheConfiguredLookBack() {
        ShopLook back = ShopLook.of(configured);
        define(look(back.name(), back.logoUrl(), back.colour(), back.email(), back.phone(), back.helpUrl()))
                .path("defineShopLook.errors")
                .entityList(Object.class)
                .hasSize(0);
    }

    private GraphQlTester.Response define(Map<String, Object> input) {
        return clients.agent("root", "AGENT", "ADMIN")
                .documentName("defineShopLook")
                .operationName("defineShopLook")
                .variable("input", input)
                .execute();
    }

    private Map<String, Object> shopOnThePage() {
        return clients.anonymous()
                .documentName("defineShopLook")
                .operationName("shop")
                .execute()
                .path("shop")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    @Test
    void theLookAnAdminSetsIsOnThePageAndSignsTheMessagesSentAfter() {
        define(look(
                        "  Nordhavn Living ",
                        "https://cdn.nordhavn.example/logo.svg",
                        "#2E7D32",
                        "help@nordhavn.example",
                        "+45 70 12 34 56",
                        "https://nordhavn.example/help"))
                .path("defineShopLook.errors")
                .entityList(Object.class)
                .hasSize(0)
                .path("defineShopLook.shop.name")
                .entity(String.class)
                .isEqualTo("Nordhavn Living");

        assertThat(shopOnThePage())
                .containsEntry("name", "Nordhavn Living")
                .containsEntry("logoUrl", "https://cdn.nordhavn.example/logo.svg")
                .containsEntry("colour", "#2e7d32")
                .containsEntry("email", "help@nordhavn.example")
                .containsEntry("phone", "+45 70 12 34 56")
                .containsEntry("helpUrl", "https://nordhavn.example/help");

        OrderInputs order = anOrder();
        clients.place(order);
        HttpGraphQlTester agent = clients.agent("alice");
        Waiting.until(
                () -> !confirmationEmails(agent, order.number()).isEmpty(),
                Duration.ofSeconds(30),
                "the order's confirmation is sent");
        assertThat(confirmationEmails(agent, order.number()).get(0))
                .contains("Nordhavn Living\n")
                .contains("help@nordhavn.example · +45 70 12 34 56 · https://nordhavn.example/help");
    }

    private static List<String> confirmationEmails(HttpGraphQlTester agent, String orderNumber) {
        return agent.documentName("outbox")
                .execute()
                .path("outbox[?(@.channel == 'EMAIL' && @.orderNumber == '" + orderNumber + "')].text")
                .entityList(String.class)
                .get();
    }

    @Test
    void aLookThatCannotBeShownIsRefusedFieldByFieldAndChangesNothing() {
        Map<String, Object> before = shopOnThePage();

        define(look(" ", "http://cdn.example/logo.png", "blue", "not-an-address", "call us", "javascript:alert(1)"))
                .path("defineShopLook.shop")
                .valueIsNull()
                .path("defineShopLook.errors[*].field")
                .entityList(String.class)
                .containsExactly(
                        "input.name", "input.colour", "input.logoUrl", "input.helpUrl", "input.email", "input.phone")
                .path("defineShopLook.errors[*].code")
                .entityList(String.class)
                .containsExactly(
                        "INVALID_NAME",
                        "INVALID_COLOUR",
                        "INVALID_URL",
                        "INVALID_URL",
                        "INVALID_EMAIL",
                        "INVALID_PHONE");
        define(look("N".repeat(ShopLooks.MAX_NAME + 1), null, "#123456", null, null, null))
                .path("defineShopLook.errors[0].field")
                .entity(String.class)
                .isEqualTo("input.name");

        assertThat(shopOnThePage()).isEqualTo(before);
    }
}
