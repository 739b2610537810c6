package app.leadline.supplier;

import static app.leadline.support.PurchaseOrderInputs.aPurchaseOrder;
import static app.leadline.support.SupplierInputs.aSupplier;

import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.MovableClock;
import app.leadline.support.PurchasingSteps;
import app.leadline.support.SupplierInputs;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Just after midnight in Copenhagen it is still yesterday in UTC: an agent at work then counts the warehouse's day, and
 * so does Leadline, for purchase orders and their confirmations.
 */
@LeadlineIntegrationTest
@Import(MovableClock.Configuration.class)
class WarehouseDayIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    MovableClock clock;

    private HttpGraphQlTester agent;
    private String supplier;
    private LocalDate warehouseToday;

    @BeforeEach
    void justAfterMidnightInCopenhagen() {
        agent = clients.agent("bo");
        SupplierInputs defined = aSupplier().leadTime(10, 15);
        supplier = PurchasingSteps.defined(clients, defined);
        LocalDate utcDay = clock.today();
        // 23:00 UTC is midnight in Copenhagen, winter and summer alike at the latest.
        clock.moveTo(utcDay, 23);
        warehouseToday = utcDay.plusDays(1);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aPurchaseOrderPlacedThenIsSentOnTheWarehousesDayAndMaySayItWasSentThatDay() {
        GraphQlTester.Response placed = agent.documentName("placePurchaseOrder")
                .variable("input", aPurchaseOrder(supplier).withLine("CHAIR", 2).build())
                .execute();
        placed.path("placePurchaseOrder.errors").entityList(Object.class).hasSize(0);
        placed.path("placePurchaseOrder.purchaseOrder.sentOn")
                .entity(LocalDate.class)
                .isEqualTo(warehouseToday);

        agent.documentName("placePurchaseOrder")
                .variable(
                        "input",
                        aPurchaseOrder(supplier)
                                .withLine("CHAIR", 2)
                                .sentOn(warehouseToday)
                                .build())
                .execute()
                .path("placePurchaseOrder.errors")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void aConfirmedArrivalOnUtcsDayIsInThePastThen() {
        String number = PurchasingSteps.placed(
                        agent,
                        aPurchaseOrder(supplier).withLine("CHAIR", 2).confirmedArrival(warehouseToday.plusDays(10)))
                .number();
        LocalDate yesterday = warehouseToday.minusDays(1);

        agent.documentName("confirmPurchaseOrder")
                .variable(
                        "input",
                        Map.of("purchaseOrder", number, "arrival", yesterday.toString(), "reasonText", "Confirmed."))
                .execute()
                .path("confirmPurchaseOrder.errors[0].code")
                .entity(String.class)
                .isEqualTo("DATE_IN_PAST");
    }
}
