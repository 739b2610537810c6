package app.leadline.tracking;

import static app.leadline.support.OrderInputs.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** "Find my order": a lost or dead link is found again by order number and the customer's own contact. */
@LeadlineIntegrationTest
class FindMyOrderIntegrationTests {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/t/([A-Za-z0-9_-]+)");

    @Autowired
    Clients clients;

    @Autowired
    MongoTemplate mongo;

    private HttpGraphQlTester customer;
    private HttpGraphQlTester agent;

    @BeforeEach
    void setUp() {
        // Each test starts with this client's and these orders' allowance unused.
        mongo.getCollection(StoredBuckets.COLLECTION).deleteMany(new Document("_id", Pattern.compile("^link:")));
        customer = clients.anonymous();
        agent = clients.agent("alice");
    }

    private GraphQlTester.Response ask(String number, String contact) {
        return customer.documentName("requestTrackingLink")
                .variable("orderNumber", number)
                .variable("contact", contact)
                .execute();
    }

    private List<String> linkMessagesTo(String orderNumber) {
        return agent.documentName("outbox")
                .execute()
                .path("outbox[?(@.kind == 'TRACKING_LINK' && @.orderNumber == '" + orderNumber + "')].text")
                .entityList(String.class)
                .get();
    }

    @Test
    void theOrdersOwnEmailGetsAWorkingLinkAndTheAnswerIsTheSameForAnUnknownOrder() {
        OrderInputs input = anOrder();
        String oldToken = clients.place(input);
        String email = customerEmail(input);

        var matched = ask(input.number(), email.toUpperCase());
        var unknown = ask("NO-SUCH-ORDER", email);
        var wrongContact = ask(input.number(), "someone.else@example.com");

        for (var answer : List.of(matched, unknown, wrongContact)) {
            answer.path("requestTrackingLink.accepted").entity(Boolean.class).isEqualTo(true);
            answer.path("requestTrackingLink.errors").entityList(Object.class).hasSize(0);
        }
        List<String> sent = linkMessagesTo(input.number());
        assertThat(sent).hasSize(1); // to the e-mail that matched, and to nobody for the others
        Matcher link = LINK.matcher(sent.get(0));
        assertThat(link.find()).as(sent.get(0)).isTrue();
        customer.documentName("trackOrder")
                .variable("token", link.group(1))
                .execute()
                .path("trackOrder.number")
                .entity(String.class)
                .isEqualTo(input.number());
        // The link still worked, so it is the same one: nobody can kill a customer's link by asking.
        assertThat(link.group(1)).isEqualTo(oldToken);
    }

    @Test
    void anOrderNumberTypedInLowerCaseFindsTheOrder() {
        OrderInputs input = anOrder()
                .number("FIND-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        clients.place(input);

        ask(" " + input.number().toLowerCase() + " ", customerEmail(input))
                .path("requestTrackingLink.accepted")
                .entity(Boolean.class)
                .isEqualTo(true);

        assertThat(linkMessagesTo(input.number())).hasSize(1);
    }

    @Test
    void askingForOneOrderIsLimitedWhoeverAsks() {
        OrderInputs input = anOrder();
        clients.place(input);

        for (int i = 0; i < 3; i++) {
            ask(input.number(), "guess" + i + "@example.com")
                    .path("requestTrackingLink.accepted")
                    .entity(Boolean.class)
                    .isEqualTo(true);
        }
        var limited = ask(input.number(), customerEmail(input));

        limited.path("requestTrackingLink.accepted").entity(Boolean.class).isEqualTo(false);
        limited.path("requestTrackingLink.errors[0].code").entity(String.class).isEqualTo("RATE_LIMITED");
        assertThat(linkMessagesTo(input.number())).isEmpty();
    }

    @Test
    void oneClientAskingAboutManyOrdersIsLimited() {
        for (int i = 0; i < 10; i++) {
            ask("GUESS-" + i, "someone@example.com")
                    .path("requestTrackingLink.accepted")
                    .entity(Boolean.class)
                    .isEqualTo(true);
        }

        ask("GUESS-10", "someone@example.com")
                .path("requestTrackingLink.errors[0].code")
                .entity(String.class)
                .isEqualTo("RATE_LIMITED");
    }

    @SuppressWarnings("unchecked")
    private static String customerEmail(OrderInputs input) {
        return (String) ((java.util.Map<String, Object>) input.build().get("customer")).get("email");
    }
}
