package app.leadline.order;

import static app.leadline.support.OrderInputs.anEmptyOrder;
import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static app.leadline.support.SupplierInputs.aSupplier;
import static app.leadline.support.TestSuppliers.BACKORDER_SUPPLIER;
import static app.leadline.support.TestSuppliers.DROPSHIP_SUPPLIER;
import static app.leadline.support.TestSuppliers.OPEN_PO;
import static app.leadline.support.TestSuppliers.OPEN_PO_ARRIVAL;
import static app.leadline.support.TestSuppliers.SUPPLIER_WITHOUT_OPEN_PO;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.supplier.PurchaseOrder.Allocation;
import app.leadline.supplier.SupplierCatalog;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.PurchaseOrderInputs;
import app.leadline.support.PurchasingSteps;
import app.leadline.support.TestSuppliers;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

@LeadlineIntegrationTest
class OrderIntakeIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    OrderQueries orders;

    @BeforeEach
    void suppliers() {
        TestSuppliers.register(suppliers);
    }

    private GraphQlTester.Response place(OrderInputs... orders) {
        return clients.shop()
                .documentName("placeOrders")
                .variable("input", batch(orders))
                .execute();
    }

    @Test
    void placesAnOrderMixingStockBackorderAndDropshipLinesWithAWindowEach() {
        OrderInputs order = anOrder()
                .withBackorderedLine("SOFA-OSLO-3", BACKORDER_SUPPLIER)
                .withDropshippedLine("LAMP-RHEIN", DROPSHIP_SUPPLIER);

        GraphQlTester.Response response = place(order);

        response.path("placeOrders.errors").entityList(Object.class).hasSize(0);
        response.path("placeOrders.orders[0].created").entity(Boolean.class).isEqualTo(true);
        response.path("placeOrders.orders[0].trackingUrl")
                .entity(String.class)
                .satisfies(url -> assertThat(url).matches("http://localhost:8080/t/[A-Za-z0-9_-]{43}"));
        response.path("placeOrders.orders[0].lines[*].source")
                .entityList(String.class)
                .containsExactly("STOCK", "BACKORDER", "DROPSHIP");
        response.path("placeOrders.orders[0].lines[*].status")
                .entityList(String.class)
                .containsExactly("RESERVED", "AWAITING_SUPPLIER", "AWAITING_SUPPLIER");
        response.path("placeOrders.orders[0].lines[1].purchaseOrder")
                .entity(String.class)
                .isEqualTo(OPEN_PO);
        response.path("placeOrders.orders[0].lines[1].eta.earliest")
                .entity(LocalDate.class)
                .satisfies(earliest -> assertThat(earliest).isAfter(OPEN_PO_ARRIVAL));
        response.path("placeOrders.orders[0].lines[1].promisedDate")
                .entity(LocalDate.class)
                .satisfies(promised -> assertThat(promised)
                        .isEqualTo(LocalDate.parse(response.path("placeOrders.orders[0].lines[1].eta.latest")
                                .entity(String.class)
                                .get())));
        // One complete delivery: the order's window is the backordered sofa's.
        response.path("placeOrders.orders[0].eta.latest")
                .entity(String.class)
                .isEqualTo(response.path("placeOrders.orders[0].lines[1].eta.latest")
                        .entity(String.class)
                        .get());
    }

    @Test
    void allocatesBackorderedLinesToTheSuppliersOpenPurchaseOrder() {
        OrderInputs order = anOrder().withBackorderedLine("SOFA-OSLO-3", BACKORDER_SUPPLIER);

        place(order).path("placeOrders.errors").entityList(Object.class).hasSize(0);

        String orderId = orders.byNumber(order.number()).orElseThrow().id();
        assertThat(suppliers.purchaseOrdersOf(BACKORDER_SUPPLIER))
                .filteredOn(po -> po.number().equals(OPEN_PO))
                .singleElement()
                .satisfies(po -> assertThat(po.allocations())
                        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("at")
                        .contains(new Allocation(orderId, "L2", "SOFA-OSLO-3")));
    }

    @Test
    void sendingTheSameOrderTwiceCreatesOneOrder() {
        OrderInputs order = anOrder().withBackorderedLine("SOFA-OSLO-3", BACKORDER_SUPPLIER);
        place(order).path("placeOrders.orders[0].created").entity(Boolean.class).isEqualTo(true);
        long stored = orders.count();
        String orderId = orders.byNumber(order.number()).orElseThrow().id();

        GraphQlTester.Response again = place(order);

        again.path("placeOrders.orders[0].created").entity(Boolean.class).isEqualTo(false);
        again.path("placeOrders.orders[0].trackingUrl").valueIsNull();
        again.path("placeOrders.orders[0].number").entity(String.class).isEqualTo(order.number());
        assertThat(orders.count()).isEqualTo(stored);
        assertThat(suppliers.purchaseOrdersOf(BACKORDER_SUPPLIER).stream()
                        .flatMap(po -> po.allocations().stream())
                        .filter(allocation -> allocation.orderId().equals(orderId)))
                .hasSize(1);
    }

    static Stream<Arguments> invalidOrders() {
        return Stream.of(
                invalid(
                        "UNKNOWN_SUPPLIER",
                        "orders[0].lines[1].supplier",
                        o -> o.withBackorderedLine("SOFA-OSLO-3", "NO-SUCH-SUPPLIER")),
                invalid(
                        "NO_OPEN_PURCHASE_ORDER",
                        "orders[0].lines[1].supplier",
                        o -> o.withBackorderedLine("PLANK", SUPPLIER_WITHOUT_OPEN_PO)),
                invalid(
                        "REQUIRED",
                        "orders[0].lines[1].supplier",
                        o -> o.withLine("SOFA-OSLO-3", 1, "BACKORDER", null)),
                invalid(
                        "NOT_A_DROPSHIP_SUPPLIER",
                        "orders[0].lines[1].supplier",
                        o -> o.withDropshippedLine("SOFA", BACKORDER_SUPPLIER)),
                invalid("INVALID_QUANTITY", "orders[0].lines[0].quantity", o -> o.line("quantity", 0)),
                invalid("INVALID_QUANTITY", "orders[0].lines[0].quantity", o -> o.line("quantity", -3)),
                invalid("INVALID_AMOUNT", "orders[0].lines[0].unitPrice", o -> o.line("unitPrice", "12,50")),
                invalid("INVALID_AMOUNT", "orders[0].lines[0].unitPrice", o -> o.line("unitPrice", "-1")),
                invalid("INVALID_EMAIL", "orders[0].customer.email", o -> o.customer("email", "mette(at)example.com")),
                invalid("INVALID_PHONE", "orders[0].customer.phone", o -> o.customer("phone", "20 12 34 56")),
                invalid("UNKNOWN_CURRENCY", "orders[0].currency", o -> o.currency("XYZ")),
                invalid("UNKNOWN_CURRENCY", "orders[0].currency", o -> o.currency("dkk")),
                invalid("UNSUPPORTED_LOCALE", "orders[0].customer.locale", o -> o.customer("locale", "sv")),
                invalid(
                        "INVALID_TIME_ZONE",
                        "orders[0].customer.timeZone",
                        o -> o.customer("timeZone", "Mars/Olympus")),
                invalid("INVALID_COUNTRY", "orders[0].destination.country", o -> o.destination("country", "Denmark")),
                invalid("REQUIRED", "orders[0].customer.name", o -> o.customer("name", "  ")),
                invalid("REQUIRED", "orders[0].lines[0].sku", o -> o.line("sku", "")),
                invalid("INVALID_ORDER_NUMBER", "orders[0].number", o -> o.number("#1 DROP TABLE")),
                invalid(
                        "PLACED_IN_FUTURE",
                        "orders[0].placedAt",
                        o -> o.placedAt(java.time.Instant.now().plusSeconds(86_400))));
    }

    private static Arguments invalid(String code, String field, UnaryOperator<OrderInputs> change) {
        return Arguments.of(code, field, change);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("invalidOrders")
    void rejectsInvalidInputWithATypedErrorNamingTheFieldAndStoresNothing(
            String code, String field, UnaryOperator<OrderInputs> change) {
        OrderInputs order = change.apply(anOrder());
        long before = orders.count();

        GraphQlTester.Response response = place(order);

        response.path("placeOrders.orders").entityList(Object.class).hasSize(0);
        response.path("placeOrders.errors[*].code").entityList(String.class).contains(code);
        response.path("placeOrders.errors[*].field").entityList(String.class).contains(field);
        response.path("placeOrders.errors[0].message")
                .entity(String.class)
                .satisfies(message -> assertThat(message).isNotBlank());
        assertThat(orders.byNumber(order.number())).isEmpty();
        assertThat(orders.count()).isEqualTo(before);
    }

    @Test
    void oneInvalidOrderInABatchStoresNoneOfThem() {
        OrderInputs good = anOrder();
        OrderInputs bad = anOrder().line("quantity", 0);

        GraphQlTester.Response response = place(good, bad);

        response.path("placeOrders.errors[*].field")
                .entityList(String.class)
                .containsExactly("orders[1].lines[0].quantity");
        assertThat(orders.byNumber(good.number())).isEmpty();
    }

    @Test
    void rejectsTheSameOrderNumberTwiceInOneBatch() {
        OrderInputs first = anOrder();
        OrderInputs second = anOrder().number(first.number());

        place(first, second)
                .path("placeOrders.errors[*].code")
                .entityList(String.class)
                .containsExactly("DUPLICATE_ORDER_NUMBER");
        assertThat(orders.byNumber(first.number())).isEmpty();
    }

    @Test
    void rejectsAnOrderWithoutLines() {
        OrderInputs order = anEmptyOrder();

        place(order).path("placeOrders.errors[*].code").entityList(String.class).containsExactly("NO_LINES");
        assertThat(orders.byNumber(order.number())).isEmpty();
    }

    @Test
    void aMissingRequiredFieldIsAValidationErrorNamingItAndStoresNothing() {
        Map<String, Object> order = new java.util.LinkedHashMap<>(anOrder().build());
        order.remove("currency");
        long before = orders.count();

        clients.shop()
                .documentName("placeOrders")
                .variable("input", Map.of("orders", List.of(order)))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error -> assertThat(error.getMessage()).contains("currency")));
        assertThat(orders.count()).isEqualTo(before);
    }

    @Test
    void anOrderHandedOverAMonthLateIsConfirmedWithWindowsFromTodayWhileHistoryKeepsItsOwnDay() {
        java.time.Instant monthAgo = java.time.Instant.now().minus(java.time.Duration.ofDays(30));
        OrderInputs confirmed = anOrder().placedAt(monthAgo).withDropshippedLine("LAMP-RHEIN", DROPSHIP_SUPPLIER);
        OrderInputs history = anOrder()
                .placedAt(monthAgo)
                .withDropshippedLine("LAMP-RHEIN", DROPSHIP_SUPPLIER)
                .withoutConfirmation();

        GraphQlTester.Response response = place(confirmed, history);

        response.path("placeOrders.errors").entityList(Object.class).hasSize(0);
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        // The customer is told a window still to come, not one that ended weeks before the confirmation.
        assertThat(response.path("placeOrders.orders[0].lines[*].eta.earliest")
                        .entityList(LocalDate.class)
                        .get())
                .hasSize(2)
                .allSatisfy(earliest -> assertThat(earliest).isAfterOrEqualTo(today));
        assertThat(orders.byNumber(confirmed.number()).orElseThrow().placedAt())
                .isEqualTo(monthAgo.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        // History handed over without a confirmation is promised as it was on its day.
        assertThat(response.path("placeOrders.orders[1].lines[0].eta.latest")
                        .entity(LocalDate.class)
                        .get())
                .isBefore(today);
    }

    @Test
    void theCustomerReadsWhichBackorderedItemIsStillToBeOrderedFromItsSupplier() {
        // A supplier with a lead time and nothing on order: a chair bought from it waits to be ordered.
        String withLeadTime = PurchasingSteps.defined(clients, aSupplier().leadTime(10, 15));
        String token = clients.place(anOrder()
                .withBackorderedLine("SOFA-OSLO-3", BACKORDER_SUPPLIER)
                .withBackorderedLine("CHAIR", withLeadTime));

        clients.anonymous()
                .documentName("trackOrder")
                .variable("token", token)
                .execute()
                .path("trackOrder.lines[*].toBeOrdered")
                .entityList(Boolean.class)
                .containsExactly(false, false, true);
    }

    @Test
    void aChairWaitingToBeOrderedIsNotPromisedSoonerThanTheChairOnTheSuppliersOpenPurchaseOrder() {
        // The supplier could deliver in 10-15 working days if ordered today, but confirmed the open purchase order of
        // the same chair for two months from now: a chair ordered later does not overtake it.
        String supplier = PurchasingSteps.defined(clients, aSupplier().leadTime(10, 15));
        PurchasingSteps.placed(
                clients.agent("ada", "AGENT"),
                PurchaseOrderInputs.aPurchaseOrder(supplier)
                        .withLine("CHAIR-ODER", 1)
                        .confirmedArrival(LocalDate.now().plusDays(60)));
        String onOrder = clients.place(anOrder().withBackorderedLine("CHAIR-ODER", supplier));
        String toBeOrdered = clients.place(anOrder().withBackorderedLine("CHAIR-ODER", supplier));

        var chairOnOrder = chair(onOrder);
        var chairToBeOrdered = chair(toBeOrdered);
        assertThat(chairToBeOrdered.get("toBeOrdered")).isEqualTo(true);
        assertThat(LocalDate.parse(chairToBeOrdered.get("earliest").toString()))
                .as("earliest day of the chair still to be ordered")
                .isAfterOrEqualTo(LocalDate.parse(chairOnOrder.get("earliest").toString()));
        assertThat(LocalDate.parse(chairToBeOrdered.get("latest").toString()))
                .as("latest day of the chair still to be ordered")
                .isAfterOrEqualTo(LocalDate.parse(chairOnOrder.get("latest").toString()));
    }

    /** The order's last line as its customer reads it: whether it is still to be ordered, and its window. */
    private Map<String, Object> chair(String token) {
        Map<String, Object> line = clients.anonymous()
                .documentName("trackOrder")
                .variable("token", token)
                .execute()
                .path("trackOrder.lines[1]")
                .entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        @SuppressWarnings("unchecked")
        Map<String, Object> eta = (Map<String, Object>) line.get("eta");
        return Map.of(
                "toBeOrdered", line.get("toBeOrdered"), "earliest", eta.get("earliest"), "latest", eta.get("latest"));
    }

    @Test
    void anOrderPlacedLongAgoGetsALinkThatHasAlreadyExpired() {
        OrderInputs order = anOrder().placedAt(java.time.Instant.now().minus(java.time.Duration.ofDays(400)));

        String link = place(order)
                .path("placeOrders.orders[0].trackingUrl")
                .entity(String.class)
                .get();

        assertThat(orders.byTrackingToken(link.substring(link.lastIndexOf('/') + 1)))
                .isEmpty();
    }
}
