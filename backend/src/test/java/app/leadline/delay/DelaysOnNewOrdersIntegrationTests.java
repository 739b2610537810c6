package app.leadline.delay;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.PurchaseOrderInputs.aPurchaseOrder;
import static app.leadline.support.SupplierInputs.aSupplier;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.delivery.EtaWindow;
import app.leadline.order.OrderLine;
import app.leadline.order.OrderQueries;
import app.leadline.support.Clients;
import app.leadline.support.DelaySteps;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.PurchasingSteps;
import app.leadline.support.Waiting;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A supplier's delay logged before an order comes holds the order's line as it holds the lines it found: the customer
 * is promised the later window, not one the shop already knows is wrong, and withdrawing the delay brings it back.
 */
@LeadlineIntegrationTest
class DelaysOnNewOrdersIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    OrderQueries orders;

    private HttpGraphQlTester agent;

    @BeforeEach
    void anAgent() {
        agent = clients.agent("bo");
    }

    private OrderLine line(OrderInputs order) {
        return orders.byNumber(order.number()).orElseThrow().line("L2");
    }

    private OrderInputs placed(OrderInputs order) {
        clients.place(order);
        return order;
    }

    @Test
    void aChairOrderedAfterItsSkusDelayIsPromisedAsLateAsTheChairsTheDelayFoundAndGoesBackWithThem() {
        String supplier = PurchasingSteps.defined(clients, aSupplier().leadTime(10, 15));
        PurchasingSteps.placed(
                agent,
                aPurchaseOrder(supplier)
                        .withLine("CHAIR", 3)
                        .confirmedArrival(LocalDate.now().plusDays(10)));
        OrderInputs found = placed(anOrder().withBackorderedLine("CHAIR", supplier));
        EtaWindow beforeTheDelay = line(found).eta();
        String delay = DelaySteps.logged(agent, Map.of("type", "SKU", "supplier", supplier, "sku", "CHAIR"), 9);
        EtaWindow delayed = line(found).eta();
        assertThat(delayed.latest()).isAfter(beforeTheDelay.latest());

        // The next customer's chair waits for the same purchase order, which the supplier said is nine days late.
        OrderInputs after = anOrder().withBackorderedLine("CHAIR", supplier);
        String token = clients.place(after);

        assertThat(line(after).eta()).as("the chair ordered after the delay").isEqualTo(delayed);
        assertThat(line(after).isLate())
                .as("promised as confirmed, not late against it")
                .isFalse();

        withdrawnBringsBack(delay, after, found, beforeTheDelay);
        // The customer's page says why the date came back: the delay told before was a mistake.
        assertThat(clients.anonymous()
                        .documentName("trackOrder")
                        .variable("token", token)
                        .execute()
                        .path("trackOrder.timeline[?(@.type == 'ETA_MOVED')].details[?(@.key == 'correction')].value")
                        .entityList(String.class)
                        .get())
                .containsExactly("DELAY_WITHDRAWN");
    }

    @Test
    void aChairOrderedAfterItsSuppliersDelayMovedThePurchaseOrderComesBackWithItWhenTheDelayIsWithdrawn() {
        orderedAfterADelayThatMovedThePurchaseOrder(
                (supplier, purchaseOrder) -> Map.of("type", "SUPPLIER", "supplier", supplier));
    }

    @Test
    void aChairOrderedOnAPurchaseOrderAfterItsOwnDelayComesBackWithItWhenTheDelayIsWithdrawn() {
        orderedAfterADelayThatMovedThePurchaseOrder(
                (supplier, purchaseOrder) -> Map.of("type", "PURCHASE_ORDER", "purchaseOrder", purchaseOrder));
    }

    /**
     * A delay of the scope (given the supplier and its purchase order) moved the purchase order's date: the chair
     * ordered after it is promised from that date, as the one the delay found, and comes back with it when the delay is
     * withdrawn.
     */
    private void orderedAfterADelayThatMovedThePurchaseOrder(
            java.util.function.BiFunction<String, String, Map<String, Object>> scope) {
        String supplier = PurchasingSteps.defined(clients, aSupplier().leadTime(10, 15));
        String purchaseOrder = PurchasingSteps.placed(
                        agent,
                        aPurchaseOrder(supplier)
                                .withLine("CHAIR", 3)
                                .confirmedArrival(LocalDate.now().plusDays(10)))
                .number();
        OrderInputs found = placed(anOrder().withBackorderedLine("CHAIR", supplier));
        EtaWindow beforeTheDelay = line(found).eta();
        String delay = DelaySteps.logged(agent, scope.apply(supplier, purchaseOrder), 9);

        OrderInputs after = placed(anOrder().withBackorderedLine("CHAIR", supplier));
        assertThat(line(after).eta()).isEqualTo(line(found).eta());
        assertThat(line(after).eta().latest()).isAfter(beforeTheDelay.latest());

        withdrawnBringsBack(delay, after, found, beforeTheDelay);
    }

    /** The delay withdrawn: the chair ordered after it, as the one it found, is back on the purchase order's date. */
    private void withdrawnBringsBack(String delay, OrderInputs after, OrderInputs found, EtaWindow beforeTheDelay) {
        DelaySteps.withdrawn(agent, delay);

        Waiting.until(
                () -> line(after).eta().equals(beforeTheDelay),
                Duration.ofSeconds(20),
                "the chair ordered after the delay is back on the purchase order's date");
        assertThat(line(found).eta()).isEqualTo(beforeTheDelay);
    }

    @Test
    void aLampOrderedAfterItsSuppliersNewDispatchDateLeavesNoSoonerThanThatDay() {
        String supplier =
                PurchasingSteps.defined(clients, aSupplier().dropshipping().leadTime(2, 5));
        OrderInputs found = placed(anOrder().withDropshippedLine("LAMP", supplier));
        LocalDate dispatch = LocalDate.now().plusDays(30);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("scope", Map.of("type", "SKU", "supplier", supplier, "sku", "LAMP"));
        input.put("newDate", dispatch.toString());
        input.put("reasonText", "The glass works is closed for a month.");
        DelaySteps.logged(agent, input);

        OrderInputs after = placed(anOrder().withDropshippedLine("LAMP", supplier));

        assertThat(line(after).eta().earliest())
                .as("a lamp the supplier dispatches from %s on", dispatch)
                .isAfter(dispatch);
        assertThat(line(after).eta()).isEqualTo(line(found).eta());
        // Another of the supplier's items is not held by the lamp's delay.
        OrderInputs other = placed(anOrder().withDropshippedLine("SHADE", supplier));
        assertThat(line(other).eta().latest()).isBefore(dispatch);
    }
}
