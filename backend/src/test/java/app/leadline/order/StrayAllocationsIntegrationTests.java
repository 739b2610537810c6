package app.leadline.order;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static app.leadline.support.PurchaseOrderInputs.aPurchaseOrder;
import static app.leadline.support.SupplierInputs.aSupplier;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.delivery.EtaWindow;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.SupplierCatalog;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.PurchaseOrderInputs;
import app.leadline.support.PurchasingSteps;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Units a crash left reserved for lines that do not wait for the purchase order are given back at the next start, so
 * the purchase order takes new lines again; what a line holds, and what was reserved a moment ago, stays.
 */
@LeadlineIntegrationTest
class StrayAllocationsIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    OrderQueries orders;

    @Autowired
    StrayAllocations strays;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OrderChanges changes;

    private HttpGraphQlTester shop;

    /** A supplier's purchase order of {@code units} of the SKU, and an order whose line L2 holds one of them. */
    private record Held(String supplier, String purchaseOrder, Order order) {}

    private Held oneHeld(String sku, int units) {
        shop = clients.withToken(clients.shopToken("orders:write purchasing:write"));
        String supplier = PurchasingSteps.defined(clients, aSupplier().leadTime(10, 15));
        PurchaseOrderInputs purchaseOrder =
                PurchasingSteps.placed(shop, aPurchaseOrder(supplier).withLine(sku, units));
        OrderInputs holding = anOrder().withBackorderedLine(sku, supplier);
        shop.documentName("placeOrders").variable("input", batch(holding)).execute();
        Order held = orders.byNumber(holding.number()).orElseThrow();
        assertThat(held.line("L2").purchaseOrder()).isEqualTo(purchaseOrder.number());
        return new Held(supplier, purchaseOrder.number(), held);
    }

    @Test
    void unitsReservedForAnOrderNeverStoredOrALineWaitingElsewhereAreGivenBackAndTakeNewLines() {
        Held stool = oneHeld("STOOL", 3);
        String purchaseOrder = stool.purchaseOrder();
        Order held = stool.order();
        // As a crash leaves them, an hour ago: units for an order never stored, and for the held order's other line,
        // which does not wait for this purchase order; and, just now, units for an order still being stored.
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        reserve(purchaseOrder, new PurchaseOrder.Allocation("never-stored", "L1", "STOOL", 1, hourAgo));
        reserve(purchaseOrder, new PurchaseOrder.Allocation(held.id(), "L1", "STOOL", 1, hourAgo));
        reserve(purchaseOrder, new PurchaseOrder.Allocation("being-stored", "L1", "STOOL", 1, Instant.now()));
        assertThat(purchaseOrderOfANewOrder("STOOL", stool.supplier()))
                .as("no room left while the stray units are held")
                .isNull();

        assertThat(strays.giveBack()).isEqualTo(2);

        PurchaseOrder after = suppliers.purchaseOrder(purchaseOrder).orElseThrow();
        assertThat(after.allocations())
                .extracting(allocation -> allocation.orderId() + "/" + allocation.lineId())
                .containsExactlyInAnyOrder(held.id() + "/L2", "being-stored/L1");
        assertThat(after.line("STOOL").orElseThrow().allocated()).isEqualTo(2);
        assertThat(purchaseOrderOfANewOrder("STOOL", stool.supplier()))
                .as("the unit given back takes a new line")
                .isEqualTo(purchaseOrder);
    }

    /**
     * A line cancelled before it left needs its unit no more; the process went down after the cancellation and before
     * the unit was given back. The next start gives it back, and the next order takes it.
     */
    @Test
    void theUnitOfALineCancelledWhenTheProcessStoppedIsGivenBack() {
        Held ottoman = oneHeld("OTTOMAN", 1);
        String purchaseOrder = ottoman.purchaseOrder();
        Order placed = ottoman.order();
        OrderFixtures fixtures = new OrderFixtures(changes);
        EtaWindow eta = placed.line("L2").eta();
        fixtures.moveEta(
                placed.id(),
                "L2",
                new EtaWindow(eta.earliest().plusDays(9), eta.latest().plusDays(9)),
                "DELAY-OTTOMAN",
                "The factory is behind schedule",
                null,
                Instant.now());
        fixtures.cancelLines(placed.id(), List.of("L2"), Instant.now());
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(purchaseOrder)),
                new Update().set("allocations.0.at", Instant.now().minus(Duration.ofHours(1))),
                PurchaseOrder.class);

        assertThat(strays.giveBack()).isEqualTo(1);

        assertThat(suppliers.purchaseOrder(purchaseOrder).orElseThrow().allocations())
                .isEmpty();
        assertThat(purchaseOrderOfANewOrder("OTTOMAN", ottoman.supplier())).isEqualTo(purchaseOrder);
    }

    /** The purchase order the backordered line (L2) of a new order of the SKU waits for; null when none had room. */
    private String purchaseOrderOfANewOrder(String sku, String supplier) {
        OrderInputs order = anOrder().withBackorderedLine(sku, supplier);
        shop.documentName("placeOrders").variable("input", batch(order)).execute();
        return orders.byNumber(order.number()).orElseThrow().line("L2").purchaseOrder();
    }

    /** An allocation pushed as the purchase order's own reservation does, its units counted as taken. */
    private void reserve(String purchaseOrder, PurchaseOrder.Allocation allocation) {
        mongo.updateFirst(
                Query.query(
                        Criteria.where("_id").is(purchaseOrder).and("lines.sku").is(allocation.sku())),
                new Update().push("allocations", allocation).inc("lines.$.allocated", allocation.units()),
                PurchaseOrder.class);
    }
}
