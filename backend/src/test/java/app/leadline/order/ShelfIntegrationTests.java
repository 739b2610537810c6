package app.leadline.order;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static app.leadline.support.PurchaseOrderInputs.aPurchaseOrder;
import static app.leadline.support.SupplierInputs.aSupplier;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.SupplierCatalog;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.PurchaseOrderInputs;
import app.leadline.support.PurchasingSteps;
import app.leadline.support.TestWarehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Units already on the shelf serve the lines waiting for them when they were missed: a process that went down
 * between recording goods received and making their lines ready makes them ready when it starts again.
 */
@LeadlineIntegrationTest
class ShelfIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    OrderQueries orders;

    @Autowired
    Shelf shelf;

    @Autowired
    MongoTemplate mongo;

    private LineStatus chair(OrderInputs order) {
        return orders.byNumber(order.number()).orElseThrow().line("L2").status();
    }

    @Test
    void linesLeftWaitingBesideTheirUnitsAreMadeReadyWhenLeadlineStarts() {
        HttpGraphQlTester shop = clients.withToken(clients.shopToken("orders:write purchasing:write"));
        String supplier = PurchasingSteps.defined(clients, aSupplier().leadTime(10, 15));
        PurchaseOrderInputs purchaseOrder =
                PurchasingSteps.placed(shop, aPurchaseOrder(supplier).withLine("CHAIR-LEFT", 3));
        OrderInputs older = anOrder().withBackorderedLine("CHAIR-LEFT", supplier);
        OrderInputs younger = anOrder().withBackorderedLine("CHAIR-LEFT", supplier);
        shop.documentName("placeOrders")
                .variable("input", batch(older, younger))
                .execute();
        // The receipt is recorded, and the process stops before the lines it serves are made ready.
        suppliers.recordReceipt(
                purchaseOrder.number(), Map.of("CHAIR-LEFT", 1), TestWarehouse.today(), Instant.now(), "bo");
        assertThat(chair(older)).isEqualTo(LineStatus.AWAITING_SUPPLIER);

        shelf.serveWhatWasLeft();

        // The one chair on the shelf goes to the older order; the younger waits for the rest.
        assertThat(chair(older)).isEqualTo(LineStatus.READY);
        assertThat(chair(younger)).isEqualTo(LineStatus.AWAITING_SUPPLIER);
        shelf.serveWhatWasLeft();
        assertThat(chair(younger)).isEqualTo(LineStatus.AWAITING_SUPPLIER);
    }

    @Test
    void aPurchaseOrderReceivedInPartBeforeReceiptsWereKeptServesItsLinesFromToday() {
        HttpGraphQlTester shop = clients.withToken(clients.shopToken("orders:write purchasing:write"));
        String supplier = PurchasingSteps.defined(clients, aSupplier().leadTime(10, 15));
        PurchaseOrderInputs purchaseOrder =
                PurchasingSteps.placed(shop, aPurchaseOrder(supplier).withLine("CHAIR-OLD", 2));
        OrderInputs waiting = anOrder().withBackorderedLine("CHAIR-OLD", supplier);
        shop.documentName("placeOrders").variable("input", batch(waiting)).execute();
        suppliers.recordReceipt(
                purchaseOrder.number(), Map.of("CHAIR-OLD", 1), TestWarehouse.today(), Instant.now(), "bo");
        // As a purchase order received before its receipts were kept: units counted, no history of them.
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(purchaseOrder.number())),
                Update.update("receipts", List.of()),
                PurchaseOrder.class);

        shelf.serveWhatWasLeft();

        assertThat(chair(waiting)).isEqualTo(LineStatus.READY);
    }

    @Test
    void spareUnitsReservedForALineWaitingElsewhereWhenLeadlineStoppedMakeItReadyWhenItStarts() {
        HttpGraphQlTester shop = clients.withToken(clients.shopToken("orders:write purchasing:write"));
        String supplier = PurchasingSteps.defined(clients, aSupplier().leadTime(10, 15));
        PurchaseOrderInputs later = PurchasingSteps.placed(
                shop,
                aPurchaseOrder(supplier)
                        .withLine("CHAIR-MOVE", 1)
                        .confirmedArrival(LocalDate.now().plusDays(20)));
        PurchaseOrderInputs sooner = PurchasingSteps.placed(
                shop,
                aPurchaseOrder(supplier)
                        .withLine("CHAIR-MOVE", 1)
                        .confirmedArrival(LocalDate.now().plusDays(10)));
        OrderInputs waiting = anOrder().withBackorderedLine("CHAIR-MOVE", supplier);
        shop.documentName("placeOrders").variable("input", batch(waiting)).execute();
        Order before = orders.byNumber(waiting.number()).orElseThrow();
        assertThat(before.line("L2").purchaseOrder()).isEqualTo(sooner.number());
        // As a receipt of the later purchase order's one chair leaves it when the process stops after reserving it for
        // the waiting line, before the line moved: goods recorded, the line reserved on both, and no room left on it
        // but the reservation the line holds.
        suppliers.recordReceipt(later.number(), Map.of("CHAIR-MOVE", 1), TestWarehouse.today(), Instant.now(), "bo");
        PurchaseOrder received = suppliers.purchaseOrder(later.number()).orElseThrow();
        assertThat(suppliers.takeOnShelf(
                        received, List.of(new PurchaseOrder.Allocation(before.id(), "L2", "CHAIR-MOVE", 1)), List.of()))
                .isTrue();

        shelf.serveWhatWasLeft();

        Order after = orders.byNumber(waiting.number()).orElseThrow();
        assertThat(after.line("L2").status()).isEqualTo(LineStatus.READY);
        assertThat(after.line("L2").purchaseOrder()).isEqualTo(later.number());
        // Complete now, it has a shipment proposed, and agents find it among the orders ready to ship.
        assertThat(OrderQueries.Filter.READY_TO_SHIP.test(after)).isTrue();
        assertThat(mongo.exists(
                        Query.query(Criteria.where("_id").is(after.id()))
                                .addCriteria(OrderQueries.Filter.READY_TO_SHIP.criteria()),
                        Order.class))
                .isTrue();
        PurchaseOrder taken = suppliers.purchaseOrder(later.number()).orElseThrow();
        assertThat(taken.allocations())
                .extracting(PurchaseOrder.Allocation::orderId)
                .containsExactly(before.id());
        assertThat(taken.line("CHAIR-MOVE").orElseThrow().allocated()).isEqualTo(1);
        assertThat(suppliers.purchaseOrder(sooner.number()).orElseThrow().allocations())
                .isEmpty();
        assertThat(taken.status()).isEqualTo(PurchaseOrder.Status.RECEIVED);
    }

    @Test
    void unitsOnTheShelfGoToNoLineThatWaitsElsewhereThoughAnAllocationNamesIt() {
        HttpGraphQlTester shop = clients.withToken(clients.shopToken("orders:write purchasing:write"));
        String supplier = PurchasingSteps.defined(clients, aSupplier().leadTime(10, 15));
        PurchaseOrderInputs purchaseOrder =
                PurchasingSteps.placed(shop, aPurchaseOrder(supplier).withLine("CHAIR-SPARE", 3));
        OrderInputs held = anOrder().withBackorderedLine("CHAIR-SPARE", supplier);
        shop.documentName("placeOrders").variable("input", batch(held)).execute();
        // A line of another supplier's, waiting to be ordered, named by an allocation a crash left a moment ago.
        String other = PurchasingSteps.defined(clients, aSupplier().leadTime(10, 15));
        OrderInputs elsewhere = anOrder().withBackorderedLine("CHAIR-SPARE", other);
        shop.documentName("placeOrders").variable("input", batch(elsewhere)).execute();
        assertThat(orders.byNumber(elsewhere.number()).orElseThrow().line("L2").purchaseOrder())
                .isNull();
        String elsewhereId = orders.byNumber(elsewhere.number()).orElseThrow().id();
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(purchaseOrder.number())),
                new Update()
                        .push(
                                "allocations",
                                new PurchaseOrder.Allocation(elsewhereId, "L2", "CHAIR-SPARE", 1, Instant.now())),
                PurchaseOrder.class);
        suppliers.recordReceipt(
                purchaseOrder.number(), Map.of("CHAIR-SPARE", 2), TestWarehouse.today(), Instant.now(), "bo");

        shelf.serveWhatWasLeft();

        assertThat(chair(held)).isEqualTo(LineStatus.READY);
        assertThat(chair(elsewhere))
                .as("a line waiting to be ordered stays so, whatever the shelf holds")
                .isEqualTo(LineStatus.AWAITING_SUPPLIER);
    }
}
