package app.leadline.supplier;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static app.leadline.support.PurchaseOrderInputs.aPurchaseOrder;
import static app.leadline.support.SupplierInputs.aSupplier;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.OrderLine;
import app.leadline.order.OrderQueries;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.PurchaseOrderInputs;
import app.leadline.support.PurchasingSteps;
import app.leadline.support.Refusals;
import app.leadline.support.TestWarehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@LeadlineIntegrationTest
class PurchaseOrderIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    SupplierCatalog catalog;

    @Autowired
    OrderQueries orders;

    private String supplier;
    private HttpGraphQlTester purchasingShop;

    @BeforeEach
    void aSupplierWithALeadTime() {
        supplier = PurchasingSteps.defined(clients, aSupplier().leadTime(10, 15));
        purchasingShop = clients.withToken(clients.shopToken("orders:write purchasing:write"));
    }

    private GraphQlTester.Response placePurchaseOrder(PurchaseOrderInputs purchaseOrder) {
        return purchasingShop
                .documentName("placePurchaseOrder")
                .variable("input", purchaseOrder.build())
                .execute();
    }

    private GraphQlTester.Response placeOrder(OrderInputs order) {
        return clients.shop()
                .documentName("placeOrders")
                .variable("input", batch(order))
                .execute();
    }

    private OrderLine backorderedLine(OrderInputs order) {
        return orders.byNumber(order.number()).orElseThrow().line("L2");
    }

    @Test
    void theShopPlacesAPurchaseOrderWithQuantitiesEstimatedFromTheSuppliersLeadTime() {
        GraphQlTester.Response placed = placePurchaseOrder(
                aPurchaseOrder(supplier).withLine("CHAIR-NEW", 2).withLine("TABLE-NEW", 1));

        placed.path("placePurchaseOrder.errors").entityList(Object.class).hasSize(0);
        placed.path("placePurchaseOrder.created").entity(Boolean.class).isEqualTo(true);
        placed.path("placePurchaseOrder.purchaseOrder.estimated")
                .entity(Boolean.class)
                .isEqualTo(true);
        // Sent today as the warehouse counts days, which is a day ahead of UTC's just after midnight there.
        placed.path("placePurchaseOrder.purchaseOrder.sentOn")
                .entity(LocalDate.class)
                .isEqualTo(TestWarehouse.today());
        placed.path("placePurchaseOrder.purchaseOrder.expectedArrival")
                .entity(LocalDate.class)
                .isEqualTo(catalog.find(supplier)
                        .orElseThrow()
                        .arrivalIfOrderedOn(TestWarehouse.today())
                        .orElseThrow()
                        .latest());
        placed.path("placePurchaseOrder.purchaseOrder.lines[*].ordered")
                .entityList(Integer.class)
                .containsExactly(2, 1);
        placed.path("placePurchaseOrder.purchaseOrder.confirmations")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void aConfirmedArrivalIsKeptWithWhoGaveIt() {
        LocalDate arrival = LocalDate.now().plusDays(30);

        GraphQlTester.Response placed = clients.agent("bo")
                .documentName("placePurchaseOrder")
                .variable(
                        "input",
                        aPurchaseOrder(supplier)
                                .withLine("CHAIR-NEW", 2)
                                .confirmedArrival(arrival)
                                .build())
                .execute();

        placed.path("placePurchaseOrder.purchaseOrder.estimated")
                .entity(Boolean.class)
                .isEqualTo(false);
        placed.path("placePurchaseOrder.purchaseOrder.expectedArrival")
                .entity(LocalDate.class)
                .isEqualTo(arrival);
        placed.path("placePurchaseOrder.purchaseOrder.confirmations[0].by")
                .entity(String.class)
                .isEqualTo("bo");
    }

    @Test
    void placingTheSameNumberAgainReturnsTheStoredPurchaseOrderAndChangesNothing() {
        PurchaseOrderInputs purchaseOrder = aPurchaseOrder(supplier).withLine("CHAIR-NEW", 2);
        placePurchaseOrder(purchaseOrder);

        GraphQlTester.Response again = placePurchaseOrder(purchaseOrder.withLine("TABLE-NEW", 9));

        again.path("placePurchaseOrder.created").entity(Boolean.class).isEqualTo(false);
        again.path("placePurchaseOrder.purchaseOrder.lines[*].sku")
                .entityList(String.class)
                .containsExactly("CHAIR-NEW");
        assertThat(catalog.purchaseOrdersOf(supplier)).hasSize(1);
    }

    @Test
    void waitingLinesAreAllocatedOldestFirstOnlyWhileThePurchaseOrderHasQuantityLeft() {
        OrderInputs first = anOrder().withBackorderedLine("CHAIR-NEW", supplier);
        placeOrder(first).path("placeOrders.orders[0].lines[1].purchaseOrder").valueIsNull();
        LocalDate promised = backorderedLine(first).promisedDate();
        LocalDate arrival = LocalDate.now().plusDays(5);

        PurchaseOrderInputs purchaseOrder =
                aPurchaseOrder(supplier).withLine("CHAIR-NEW", 2).confirmedArrival(arrival);
        placePurchaseOrder(purchaseOrder)
                .path("placePurchaseOrder.purchaseOrder.allocatedLines")
                .entity(Integer.class)
                .isEqualTo(1);
        OrderInputs second = anOrder().withBackorderedLine("CHAIR-NEW", supplier);
        OrderInputs third = anOrder().withBackorderedLine("CHAIR-NEW", supplier);
        placeOrder(second);
        placeOrder(third);

        assertThat(backorderedLine(first).purchaseOrder()).isEqualTo(purchaseOrder.number());
        assertThat(backorderedLine(first).eta().latest()).isBefore(promised);
        assertThat(backorderedLine(first).promisedDate()).isEqualTo(promised);
        assertThat(backorderedLine(second).purchaseOrder()).isEqualTo(purchaseOrder.number());
        assertThat(backorderedLine(third).purchaseOrder()).isNull();
        assertThat(backorderedLine(third).eta().latest()).isAfter(arrival.plusDays(10));
        assertThat(catalog.purchaseOrder(purchaseOrder.number())
                        .orElseThrow()
                        .line("CHAIR-NEW")
                        .orElseThrow()
                        .allocated())
                .isEqualTo(2);
    }

    @Test
    void thePreviewOfPlacingSaysWhichWaitingLinesItTakesAndWhoIsToldAndPlacingDoesJustThat() {
        OrderInputs first = anOrder().withBackorderedLine("CHAIR-NEW", supplier);
        OrderInputs second = anOrder().withBackorderedLine("CHAIR-NEW", supplier);
        OrderInputs third = anOrder().withBackorderedLine("CHAIR-NEW", supplier);
        Stream.of(first, second, third).forEach(this::placeOrder);
        LocalDate before = backorderedLine(first).eta().latest();
        PurchaseOrderInputs purchaseOrder = aPurchaseOrder(supplier)
                .withLine("CHAIR-NEW", 2)
                .confirmedArrival(LocalDate.now().plusDays(5));

        GraphQlTester.Response preview = purchasingShop
                .documentName("previewPlacePurchaseOrder")
                .variable("input", purchaseOrder.build())
                .execute();

        preview.path("previewPlacePurchaseOrder.errors")
                .entityList(Object.class)
                .hasSize(0);
        preview.path("previewPlacePurchaseOrder.preview.expectedArrival")
                .entity(LocalDate.class)
                .isEqualTo(LocalDate.now().plusDays(5));
        preview.path("previewPlacePurchaseOrder.preview.allocations[*].orderNumber")
                .entityList(String.class)
                .containsExactly(first.number(), second.number());
        preview.path("previewPlacePurchaseOrder.preview.allocations[*].latestBefore")
                .entityList(LocalDate.class)
                .contains(before);
        List<LocalDate> after = preview.path("previewPlacePurchaseOrder.preview.allocations[*].latestAfter")
                .entityList(LocalDate.class)
                .get();
        preview.path("previewPlacePurchaseOrder.preview.allocations[*].customerTold")
                .entityList(Boolean.class)
                .containsExactly(true, true);
        // The third chair would go on waiting to be ordered, and the review can say whose it is.
        preview.path("previewPlacePurchaseOrder.preview.keptWaiting[*].orderNumber")
                .entityList(String.class)
                .containsExactly(third.number());
        assertThat(backorderedLine(first).purchaseOrder()).isNull();
        assertThat(catalog.purchaseOrder(purchaseOrder.number())).isEmpty();
        int news = orders.byNumber(first.number()).orElseThrow().notifications().size();

        placePurchaseOrder(purchaseOrder);

        assertThat(List.of(
                        backorderedLine(first).eta().latest(),
                        backorderedLine(second).eta().latest()))
                .isEqualTo(after);
        assertThat(backorderedLine(third).purchaseOrder()).isNull();
        assertThat(orders.byNumber(first.number()).orElseThrow().notifications())
                .hasSize(news + 1);
        purchasingShop
                .documentName("previewPlacePurchaseOrder")
                .variable("input", purchaseOrder.build())
                .execute()
                .path("previewPlacePurchaseOrder.errors[0]")
                .entity(java.util.Map.class)
                .satisfies(
                        error -> assertThat(error)
                                .containsEntry("code", "NUMBER_TAKEN")
                                .containsEntry("field", "input.number")
                                // Its supplier as agents know it: by name, not by code.
                                .containsEntry(
                                        "message",
                                        "Purchase order " + purchaseOrder.number()
                                                + " exists already (from Fjord Furniture); give this one a number of its own."));
        // The same number in another case is the same purchase order to anyone who reads it: refused, nothing placed.
        PurchaseOrderInputs lowerCase = aPurchaseOrder(supplier)
                .number(purchaseOrder.number().toLowerCase())
                .withLine("CHAIR-NEW", 1);
        placePurchaseOrder(lowerCase)
                .path("placePurchaseOrder.errors[0].code")
                .entity(String.class)
                .isEqualTo("NUMBER_TAKEN");
        assertThat(catalog.purchaseOrder(lowerCase.number())).isEmpty();
    }

    @Test
    void aLineIsNeverAllocatedToAPurchaseOrderThatDoesNotCarryItsSku() {
        placePurchaseOrder(aPurchaseOrder(supplier).withLine("SOFA-NEW", 5));
        OrderInputs order = anOrder().withBackorderedLine("CHAIR-NEW", supplier);

        placeOrder(order).path("placeOrders.orders[0].lines[1].purchaseOrder").valueIsNull();
    }

    @Test
    void aLineLargerThanWhatIsLeftWaitsToBeOrdered() {
        placePurchaseOrder(aPurchaseOrder(supplier).withLine("CHAIR-NEW", 2));
        OrderInputs order = anOrder().withLine("CHAIR-NEW", 3, "BACKORDER", supplier);

        placeOrder(order).path("placeOrders.orders[0].lines[1].purchaseOrder").valueIsNull();
    }

    @Test
    void oneBatchFillsTheEarliestPurchaseOrderFirstAndTheNextWithWhatDoesNotFit() {
        PurchaseOrderInputs early = aPurchaseOrder(supplier)
                .withLine("CHAIR-NEW", 3)
                .confirmedArrival(LocalDate.now().plusDays(5));
        PurchaseOrderInputs late = aPurchaseOrder(supplier)
                .withLine("CHAIR-NEW", 2)
                .confirmedArrival(LocalDate.now().plusDays(9));
        placePurchaseOrder(early);
        placePurchaseOrder(late);
        OrderInputs two = anOrder().withLine("CHAIR-NEW", 2, "BACKORDER", supplier);
        OrderInputs twoMore = anOrder().withLine("CHAIR-NEW", 2, "BACKORDER", supplier);
        OrderInputs one = anOrder().withLine("CHAIR-NEW", 1, "BACKORDER", supplier);
        OrderInputs oneMore = anOrder().withLine("CHAIR-NEW", 1, "BACKORDER", supplier);

        clients.shop()
                .documentName("placeOrders")
                .variable("input", batch(two, twoMore, one, oneMore))
                .execute()
                .path("placeOrders.errors")
                .entityList(Object.class)
                .hasSize(0);

        assertThat(backorderedLine(two).purchaseOrder()).isEqualTo(early.number());
        assertThat(backorderedLine(twoMore).purchaseOrder()).isEqualTo(late.number());
        assertThat(backorderedLine(one).purchaseOrder()).isEqualTo(early.number());
        assertThat(backorderedLine(oneMore).purchaseOrder()).isNull();
        assertThat(catalog.purchaseOrder(early.number()).orElseThrow().allocations())
                .hasSize(2);
        assertThat(catalog.purchaseOrder(early.number())
                        .orElseThrow()
                        .line("CHAIR-NEW")
                        .orElseThrow()
                        .allocated())
                .isEqualTo(3);
        assertThat(catalog.purchaseOrder(late.number())
                        .orElseThrow()
                        .line("CHAIR-NEW")
                        .orElseThrow()
                        .allocated())
                .isEqualTo(2);
    }

    @Test
    void manyIntakesAndAPurchaseOrderAtOnceNeverAllocateMoreThanWasOrderedNorALineTwice() throws Exception {
        int orderCount = 12;
        List<OrderInputs> placed = new ArrayList<>();
        for (int i = 0; i < orderCount; i++) {
            placed.add(anOrder().withBackorderedLine("CHAIR-NEW", supplier));
        }
        PurchaseOrderInputs purchaseOrder = aPurchaseOrder(supplier).withLine("CHAIR-NEW", 5);
        List<Callable<Object>> work = new ArrayList<>();
        placed.forEach(order -> work.add(() -> placeOrder(order)
                .path("placeOrders.errors")
                .entityList(Object.class)
                .hasSize(0)));
        work.add(
                orderCount / 2,
                () -> placePurchaseOrder(purchaseOrder)
                        .path("placePurchaseOrder.errors")
                        .entityList(Object.class)
                        .hasSize(0));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (Future<Object> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        PurchaseOrder stored = catalog.purchaseOrder(purchaseOrder.number()).orElseThrow();
        long linesWaitingForIt = placed.stream()
                .map(this::backorderedLine)
                .filter(line -> purchaseOrder.number().equals(line.purchaseOrder()))
                .count();
        assertThat(stored.line("CHAIR-NEW").orElseThrow().allocated()).isLessThanOrEqualTo(5);
        assertThat(stored.allocations()).hasSize((int) linesWaitingForIt);
        assertThat(stored.allocations().stream()
                        .map(allocation -> allocation.orderId() + "/" + allocation.lineId())
                        .distinct())
                .hasSize(stored.allocations().size());
        assertThat(stored.line("CHAIR-NEW").orElseThrow().allocated()).isEqualTo((int) linesWaitingForIt);
    }

    static Stream<Arguments> invalidPurchaseOrders() {
        return Stream.of(
                invalid("REQUIRED", "input.number", po -> po.number(" ")),
                invalid("INVALID_NUMBER", "input.number", po -> po.number("PO 1; DROP")),
                invalid("UNKNOWN_SUPPLIER", "input.supplier", po -> po.with("supplier", "NOBODY-HERE")),
                invalid("REQUIRED", "input.lines", po -> po),
                invalid("INVALID_QUANTITY", "input.lines[0].quantity", po -> po.withLine("CHAIR-NEW", 0)),
                invalid("REQUIRED", "input.lines[0].sku", po -> po.withLine(" ", 1)),
                invalid(
                        "DUPLICATE_SKU",
                        "input.lines[1].sku",
                        po -> po.withLine("CHAIR-NEW", 1).withLine("CHAIR-NEW", 2)),
                invalid(
                        "SENT_IN_FUTURE",
                        "input.sentOn",
                        po -> po.withLine("CHAIR-NEW", 1)
                                .sentOn(TestWarehouse.today().plusDays(1))),
                // Sent today (no day given for it): an arrival before is in the past, said so.
                invalid(
                        "DATE_IN_PAST",
                        "input.confirmedArrival",
                        po -> po.withLine("CHAIR-NEW", 1)
                                .confirmedArrival(LocalDate.now().minusDays(1))),
                invalid(
                        "ARRIVAL_BEFORE_SENT",
                        "input.confirmedArrival",
                        po -> po.withLine("CHAIR-NEW", 1)
                                .sentOn(TestWarehouse.today().minusDays(3))
                                .confirmedArrival(TestWarehouse.today().minusDays(5))));
    }

    private static Arguments invalid(String code, String field, UnaryOperator<PurchaseOrderInputs> change) {
        return Arguments.of(code, field, change);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("invalidPurchaseOrders")
    void rejectsABadPurchaseOrderWithATypedErrorNamingTheFieldAndStoresNothing(
            String code, String field, UnaryOperator<PurchaseOrderInputs> change) {
        OrderInputs waiting = anOrder().withBackorderedLine("CHAIR-NEW", supplier);
        placeOrder(waiting);

        GraphQlTester.Response refused = placePurchaseOrder(change.apply(aPurchaseOrder(supplier)));

        refused.path("placePurchaseOrder.purchaseOrder").valueIsNull();
        refused.path("placePurchaseOrder.errors[?(@.code == '" + code + "')].field")
                .entityList(String.class)
                .contains(field);
        assertThat(catalog.purchaseOrdersOf(supplier)).isEmpty();
        assertThat(backorderedLine(waiting).purchaseOrder()).isNull();
    }

    @Test
    void aShopWithoutThePurchasingScopeCannotPlacePurchaseOrders() {
        clients.shop()
                .documentName("placePurchaseOrder")
                .variable(
                        "input",
                        aPurchaseOrder(supplier).withLine("CHAIR-NEW", 1).build())
                .execute()
                .errors()
                .satisfy(Refusals.only(ErrorType.FORBIDDEN));
        assertThat(catalog.purchaseOrdersOf(supplier)).isEmpty();
    }
}
