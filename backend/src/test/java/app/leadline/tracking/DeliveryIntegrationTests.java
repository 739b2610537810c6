package app.leadline.tracking;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.TestSuppliers.BACKORDER_SUPPLIER;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.NotificationIntent;
import app.leadline.order.OrderQueries;
import app.leadline.supplier.SupplierCatalog;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.Refusals;
import app.leadline.support.TestSuppliers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/** After a parcel leaves: the carrier's own tracking page, and the shop reporting it delivered. */
@LeadlineIntegrationTest
class DeliveryIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    OrderQueries orders;

    private OrderInputs input;
    private String token;

    /** An order whose stock line (L1) shipped with PostNord as PN123456789DK; its sofa (L2) still waits. */
    @BeforeEach
    void aShippedParcel() {
        TestSuppliers.register(suppliers);
        input = anOrder().withBackorderedLine("SOFA-OSLO-3", BACKORDER_SUPPLIER);
        token = clients.place(input);
        clients.agent("alice")
                .documentName("recordShipment")
                .variable("orderNumber", input.number())
                .variable("lineIds", List.of("L1"))
                .execute()
                .path("recordShipment.errors")
                .entityList(Object.class)
                .hasSize(0);
    }

    private GraphQlTester.Response track() {
        return clients.anonymous()
                .documentName("trackOrder")
                .variable("token", token)
                .execute();
    }

    /** When the parcel left: a delivery is reported at or after it. */
    private Instant shippedAt() {
        return track().path("trackOrder.shipments[0].shippedAt")
                .entity(Instant.class)
                .get();
    }

    private GraphQlTester.Response markDelivered(String number, String trackingNumber, Instant at) {
        return clients.shop()
                .documentName("markDelivered")
                .variable(
                        "input",
                        Map.of("orderNumber", number, "trackingNumber", trackingNumber, "deliveredAt", at.toString()))
                .execute();
    }

    @Test
    void aShippedParcelLinksToTheCarriersOwnTrackingPage() {
        track().path("trackOrder.shipments[0].trackingUrl")
                .entity(String.class)
                .isEqualTo("https://tracking.postnord.com/?id=PN123456789DK");
    }

    @Test
    void theShopMarksAParcelDeliveredAndTheCustomerSeesItAndIsTold() {
        Instant deliveredAt = shippedAt();

        var delivered = markDelivered(input.number(), "PN123456789DK", deliveredAt);

        delivered.path("markDelivered.errors").entityList(Object.class).hasSize(0);
        delivered
                .path("markDelivered.delivery.lineIds")
                .entityList(String.class)
                .containsExactly("L1");
        var page = track();
        page.path("trackOrder.lines[*].status")
                .entityList(String.class)
                .containsExactly("DELIVERED", "AWAITING_SUPPLIER");
        page.path("trackOrder.shipments[0].deliveredAt").entity(Instant.class).isEqualTo(deliveredAt);
        page.path("trackOrder.timeline[*].type").entityList(String.class).contains("DELIVERED");
        assertThat(orders.byNumber(input.number()).orElseThrow().notifications())
                .extracting(NotificationIntent::kind)
                .containsOnlyOnce("DELIVERED");
    }

    @Test
    void reportingTheSameDeliveryAgainChangesNothingAndTellsTheCustomerOnce() {
        Instant first = shippedAt();
        markDelivered(input.number(), "PN123456789DK", first)
                .path("markDelivered.errors")
                .entityList(Object.class)
                .hasSize(0);

        markDelivered(input.number(), "PN123456789DK", first.plus(1, ChronoUnit.SECONDS))
                .path("markDelivered.delivery.deliveredAt")
                .entity(Instant.class)
                .isEqualTo(first);

        assertThat(orders.byNumber(input.number()).orElseThrow().notifications())
                .extracting(NotificationIntent::kind)
                .containsOnlyOnce("DELIVERED");
    }

    @Test
    void anUnknownParcelOrADeliveryBeforeItShippedIsRefusedAndChangesNothing() {
        markDelivered(input.number(), "NO-SUCH-PARCEL", Instant.now())
                .path("markDelivered.errors[0].code")
                .entity(String.class)
                .isEqualTo("UNKNOWN_SHIPMENT");
        markDelivered("NO-SUCH-ORDER", "PN123456789DK", Instant.now())
                .path("markDelivered.errors[0].code")
                .entity(String.class)
                .isEqualTo("UNKNOWN_ORDER");
        var early = markDelivered(input.number(), "PN123456789DK", shippedAt().minus(1, ChronoUnit.DAYS));
        early.path("markDelivered.errors[0].code").entity(String.class).isEqualTo("INVALID_DELIVERY_TIME");
        early.path("markDelivered.errors[0].field").entity(String.class).isEqualTo("input.deliveredAt");
        markDelivered(input.number(), "PN123456789DK", shippedAt().plus(1, ChronoUnit.DAYS))
                .path("markDelivered.errors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_DELIVERY_TIME");

        track().path("trackOrder.lines[0].status").entity(String.class).isEqualTo("SHIPPED");
    }

    @Test
    void onlyTheShopMarksParcelsDelivered() {
        clients.agent("alice")
                .documentName("markDelivered")
                .variable(
                        "input",
                        Map.of(
                                "orderNumber",
                                input.number(),
                                "trackingNumber",
                                "PN123456789DK",
                                "deliveredAt",
                                Instant.now().toString()))
                .execute()
                .errors()
                .satisfy(Refusals.only(ErrorType.FORBIDDEN));
        track().path("trackOrder.lines[0].status").entity(String.class).isEqualTo("SHIPPED");
    }

    private GraphQlTester.Response answer(String orderToken, int score, String comment) {
        return clients.anonymous()
                .documentName("answerQuestion")
                .variable("token", orderToken)
                .variable("score", score)
                .variable("comment", comment)
                .execute();
    }

    @Test
    void theQuestionAtTheEndIsAskedOnceEverythingIsDeliveredAndTheAnswerIsKeptOnce() {
        answer(token, 5, null)
                .path("answerQuestion.errors[0].code")
                .entity(String.class)
                .isEqualTo("FEEDBACK_CLOSED");
        OrderInputs single = anOrder();
        String singleToken = clients.place(single);
        clients.agent("alice")
                .documentName("recordShipment")
                .variable("orderNumber", single.number())
                .variable("lineIds", List.of("L1"))
                .execute();
        clients.anonymous()
                .documentName("trackOrder")
                .variable("token", singleToken)
                .execute()
                .path("trackOrder.question.asked")
                .entity(Boolean.class)
                .isEqualTo(false);
        Instant shipped = clients.anonymous()
                .documentName("trackOrder")
                .variable("token", singleToken)
                .execute()
                .path("trackOrder.shipments[0].shippedAt")
                .entity(Instant.class)
                .get();
        markDelivered(single.number(), "PN123456789DK", shipped);

        var answered = answer(singleToken, 4, " Clear and early ");
        answer(singleToken, 5, null);

        answered.path("answerQuestion.order.question.score")
                .entity(Integer.class)
                .isEqualTo(4);
        answered.path("answerQuestion.order.question.comment")
                .entity(String.class)
                .isEqualTo("Clear and early");
        var stored = orders.byNumber(single.number()).orElseThrow();
        assertThat(stored.feedback())
                .hasValueSatisfying(feedback -> assertThat(feedback.score()).isEqualTo(5));
        assertThat(stored.timeline())
                .extracting(event -> event.type().name())
                .containsOnlyOnce("FEEDBACK_GIVEN")
                .containsOnlyOnce("FEEDBACK_CHANGED");
        answer(singleToken, 6, null)
                .path("answerQuestion.errors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_SCORE");
    }
}
