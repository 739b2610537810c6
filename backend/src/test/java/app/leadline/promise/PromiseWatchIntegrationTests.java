package app.leadline.promise;

import static app.leadline.support.OrderInputs.anEmptyOrder;
import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.PurchaseOrderInputs.aPurchaseOrder;
import static app.leadline.support.SupplierInputs.aSupplier;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.CustomerNews;
import app.leadline.order.NotificationIntent;
import app.leadline.order.OrderQueries;
import app.leadline.support.Clients;
import app.leadline.support.DelaySteps;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.MovableClock;
import app.leadline.support.OrderInputs;
import app.leadline.support.PurchaseOrderInputs;
import app.leadline.support.PurchasingSteps;
import app.leadline.support.SupplierInputs;
import app.leadline.support.Waiting;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The promise watch against the whole application, with the clock moved past the promises: windows time overtook
 * move, the timeline says the line is running late, the customer is told once per move, agents list the lines, and
 * no open line nor choice ever shows a day that has passed.
 */
@LeadlineIntegrationTest
@Import(MovableClock.Configuration.class)
class PromiseWatchIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    MovableClock clock;

    @Autowired
    PromiseWatch watch;

    @Autowired
    OrderQueries orders;

    private HttpGraphQlTester shop;
    private HttpGraphQlTester agent;
    private LocalDate start;

    @BeforeEach
    void startToday() {
        clock.reset();
        start = clock.today();
        shop = clients.withToken(clients.shopToken("orders:write purchasing:write"));
        agent = clients.agent("bo");
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private String supplier(SupplierInputs defined) {
        return PurchasingSteps.defined(clients, defined);
    }

    private PurchaseOrderInputs purchaseOrder(String supplier, String sku, LocalDate arrival) {
        return PurchasingSteps.placed(
                shop, aPurchaseOrder(supplier).withLine(sku, 10).confirmedArrival(arrival));
    }

    private GraphQlTester.Response track(String token) {
        return clients.anonymous()
                .documentName("trackOrder")
                .variable("token", token)
                .execute();
    }

    /** The latest day of the order's first line, as its customer's page reads it. */
    private LocalDate firstLineLatest(String token) {
        return LocalDate.parse(track(token)
                .path("trackOrder.lines[0].eta.latest")
                .entity(String.class)
                .get());
    }

    private List<NotificationIntent> runningLateNews(String orderNumber) {
        return orders.byNumber(orderNumber).orElseThrow().notifications().stream()
                .filter(intent -> intent.news()
                        .filter(news -> news instanceof CustomerNews.PastPromise past && past.runningLate()
                                || news instanceof CustomerNews.DatesMoved moved && moved.runningLate())
                        .isPresent())
                .toList();
    }

    /** The texts of the messages telling the order's customer that a promise passed, as agents read them. */
    private List<String> runningLateMessages(String orderNumber) {
        return agent.documentName("outbox")
                .variable("orderNumber", orderNumber)
                .execute()
                .path("outbox[?(@.kind == 'PAST_PROMISE')].text")
                .entityList(String.class)
                .get();
    }

    private List<Map<String, Object>> runningLate() {
        return agent.documentName("runningLate")
                .execute()
                .path("runningLate")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    @Test
    void aDelayWithdrawnAfterTheWindowItMovedALineFromHasPassedGivesTheLineAWindowStillToComeNotThatOne() {
        String supplier = supplier(aSupplier().leadTime(10, 15));
        purchaseOrder(supplier, "CHAIR", start.plusDays(5));
        OrderInputs order = anEmptyOrder().withBackorderedLine("CHAIR", supplier);
        String token = clients.place(order);
        LocalDate before = firstLineLatest(token);
        String delay = DelaySteps.logged(agent, Map.of("type", "SKU", "supplier", supplier, "sku", "CHAIR"), 30);

        clock.moveTo(before.plusDays(3), 9);
        DelaySteps.withdrawn(agent, delay);

        LocalDate after = firstLineLatest(token);
        assertThat(after).as("not the window of before, now past").isAfterOrEqualTo(clock.today());
    }

    @Test
    void aPurchaseOrderPastItsDateMovesItsLinesOnceTellsTheCustomerOnceAndIsListedForAgents() {
        String supplier = supplier(aSupplier().leadTime(10, 15));
        PurchaseOrderInputs po = purchaseOrder(supplier, "CHAIR", start.plusDays(5));
        OrderInputs order = anEmptyOrder().withBackorderedLine("CHAIR", supplier);
        String token = clients.place(order);
        LocalDate before = firstLineLatest(token);

        LocalDate later = start.plusDays(20);
        clock.moveTo(later, 9);
        // Agents read that the next sweep moves it and tells the customer.
        assertThat(runningLate())
                .filteredOn(line -> order.number().equals(line.get("orderNumber")))
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.get("moved")).isEqualTo(false);
                    assertThat(line.get("movesNext")).isEqualTo(true);
                    assertThat(line.get("movedSincePromised")).isEqualTo(false);
                });
        PromiseWatch.Swept first = watch.sweep();
        PromiseWatch.Swept second = watch.sweep();

        assertThat(first.moved()).isPositive();
        assertThat(second.moved()).isZero();
        GraphQlTester.Response tracked = track(token);
        LocalDate earliest = LocalDate.parse(tracked.path("trackOrder.lines[0].eta.earliest")
                .entity(String.class)
                .get());
        LocalDate latest = LocalDate.parse(tracked.path("trackOrder.lines[0].eta.latest")
                .entity(String.class)
                .get());
        assertThat(earliest).isAfterOrEqualTo(later);
        assertThat(latest).isAfter(before).isAfterOrEqualTo(later);
        tracked.path("trackOrder.lines[0].late").entity(Boolean.class).isEqualTo(true);
        tracked.path("trackOrder.lines[0].cancellable").entity(Boolean.class).isEqualTo(true);
        tracked.path("trackOrder.timeline[?(@.type == 'RUNNING_LATE')]")
                .entityList(Object.class)
                .hasSize(1);
        tracked.path("trackOrder.timeline[?(@.type == 'RUNNING_LATE')].details[?(@.key == 'to')].value")
                .entityList(String.class)
                .containsExactly(latest.toString());
        assertThat(runningLateNews(order.number()))
                .singleElement()
                .satisfies(intent -> assertThat(intent.kind()).isEqualTo("PAST_PROMISE"));

        assertThat(runningLate())
                .filteredOn(line -> order.number().equals(line.get("orderNumber")))
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.get("purchaseOrder")).isEqualTo(po.number());
                    assertThat(line.get("supplier")).isEqualTo(supplier);
                    assertThat(line.get("daysOverdue")).isEqualTo(15);
                    assertThat(line.get("moved")).isEqualTo(true);
                    assertThat(line.get("movesNext")).isEqualTo(false);
                    assertThat(line.get("movedSincePromised")).isEqualTo(true);
                    assertThat(JsonPath.<String>read(line, "$.estimate.latest")).isEqualTo(latest.toString());
                });
    }

    @Test
    void aBackorderThatOutlastsItsTrackingLinkStillSendsItsCustomerALinkThatOpensTheOrder() {
        String supplier = supplier(aSupplier().leadTime(10, 15));
        purchaseOrder(supplier, "DAYBED", start.plusDays(5));
        OrderInputs order = anEmptyOrder().withBackorderedLine("DAYBED", supplier);
        String token = clients.place(order);

        // The link lasts 180 days; the goods are still not there after 390. The dispatcher, which works in the
        // background, tells the customer the line is running late.
        clock.moveTo(start.plusDays(390), 9);
        watch.sweep();
        Waiting.until(
                () -> !runningLateMessages(order.number()).isEmpty(),
                Duration.ofSeconds(30),
                "the customer told the line is running late");

        assertThat(runningLateMessages(order.number()))
                .allSatisfy(text -> assertThat(text).contains("/t/" + token));
        track(token).path("trackOrder.number").entity(String.class).isEqualTo(order.number());
    }

    @Test
    void twoInstancesSweepingAtOnceMoveTheLineOnceAndTellOnce() throws Exception {
        String supplier = supplier(aSupplier().leadTime(10, 15));
        purchaseOrder(supplier, "DESK", start.plusDays(2));
        OrderInputs order = anEmptyOrder().withBackorderedLine("DESK", supplier);
        clients.place(order);
        clock.moveTo(start.plusDays(12), 9);

        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(watch::sweep);
            var second = pool.submit(watch::sweep);
            assertThat(first.get().moved() + second.get().moved()).isEqualTo(1);
        } finally {
            pool.shutdown();
        }

        assertThat(orders.byNumber(order.number()).orElseThrow().timeline())
                .filteredOn(event -> event.type() == app.leadline.order.TimelineEvent.Type.RUNNING_LATE)
                .hasSize(1);
        assertThat(runningLateNews(order.number())).hasSize(1);
    }

    @Test
    void aConfirmedNewDateReplacesTheEstimateUntilItIsOvertakenToo() {
        String supplier = supplier(aSupplier().leadTime(10, 15));
        PurchaseOrderInputs po = purchaseOrder(supplier, "TABLE", start.plusDays(3));
        OrderInputs order = anEmptyOrder().withBackorderedLine("TABLE", supplier);
        clients.place(order);
        clock.moveTo(start.plusDays(10), 9);
        watch.sweep();
        assertThat(orders.byNumber(order.number()).orElseThrow().line("L1").isRunningLate())
                .isTrue();

        LocalDate confirmed = start.plusDays(30);
        agent.documentName("confirmPurchaseOrder")
                .variable(
                        "input",
                        Map.of(
                                "purchaseOrder", po.number(),
                                "arrival", confirmed.toString(),
                                "reasonText", "The supplier confirmed a new date."))
                .execute()
                .path("confirmPurchaseOrder.errors")
                .entityList(Object.class)
                .hasSize(0);
        Waiting.until(
                () -> !orders.byNumber(order.number()).orElseThrow().line("L1").isRunningLate(),
                Duration.ofSeconds(20),
                "the confirmed date replaced the estimate");
        watch.sweep();

        assertThat(orders.byNumber(order.number())
                        .orElseThrow()
                        .line("L1")
                        .eta()
                        .earliest())
                .isAfterOrEqualTo(confirmed);
        assertThat(runningLate()).noneMatch(line -> order.number().equals(line.get("orderNumber")));

        clock.moveTo(confirmed.plusDays(4), 9);
        watch.sweep();

        assertThat(runningLate())
                .filteredOn(line -> order.number().equals(line.get("orderNumber")))
                .singleElement()
                .satisfies(line -> assertThat(line.get("daysOverdue")).isEqualTo(4));
    }

    /**
     * A month, day by day, a sweep each morning, with orders of every kind (in stock, on a purchase order, waiting to
     * be ordered, dropshipped, mixed with the customer's choice open): no open line's window and no choice the page
     * offers ever ends before today, while purchase orders slip, goods arrive and nobody ships.
     */
    @Test
    void acrossASimulatedMonthNoOpenLineNorChoiceEverShowsAPassedDay() {
        String backorders = supplier(aSupplier().leadTime(5, 8));
        String idle = supplier(aSupplier().leadTime(4, 6));
        String dropships = supplier(aSupplier().leadTime(2, 4).dropshipping());
        PurchaseOrderInputs slipping = purchaseOrder(backorders, "SOFA", start.plusDays(6));
        PurchaseOrderInputs arriving = purchaseOrder(backorders, "LAMP", start.plusDays(4));
        List<String> tokens = new ArrayList<>();
        tokens.add(clients.place(anOrder().withStockLine("VASE", 1)));
        tokens.add(clients.place(anOrder().withBackorderedLine("SOFA", backorders)));
        tokens.add(clients.place(anOrder().withBackorderedLine("CUSHION", idle)));
        tokens.add(clients.place(anOrder().withDropshippedLine("PENDANT", dropships)));
        tokens.add(clients.place(anOrder().withStockLine("VASE", 1).withBackorderedLine("SOFA", backorders)));
        tokens.add(clients.place(anOrder().withStockLine("RUG", 1).withBackorderedLine("LAMP", backorders)));
        tokens.add(clients.place(anOrder()
                .withBackorderedLine("LAMP", backorders)
                .withDropshippedLine("PENDANT", dropships)
                .destination("country", "DE")));

        for (int day = 1; day <= 30; day++) {
            LocalDate today = start.plusDays(day);
            clock.moveTo(today, 9);
            if (day == 5) {
                agent.documentName("receiveGoods")
                        .variable("input", Map.of("purchaseOrder", arriving.number()))
                        .execute()
                        .path("receiveGoods.errors")
                        .entityList(Object.class)
                        .hasSize(0);
            }
            watch.sweep();
            for (String token : tokens) {
                assertNothingPassed(track(token), today, day);
            }
        }
        assertThat(runningLate())
                .anySatisfy(line -> assertThat(line.get("purchaseOrder")).isEqualTo(slipping.number()));
    }

    private static void assertNothingPassed(GraphQlTester.Response tracked, LocalDate today, int day) {
        String when = " on day " + day + " (" + today + ")";
        notBefore(tracked, "lines[?(@.status in ['RESERVED', 'AWAITING_SUPPLIER', 'READY'])].eta.latest", today, when);
        notBefore(tracked, "choice.splitParcels[*].eta.latest", today, when);
        notBefore(tracked, "choice.waitWindow.latest", today, when);
        notBefore(tracked, "parcels[*].eta.latest", today, when);
        notBefore(tracked, "eta.latest", today, when);
    }

    /** Every day the path finds on the tracked order (none, one or many) is today or later. */
    private static void notBefore(GraphQlTester.Response tracked, String path, LocalDate today, String when) {
        Object found = tracked.path("trackOrder").entity(Map.class).get();
        Object days = JsonPath.read(found, "$." + path);
        List<?> all = days instanceof List<?> many ? many : days == null ? List.of() : List.of(days);
        assertThat(all)
                .as(path + when)
                .allSatisfy(
                        latest -> assertThat(LocalDate.parse((String) latest)).isAfterOrEqualTo(today));
    }
}
