package app.leadline.delay;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static app.leadline.support.PurchaseOrderInputs.aPurchaseOrder;
import static app.leadline.support.SupplierInputs.aSupplier;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.OrderLine;
import app.leadline.order.OrderQueries;
import app.leadline.order.TimelineEvent;
import app.leadline.supplier.SupplierCatalog;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.PurchaseOrderInputs;
import app.leadline.support.PurchasingSteps;
import app.leadline.support.Waiting;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@LeadlineIntegrationTest
class PurchaseOrderConfirmationIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    SupplierCatalog catalog;

    @Autowired
    OrderQueries orders;

    private HttpGraphQlTester agent;
    private PurchaseOrderInputs purchaseOrder;
    private OrderInputs waiting;
    private final LocalDate firstArrival = LocalDate.now().plusDays(10);

    @BeforeEach
    void aPurchaseOrderWithOneLineWaitingForIt() {
        var supplier = aSupplier().leadTime(10, 15);
        PurchasingSteps.defined(clients, supplier);
        agent = clients.agent("bo");
        purchaseOrder = PurchasingSteps.placed(
                agent, aPurchaseOrder(supplier.code()).withLine("CHAIR-NEW", 3).confirmedArrival(firstArrival));
        waiting = anOrder().withBackorderedLine("CHAIR-NEW", supplier.code());
        clients.shop()
                .documentName("placeOrders")
                .variable("input", batch(waiting))
                .execute()
                .path("placeOrders.orders[0].lines[1].purchaseOrder")
                .entity(String.class)
                .isEqualTo(purchaseOrder.number());
    }

    private Map<String, Object> confirmation(LocalDate arrival) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("purchaseOrder", purchaseOrder.number());
        input.put("arrival", arrival.toString());
        input.put("reasonText", "The factory confirmed a later date.");
        return input;
    }

    private OrderLine waitingLine() {
        return orders.byNumber(waiting.number()).orElseThrow().line("L2");
    }

    @Test
    void aPreviewSaysWhichLinesALaterArrivalMovesAndChangesNothing() {
        GraphQlTester.Response previewed = agent.documentName("previewPurchaseOrderConfirmation")
                .variable("input", confirmation(firstArrival.plusDays(14)))
                .execute();

        previewed
                .path("previewPurchaseOrderConfirmation.preview.lines")
                .entity(Integer.class)
                .isEqualTo(1);
        previewed
                .path("previewPurchaseOrderConfirmation.preview.customers")
                .entity(Integer.class)
                .isEqualTo(1);
        assertThat(catalog.purchaseOrder(purchaseOrder.number()).orElseThrow().expectedArrival())
                .isEqualTo(firstArrival);
        assertThat(catalog.purchaseOrder(purchaseOrder.number()).orElseThrow().confirmations())
                .hasSize(1);
    }

    @Test
    void aLaterConfirmedArrivalMovesTheWaitingLinesThroughTheDelayCascadeAndIsKept() {
        LocalDate before = waitingLine().eta().latest();

        GraphQlTester.Response confirmed = agent.documentName("confirmPurchaseOrder")
                .variable("input", confirmation(firstArrival.plusDays(14)))
                .execute();

        confirmed.path("confirmPurchaseOrder.errors").entityList(Object.class).hasSize(0);
        String report = confirmed
                .path("confirmPurchaseOrder.report.id")
                .entity(String.class)
                .get();
        confirmed
                .path("confirmPurchaseOrder.purchaseOrder.confirmations[*].arrival")
                .entityList(LocalDate.class)
                .containsExactly(firstArrival, firstArrival.plusDays(14));
        Waiting.until(() -> waitingLine().eta().latest().isAfter(before), Duration.ofSeconds(20), "the line moved");
        assertThat(waitingLine().lastDelay()).isEqualTo(report);
        assertThat(orders.byNumber(waiting.number()).orElseThrow().timeline())
                .anySatisfy(event -> assertThat(event.type()).isEqualTo(TimelineEvent.Type.ETA_MOVED));
        assertThat(orders.byNumber(waiting.number()).orElseThrow().notifications())
                .anySatisfy(intent -> assertThat(intent.kind()).isIn("ETA_MOVED", "PAST_PROMISE"));
    }

    @Test
    void anArrivalConfirmedEarlierThanPromisedTellsNobodyTheirDateMovedToWhereItWas() {
        LocalDate before = waitingLine().eta().latest();

        GraphQlTester.Response previewed = agent.documentName("previewPurchaseOrderConfirmation")
                .variable("input", confirmation(firstArrival.minusDays(5)))
                .execute();
        previewed
                .path("previewPurchaseOrderConfirmation.preview.customers")
                .entity(Integer.class)
                .isEqualTo(0);
        GraphQlTester.Response confirmed = agent.documentName("confirmPurchaseOrder")
                .variable("input", confirmation(firstArrival.minusDays(5)))
                .execute();

        confirmed.path("confirmPurchaseOrder.errors").entityList(Object.class).hasSize(0);
        confirmed
                .path("confirmPurchaseOrder.purchaseOrder.expectedArrival")
                .entity(LocalDate.class)
                .isEqualTo(firstArrival.minusDays(5));
        String report = confirmed
                .path("confirmPurchaseOrder.report.id")
                .entity(String.class)
                .get();
        Waiting.until(
                () -> agent.documentName("delayReport")
                        .variable("id", report)
                        .execute()
                        .path("delayReport.state")
                        .entity(String.class)
                        .get()
                        .equals("DONE"),
                Duration.ofSeconds(20),
                "the confirmation's cascade is done");
        // The promise stands: the line is not brought forward, and no "by the 14th instead of the 14th" is told.
        assertThat(waitingLine().eta().latest()).isEqualTo(before);
        assertThat(orders.byNumber(waiting.number()).orElseThrow().timeline())
                .noneSatisfy(event -> assertThat(event.type()).isEqualTo(TimelineEvent.Type.ETA_MOVED));
        assertThat(orders.byNumber(waiting.number()).orElseThrow().notifications())
                .noneSatisfy(intent -> assertThat(intent.kind()).isIn("ETA_MOVED", "PAST_PROMISE"));
    }

    @Test
    void confirmingTheExpectedDateMovesNothingAndIsKept() {
        GraphQlTester.Response confirmed = agent.documentName("confirmPurchaseOrder")
                .variable("input", confirmation(firstArrival))
                .execute();

        confirmed.path("confirmPurchaseOrder.report").valueIsNull();
        confirmed
                .path("confirmPurchaseOrder.preview.lines")
                .entity(Integer.class)
                .isEqualTo(0);
        confirmed
                .path("confirmPurchaseOrder.purchaseOrder.confirmations")
                .entityList(Object.class)
                .hasSize(2);
    }

    @Test
    void aConfirmationInThePastOrOfAnUnknownPurchaseOrderIsRefusedAndNothingIsKept() {
        agent.documentName("confirmPurchaseOrder")
                .variable("input", confirmation(LocalDate.now().minusDays(1)))
                .execute()
                .path("confirmPurchaseOrder.errors[0].field")
                .entity(String.class)
                .isEqualTo("input.arrival");
        Map<String, Object> unknown = confirmation(firstArrival);
        unknown.put("purchaseOrder", "PO-NOBODY");
        agent.documentName("confirmPurchaseOrder")
                .variable("input", unknown)
                .execute()
                .path("confirmPurchaseOrder.errors[0].code")
                .entity(String.class)
                .isEqualTo("UNKNOWN_PURCHASE_ORDER");
        Map<String, Object> noReason = confirmation(firstArrival.plusDays(3));
        noReason.remove("reasonText");
        agent.documentName("confirmPurchaseOrder")
                .variable("input", noReason)
                .execute()
                .path("confirmPurchaseOrder.errors[0].field")
                .entity(String.class)
                .isEqualTo("input.reasonText");
        // The reason customers read is plain text: a tag typed into it is refused beside it.
        Map<String, Object> tagged = confirmation(firstArrival.plusDays(3));
        tagged.put("reasonText", "Sturm <b>über</b> der Ostsee");
        var refused = agent.documentName("confirmPurchaseOrder")
                .variable("input", tagged)
                .execute();
        refused.path("confirmPurchaseOrder.errors[0].code").entity(String.class).isEqualTo("MARKUP");
        refused.path("confirmPurchaseOrder.errors[0].field")
                .entity(String.class)
                .isEqualTo("input.reasonText");

        assertThat(catalog.purchaseOrder(purchaseOrder.number()).orElseThrow().confirmations())
                .hasSize(1);
        assertThat(waitingLine().lastDelay()).isNull();
    }
}
