package app.leadline.tracking;

import static app.leadline.support.OrderInputs.anEmptyOrder;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.OrderOperations;
import app.leadline.order.OrderQueries;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/** A closed line says what became of it and when; the order's window follows the lines still open. */
@LeadlineIntegrationTest
class ClosedLinesIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    OrderQueries orders;

    @Autowired
    OrderOperations operations;

    @Test
    void shippedDeliveredAndCancelledLinesSayWhenAndTheOrderWindowFollowsOnlyTheOpenOnes() {
        clients.agent("root", "AGENT", "ADMIN")
                .documentName("defineSegmentPolicy")
                .variable(
                        "input",
                        Map.of(
                                "segment",
                                "CLOSING",
                                "defaultPreference",
                                "WAIT_FOR_ALL",
                                "customerMayChoose",
                                true,
                                "extraParcelFees",
                                List.of(Map.of("currency", "DKK", "amount", "0.00")),
                                "cancelAnyUnshippedLine",
                                true))
                .execute()
                .path("defineSegmentPolicy.errors")
                .entityList(Object.class)
                .hasSize(0);
        OrderInputs input = anEmptyOrder()
                .customer("segment", "CLOSING")
                .withStockLine("VASE-GLASS", 1)
                .withStockLine("CUSHION", 1);
        String token = clients.place(input);
        clients.agent("bo")
                .documentName("recordShipment")
                .variable("orderNumber", input.number())
                .variable("lineIds", List.of("L1"))
                .execute()
                .path("recordShipment.errors")
                .entityList(Object.class)
                .hasSize(0);

        GraphQlTester.Response partly = track(token);
        partly.path("trackOrder.lines[0].status").entity(String.class).isEqualTo("SHIPPED");
        partly.path("trackOrder.lines[0].closedAt")
                .entity(Instant.class)
                .satisfies(at -> assertThat(at)
                        .isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES)));
        partly.path("trackOrder.lines[0].late").entity(Boolean.class).isEqualTo(false);
        partly.path("trackOrder.lines[1].closedAt").valueIsNull();
        partly.path("trackOrder.eta.latest")
                .entity(String.class)
                .isEqualTo(partly.path("trackOrder.lines[1].eta.latest")
                        .entity(String.class)
                        .get());

        operations.cancelLines(orders.byNumber(input.number()).orElseThrow().id(), List.of("L2"));
        // Delivered as it was shipped: a time the shop may report (after shipping, never in the future).
        Instant deliveredAt = partly.path("trackOrder.shipments[0].shippedAt")
                .entity(Instant.class)
                .get();
        clients.shop()
                .documentName("markDelivered")
                .variable(
                        "input",
                        Map.of(
                                "orderNumber",
                                input.number(),
                                "trackingNumber",
                                "PN123456789DK",
                                "deliveredAt",
                                deliveredAt.toString()))
                .execute()
                .path("markDelivered.errors")
                .entityList(Object.class)
                .hasSize(0);

        GraphQlTester.Response closed = track(token);
        closed.path("trackOrder.lines[*].status").entityList(String.class).containsExactly("DELIVERED", "CANCELLED");
        closed.path("trackOrder.lines[0].closedAt").entity(Instant.class).isEqualTo(deliveredAt);
        closed.path("trackOrder.lines[1].closedAt")
                .entity(Instant.class)
                .satisfies(at -> assertThat(at).isAfterOrEqualTo(deliveredAt));
        // Nothing is open: no window for the order, so nothing can say it "arrives in one delivery".
        closed.path("trackOrder.eta").valueIsNull();
    }

    private GraphQlTester.Response track(String token) {
        return clients.anonymous()
                .documentName("trackOrder")
                .variable("token", token)
                .execute();
    }
}
