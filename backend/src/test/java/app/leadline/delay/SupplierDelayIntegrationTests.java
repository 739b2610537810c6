package app.leadline.delay;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static app.leadline.support.TestSuppliers.BACKORDER_SUPPLIER;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.delivery.EtaWindow;
import app.leadline.order.Order;
import app.leadline.order.OrderLine;
import app.leadline.order.OrderQueries;
import app.leadline.order.TimelineEvent;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.Supplier;
import app.leadline.supplier.SupplierCatalog;
import app.leadline.support.Clients;
import app.leadline.support.DelaySteps;
import app.leadline.support.Intents;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.Receipts;
import app.leadline.support.Refusals;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** An agent logs a supplier delay once; it reaches every affected line and customer. */
@LeadlineIntegrationTest
class SupplierDelayIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    OrderQueries orders;

    private HttpGraphQlTester agent;
    private String supplier;
    private String po;
    private LocalDate arrival;

    /** Each test gets its own supplier and purchase order, so that tests do not share affected lines. */
    @BeforeEach
    void ownSupplier() {
        agent = clients.agent("alice");
        app.leadline.support.TestSuppliers.register(suppliers);
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        supplier = "SUP-" + suffix;
        po = "PO-" + suffix;
        arrival = LocalDate.now().plusDays(20);
        suppliers.save(new Supplier(supplier, "Supplier " + suffix, new app.leadline.delivery.LeadTime(2, 4)));
        suppliers.save(PurchaseOrder.open(po, supplier, List.of("SOFA", "CHAIR"), arrival));
    }

    private OrderInputs placed(OrderInputs order) {
        clients.place(order);
        return order;
    }

    private OrderInputs sofaOrder(String email) {
        return placed(anOrder().customer("email", email).withBackorderedLine("SOFA", supplier));
    }

    private static Map<String, Object> poDelay(String po, Object daysLate) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("scope", Map.of("type", "PURCHASE_ORDER", "purchaseOrder", po));
        input.put("daysLate", daysLate);
        input.put("reasonCode", "SUPPLIER_BEHIND");
        input.put("internalNote", "Phoned the factory");
        return input;
    }

    /** The whole supplier {@code daysLate} days late, for a strike at the port. */
    private Map<String, Object> supplierDelay(int daysLate) {
        Map<String, Object> delay = new LinkedHashMap<>();
        delay.put("scope", Map.of("type", "SUPPLIER", "supplier", supplier));
        delay.put("daysLate", daysLate);
        delay.put("reasonText", "Strike at the port");
        return delay;
    }

    private GraphQlTester.Response preview(Map<String, Object> input) {
        return agent.documentName("previewDelay").variable("input", input).execute();
    }

    private String logAndWait(Map<String, Object> input) {
        return DelaySteps.logged(agent, input);
    }

    private Order order(OrderInputs input) {
        return orders.byNumber(input.number()).orElseThrow();
    }

    private static long etaMoves(Order order, String lineId) {
        return order.timeline().stream()
                .filter(event -> event.type() == TimelineEvent.Type.ETA_MOVED
                        && lineId.equals(event.details().get("line")))
                .count();
    }

    @Test
    void aDelayNeverMovesALineEarlierThoughItsSupplierWasSinceLearnedToComeEarly() {
        OrderInputs input = sofaOrder("early@example.com");
        EtaWindow before = order(input).line("L2").eta();
        // Since the order was placed, the supplier's history says its goods come two weeks before the date it gives.
        HttpGraphQlTester admin = clients.agent("ada", "AGENT", "ADMIN");
        for (int daysAgo = 90; daysAgo >= 30; daysAgo -= 10) {
            LocalDate confirmed = LocalDate.now().minusDays(daysAgo);
            Receipts.received(admin, supplier, confirmed.minusDays(30), confirmed, confirmed.minusDays(14));
        }

        logAndWait(poDelay(po, 3));

        // Learned early, three days late would still be sooner than promised: the window stays where it was.
        EtaWindow after = order(input).line("L2").eta();
        assertThat(after.earliest()).as("three days late, not earlier").isAfterOrEqualTo(before.earliest());
        assertThat(after.latest()).isAfterOrEqualTo(before.latest());
    }

    @Test
    void aDelayInsideTheWindowOfTheOrdersOneDeliveryTellsItsCustomerNothingAndItsPreviewCountsNobodyToTell() {
        String later = supplier + "-TABLES";
        suppliers.save(new Supplier(later, "Tables " + later, new app.leadline.delivery.LeadTime(2, 4)));
        suppliers.save(PurchaseOrder.open("PO-" + later, later, List.of("TABLE"), arrival.plusDays(40)));
        // One delivery, when the table comes, weeks after the sofa.
        OrderInputs together = placed(anOrder()
                .customer("email", "together@example.com")
                .withBackorderedLine("SOFA", supplier)
                .withBackorderedLine("TABLE", later));
        Order before = order(together);
        assertThat(before.delivery().preference()).isEqualTo(app.leadline.order.DeliveryPreference.WAIT_FOR_ALL);

        GraphQlTester.Response preview = preview(poDelay(po, 5));
        logAndWait(poDelay(po, 5));

        preview.path("previewDelay.preview.lines").entity(Integer.class).isEqualTo(1);
        preview.path("previewDelay.preview.customers").entity(Integer.class).isEqualTo(0);
        Order after = order(together);
        assertThat(after.line("L2").eta().latest())
                .isAfter(before.line("L2").eta().latest());
        assertThat(after.eta()).isEqualTo(before.eta());
        assertThat(Intents.afterConfirmation(after)).isEmpty();
    }

    @Test
    void aDelayForTheWholePurchaseOrderLeavesTheItemItsSupplierSaidIsLaterStillAndItsCustomerUntold() {
        OrderInputs sofa = sofaOrder("nine-days@example.com");
        OrderInputs chair =
                placed(anOrder().customer("email", "five-days@example.com").withBackorderedLine("CHAIR", supplier));
        Map<String, Object> sofasLate = new LinkedHashMap<>();
        sofasLate.put("scope", Map.of("type", "SKU", "supplier", supplier, "sku", "SOFA"));
        sofasLate.put("daysLate", 9);
        sofasLate.put("reasonCode", "SUPPLIER_BEHIND");
        logAndWait(sofasLate);
        EtaWindow nineDaysLate = order(sofa).line("L2").eta();
        LocalDate chairBefore = order(chair).line("L2").eta().latest();

        // The whole purchase order is five days late: the sofas, nine days late, are not any sooner for it.
        GraphQlTester.Response preview = preview(poDelay(po, 5));
        preview.path("previewDelay.preview.orders").entity(Integer.class).isEqualTo(1);
        preview.path("previewDelay.preview.customers").entity(Integer.class).isEqualTo(1);
        preview.path("previewDelay.preview.sample[*].orderNumber")
                .entityList(String.class)
                .containsExactly(chair.number());
        // The sofa waits for the purchase order too, and the preview says it keeps its dates.
        preview.path("previewDelay.preview.linesKept").entity(Integer.class).isEqualTo(1);
        String id = logAndWait(poDelay(po, 5));

        Order untouched = order(sofa);
        assertThat(untouched.line("L2").eta()).isEqualTo(nineDaysLate);
        assertThat(etaMoves(untouched, "L2")).isEqualTo(1);
        assertThat(Intents.afterConfirmation(untouched)).hasSize(1);
        assertThat(order(chair).line("L2").eta().latest()).isAfter(chairBefore);
        assertThat(Intents.afterConfirmation(order(chair))).hasSize(1);
        GraphQlTester.Response report =
                agent.documentName("delayReport").variable("id", id).execute();
        report.path("delayReport.movedLines").entity(Integer.class).isEqualTo(1);
        report.path("delayReport.processedOrders").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void thePreviewCountsWhatTheDelayWouldDoAndChangesNothing() {
        OrderInputs first = sofaOrder("a@example.com");
        OrderInputs second = sofaOrder("b@example.com");
        LocalDate before = order(first).line("L2").eta().latest();

        GraphQlTester.Response preview = preview(poDelay(po, 10));

        preview.path("previewDelay.errors").entityList(Object.class).hasSize(0);
        preview.path("previewDelay.preview.orders").entity(Integer.class).isEqualTo(2);
        preview.path("previewDelay.preview.lines").entity(Integer.class).isEqualTo(2);
        preview.path("previewDelay.preview.customers").entity(Integer.class).isEqualTo(2);
        preview.path("previewDelay.preview.linesNowLate").entity(Integer.class).isEqualTo(2);
        preview.path("previewDelay.preview.linesKept").entity(Integer.class).isEqualTo(0);
        preview.path("previewDelay.preview.orderValue[0].currency")
                .entity(String.class)
                .isEqualTo("DKK");
        // Each order: a vase and a sofa at 129.95 each.
        preview.path("previewDelay.preview.orderValue[0].amount")
                .entity(String.class)
                .isEqualTo("519.80");
        preview.path("previewDelay.preview.sample[*].orderNumber")
                .entityList(String.class)
                .satisfies(numbers -> assertThat(numbers).containsExactlyInAnyOrder(first.number(), second.number()));
        assertThat(order(first).line("L2").eta().latest()).isEqualTo(before);
    }

    @Test
    void everyLineADelayMovesCanBeReadBeforeItsCustomersAreToldWithTheWindowTheyWillRead() {
        List<OrderInputs> seven = java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> sofaOrder("seven-" + i + "@example.com"))
                .toList();

        // The usual review lists a few; asked for them all, every line it moves, each with its new window.
        preview(poDelay(po, 10))
                .path("previewDelay.preview.sample")
                .entityList(Object.class)
                .hasSize(5);
        GraphQlTester.Response all = agent.documentName("previewDelay")
                .variable("input", poDelay(po, 10))
                .variable("listed", 7)
                .execute();
        all.path("previewDelay.preview.sample[*].orderNumber")
                .entityList(String.class)
                .satisfies(numbers -> assertThat(numbers)
                        .containsExactlyInAnyOrderElementsOf(
                                seven.stream().map(OrderInputs::number).toList()));

        String id = logAndWait(poDelay(po, 10));
        assertThat(id).isNotBlank();
        OrderLine moved = order(seven.get(0)).line("L2");
        String path = "previewDelay.preview.sample[?(@.orderNumber == '"
                + seven.get(0).number() + "')]";
        all.path(path + ".toEarliest")
                .entityList(LocalDate.class)
                .containsExactly(moved.eta().earliest());
        all.path(path + ".to")
                .entityList(LocalDate.class)
                .containsExactly(moved.eta().latest());
    }

    @Test
    void aConfirmedDelayMovesEveryAffectedLineOnceRecordsItAndQueuesOneMessagePerOrder() {
        OrderInputs first = sofaOrder("c@example.com");
        OrderInputs second = placed(anOrder()
                .customer("locale", "de")
                .withBackorderedLine("SOFA", supplier)
                .withBackorderedLine("CHAIR", supplier));
        OrderInputs elsewhere = placed(anOrder().withBackorderedLine("SOFA-OSLO-3", BACKORDER_SUPPLIER));
        LocalDate untouched = order(elsewhere).line("L2").eta().latest();
        LocalDate promised = order(first).line("L2").promisedDate();

        String id = logAndWait(poDelay(po, 10));

        Order moved = order(first);
        assertThat(moved.line("L2").eta().latest()).isAfter(promised);
        assertThat(moved.line("L2").isLate()).isTrue();
        assertThat(etaMoves(moved, "L2")).isEqualTo(1);
        assertThat(Intents.afterConfirmation(moved))
                .singleElement()
                .satisfies(intent -> assertThat(intent.kind()).isEqualTo("PAST_PROMISE"));
        Order german = order(second);
        assertThat(etaMoves(german, "L2") + etaMoves(german, "L3")).isEqualTo(2);
        assertThat(Intents.afterConfirmation(german)).hasSize(1);
        assertThat(german.timeline().get(german.timeline().size() - 1).details().get("reason"))
                .isEqualTo("Die Produktion des Lieferanten ist im Verzug.");
        assertThat(german.timeline().get(german.timeline().size() - 1).internalNote())
                .isEqualTo("Phoned the factory");
        assertThat(order(elsewhere).line("L2").eta().latest()).isEqualTo(untouched);
        GraphQlTester.Response report =
                agent.documentName("delayReport").variable("id", id).execute();
        report.path("delayReport.movedLines").entity(Integer.class).isEqualTo(3);
        report.path("delayReport.movedOrders").entity(Integer.class).isEqualTo(2);
        report.path("delayReport.processedOrders").entity(Integer.class).isEqualTo(2);
        report.path("delayReport.createdBy").entity(String.class).isEqualTo("alice");
    }

    @Test
    void ordersPlacedAfterADelayArePromisedByTheNewDate() {
        sofaOrder("d@example.com");
        OrderInputs before = sofaOrder("e@example.com");
        logAndWait(poDelay(po, 14));

        OrderInputs after = sofaOrder("f@example.com");

        assertThat(order(after).line("L2").eta())
                .isEqualTo(order(before).line("L2").eta());
        assertThat(order(after).line("L2").isLate()).isFalse();
    }

    @Test
    void aSecondReportForTheSameScopeCorrectsTheFirst() {
        OrderInputs input = sofaOrder("g@example.com");
        logAndWait(poDelay(po, 20));
        LocalDate afterTwenty = order(input).line("L2").eta().latest();

        logAndWait(poDelay(po, 5));

        Order corrected = order(input);
        assertThat(corrected.line("L2").eta().latest()).isBefore(afterTwenty);
        assertThat(etaMoves(corrected, "L2")).isEqualTo(2);
        assertThat(Intents.afterConfirmation(corrected)).hasSize(2);
    }

    @Test
    void theReviewGivesAnItemThatWaitsForTheOrdersOneDeliveryTheWindowItsCustomerIsToldTheDeliveryComesIn() {
        // The sofa's purchase order is due in 20 days, the table's 15 days later; the customer waits for one delivery.
        String later = po + "-T";
        suppliers.save(PurchaseOrder.open(later, supplier, List.of("TABLE"), arrival.plusDays(15)));
        OrderInputs input =
                placed(anOrder().withBackorderedLine("SOFA", supplier).withBackorderedLine("TABLE", supplier));
        Map<String, Object> delay = supplierDelay(10);

        GraphQlTester.Response review = agent.documentName("previewDelay")
                .variable("input", delay)
                .variable("listed", 100)
                .execute();
        logAndWait(delay);

        // Both come in the one delivery, when the table does: the review says so of the sofa too, as the message does.
        Order moved = order(input);
        String path = "previewDelay.preview.sample[?(@.orderNumber == '" + input.number() + "')]";
        review.path(path + ".to")
                .entityList(LocalDate.class)
                .containsExactly(
                        moved.line("L3").eta().latest(), moved.line("L3").eta().latest());
        review.path(path + ".toEarliest")
                .entityList(LocalDate.class)
                .containsExactly(
                        moved.line("L3").eta().earliest(),
                        moved.line("L3").eta().earliest());
        assertThat(moved.line("L2").eta().latest())
                .isBefore(moved.line("L3").eta().latest());
    }

    @Test
    void aSupplierWideDelayAlsoReachesItsDropshippedLines() {
        OrderInputs input =
                placed(anOrder().withDropshippedLine("LAMP", supplier).withBackorderedLine("SOFA", supplier));
        Map<String, Object> delay = supplierDelay(7);

        logAndWait(delay);

        Order moved = order(input);
        assertThat(etaMoves(moved, "L2")).isEqualTo(1);
        assertThat(etaMoves(moved, "L3")).isEqualTo(1);
        assertThat(moved.line("L2").eta().latest())
                .isEqualTo(moved.line("L2").promisedDate().plusDays(7));
        assertThat(Intents.afterConfirmation(moved))
                .singleElement()
                .satisfies(intent -> assertThat(intent.details()).containsEntry("reason", "Strike at the port"));
    }

    @Test
    void aSkuDelayMovesOnlyThatSku() {
        OrderInputs input =
                placed(anOrder().withBackorderedLine("SOFA", supplier).withBackorderedLine("CHAIR", supplier));
        Map<String, Object> delay = new LinkedHashMap<>();
        delay.put("scope", Map.of("type", "SKU", "supplier", supplier, "sku", "CHAIR"));
        delay.put("newDate", arrival.plusDays(30).toString());
        delay.put("reasonCode", "QUALITY_CHECK");

        logAndWait(delay);

        assertThat(etaMoves(order(input), "L2")).isZero();
        assertThat(etaMoves(order(input), "L3")).isEqualTo(1);
    }

    @Test
    void rejectsBadDelaysWithTypedErrorsAndChangesNothing() {
        OrderInputs input = sofaOrder("h@example.com");
        String received = po + "-R";
        suppliers.save(new PurchaseOrder(
                received, supplier, List.of("SOFA"), arrival, PurchaseOrder.Status.RECEIVED, List.of(), arrival, null));
        List<Map.Entry<Map<String, Object>, String>> cases = new ArrayList<>();
        cases.add(Map.entry(poDelay("PO-NOPE", 3), "UNKNOWN_PURCHASE_ORDER"));
        cases.add(Map.entry(poDelay(received, 3), "PURCHASE_ORDER_RECEIVED"));
        cases.add(Map.entry(poDelay(po, 0), "INVALID_DAYS"));
        Map<String, Object> past = poDelay(po, null);
        past.put("newDate", LocalDate.now().minusDays(1).toString());
        cases.add(Map.entry(past, "DATE_IN_PAST"));
        Map<String, Object> both = poDelay(po, 3);
        both.put("newDate", arrival.plusDays(3).toString());
        cases.add(Map.entry(both, "CHANGE_REQUIRED"));
        Map<String, Object> noReason = poDelay(po, 3);
        noReason.remove("reasonCode");
        noReason.put("reasonText", "   ");
        cases.add(Map.entry(noReason, "REQUIRED"));
        Map<String, Object> unknownReason = poDelay(po, 3);
        unknownReason.put("reasonCode", "ALIENS");
        cases.add(Map.entry(unknownReason, "UNKNOWN_REASON"));
        Map<String, Object> unknownSupplier = poDelay(po, 3);
        unknownSupplier.put("scope", Map.of("type", "SUPPLIER", "supplier", "NOBODY"));
        cases.add(Map.entry(unknownSupplier, "UNKNOWN_SUPPLIER"));
        Map<String, Object> noSupplier = poDelay(po, 3);
        noSupplier.put("scope", Map.of("type", "SUPPLIER", "supplier", " "));
        cases.add(Map.entry(noSupplier, "REQUIRED"));

        for (var bad : cases) {
            agent.documentName("logDelay")
                    .variable("input", bad.getKey())
                    .execute()
                    .path("logDelay.errors[*].code")
                    .entityList(String.class)
                    .contains(bad.getValue());
        }

        // Neither a date nor days: the agent is asked for one, not told off for giving both.
        agent.documentName("logDelay")
                .variable("input", poDelay(po, null))
                .execute()
                .path("logDelay.errors[0].message")
                .entity(String.class)
                .isEqualTo("Give the new date or how many days late.");

        assertThat(etaMoves(order(input), "L2")).isZero();
        assertThat(suppliers.purchaseOrder(po).orElseThrow().expectedArrival()).isEqualTo(arrival);
    }

    @Test
    void adminsKeepTheReasonsAndCustomersReadThemInTheirLanguage() {
        OrderInputs german = placed(anOrder().customer("locale", "de").withBackorderedLine("SOFA", supplier));
        var admin = clients.agent("root", "AGENT", "ADMIN");
        admin.documentName("defineDelayReason")
                .variable(
                        "input",
                        Map.of(
                                "code",
                                "CANAL_BLOCKED",
                                "texts",
                                List.of(
                                        Map.of("language", "en", "text", "A ship is stuck in the canal."),
                                        Map.of("language", "de", "text", "Ein Schiff steckt im Kanal fest."))))
                .execute()
                .path("defineDelayReason.errors")
                .entityList(Object.class)
                .hasSize(0);
        Map<String, Object> delay = poDelay(po, 4);
        delay.put("reasonCode", "CANAL_BLOCKED");

        logAndWait(delay);

        Order order = order(german);
        assertThat(order.timeline().get(order.timeline().size() - 1).details().get("reason"))
                .isEqualTo("Ein Schiff steckt im Kanal fest.");
        admin.documentName("defineDelayReason")
                .variable("input", Map.of("code", "bad code", "texts", List.of(Map.of("language", "sv", "text", "x"))))
                .execute()
                .path("defineDelayReason.errors[*].code")
                .entityList(String.class)
                .contains("INVALID_CODE", "REQUIRED", "UNSUPPORTED_LOCALE");
        agent.documentName("defineDelayReason")
                .variable(
                        "input",
                        Map.of("code", "AGENTS_REASON", "texts", List.of(Map.of("language", "en", "text", "x"))))
                .execute()
                .errors()
                .satisfy(Refusals.only(ErrorType.FORBIDDEN));
    }

    @Test
    void onlyAgentsLogDelays() {
        clients.shop()
                .documentName("logDelay")
                .variable("input", poDelay(po, 3))
                .execute()
                .errors()
                .satisfy(Refusals.only(ErrorType.FORBIDDEN));
        clients.anonymous()
                .documentName("previewDelay")
                .variable("input", poDelay(po, 3))
                .execute()
                .errors()
                .satisfy(Refusals.only(ErrorType.UNAUTHORIZED));
    }

    @Test
    void customersReadTheNewWindowAndTheReasonOnTheirPage() {
        OrderInputs input = anOrder().withBackorderedLine("SOFA", supplier);
        String link = clients.shop()
                .documentName("placeOrders")
                .variable("input", batch(input))
                .execute()
                .path("placeOrders.orders[0].trackingUrl")
                .entity(String.class)
                .get();
        logAndWait(poDelay(po, 10));

        GraphQlTester.Response tracked = clients.anonymous()
                .documentName("trackOrder")
                .variable("token", link.substring(link.lastIndexOf('/') + 1))
                .execute();

        tracked.path("trackOrder.lines[1].late").entity(Boolean.class).isEqualTo(true);
        tracked.path("trackOrder.lines[1].cancellable").entity(Boolean.class).isEqualTo(true);
        tracked.path("trackOrder.timeline[?(@.type == 'ETA_MOVED')].details[?(@.key == 'reason')].value")
                .entityList(String.class)
                .containsExactly("Leverandørens produktion er forsinket.");
        // A page switched to another language says the reason in that one.
        tracked.path("trackOrder.timeline[?(@.type == 'ETA_MOVED')].reasonTexts[*].language")
                .entityList(String.class)
                .containsExactly("en", "da", "de", "pl");
        tracked.path("trackOrder.timeline[?(@.type == 'ETA_MOVED')].reasonTexts[?(@.language == 'de')].text")
                .entityList(String.class)
                .containsExactly("Die Produktion des Lieferanten ist im Verzug.");
        assertThat(tracked.returnResponse().toString()).doesNotContain("Phoned the factory");

        // Words typed for one delay read as written, in every language.
        Map<String, Object> typed = poDelay(po, 20);
        typed.remove("reasonCode");
        typed.put("reasonText", "Stormen har lukket havnen i Gdańsk.");
        logAndWait(typed);
        clients.anonymous()
                .documentName("trackOrder")
                .variable("token", link.substring(link.lastIndexOf('/') + 1))
                .execute()
                .path("trackOrder.timeline[?(@.type == 'ETA_MOVED')].reasonTexts")
                .entityList(Object.class)
                .hasSize(2)
                .satisfies(texts -> assertThat(texts.get(1)).isEqualTo(List.of()));
    }
}
