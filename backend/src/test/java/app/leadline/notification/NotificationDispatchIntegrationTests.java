package app.leadline.notification;

import static app.leadline.support.Moments.NOON;
import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static app.leadline.support.TestSuppliers.BACKORDER_SUPPLIER;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.delivery.EtaWindow;
import app.leadline.order.NotificationIntent;
import app.leadline.order.Order;
import app.leadline.order.OrderChanges;
import app.leadline.order.OrderFixtures;
import app.leadline.order.OrderQueries;
import app.leadline.supplier.SupplierCatalog;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.TestSuppliers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

/** What the order's outbox holds reaches the customer once, in their language, on their channels. */
@LeadlineIntegrationTest
@TestPropertySource(
        properties = {"leadline.notifications.dispatch-interval=1h", "leadline.notifications.quiet-hours=21:00-08:00"})
class NotificationDispatchIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    OrderQueries orders;

    @Autowired
    OrderChanges changes;

    @Autowired
    NotificationDispatcher dispatcher;

    @Autowired
    MessageTemplates templates;

    @Autowired
    Notifications notifications;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    app.leadline.order.TrackingLinks links;

    @Autowired
    de.bwaldvogel.mongo.MongoBackend store;

    @Autowired
    app.leadline.order.StuckOrders stuck;

    @BeforeEach
    void suppliers() {
        TestSuppliers.register(suppliers);
    }

    private Order delayedOrder(String locale) {
        OrderInputs input = anOrder()
                .withoutConfirmation()
                .customer("locale", locale)
                .withBackorderedLine("SOFA-OSLO-3", BACKORDER_SUPPLIER);
        clients.shop()
                .documentName("placeOrders")
                .variable("input", batch(input))
                .execute();
        Order order = orders.byNumber(input.number()).orElseThrow();
        EtaWindow later = new EtaWindow(
                order.line("L2").eta().earliest().plusDays(7),
                order.line("L2").eta().latest().plusDays(7));
        new OrderFixtures(changes)
                .applyDelay(
                        order.id(),
                        "DELAY-" + input.number(),
                        Map.of("L2", later),
                        "Der Hafen wird bestreikt.",
                        "note",
                        Instant.now());
        return orders.byNumber(input.number()).orElseThrow();
    }

    private List<OutboxMessage> outboxFor(String orderNumber) {
        return mongo.find(Query.query(Criteria.where("orderNumber").is(orderNumber)), OutboxMessage.class);
    }

    /**
     * What a crash of the old embedded store left behind: the order's entry gone from the index a versioned update
     * finds it by, so every versioned write to it misses.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void makeUnchangeable(String orderNumber) {
        var collection = (de.bwaldvogel.mongo.backend.AbstractMongoCollection)
                store.resolveDatabase("leadline").resolveCollection("orders", true);
        var stored = collection
                .handleQuery(new de.bwaldvogel.mongo.bson.Document("number", orderNumber))
                .iterator()
                .next();
        List<de.bwaldvogel.mongo.backend.Index> indexes = collection.getIndexes();
        indexes.stream()
                .filter(index -> index.getName().equals("versioned_update"))
                .forEach(index -> index.remove((de.bwaldvogel.mongo.bson.Document) stored));
    }

    @Test
    void anOrderThatCannotBeChangedIsSetAsideAndEveryOtherCustomerIsStillTold() {
        OrderInputs stuckOrder = anOrder();
        List<OrderInputs> others = List.of(anOrder(), anOrder(), anOrder());
        clients.shop()
                .documentName("placeOrders")
                .variable("input", batch(stuckOrder, others.get(0), others.get(1), others.get(2)))
                .execute();
        makeUnchangeable(stuckOrder.number());

        dispatcher.dispatch(5000, NOON);

        for (OrderInputs other : others) {
            assertThat(outboxFor(other.number()))
                    .as("confirmation of %s", other.number())
                    .extracting(OutboxMessage::kind)
                    .contains("CONFIRMED");
        }
        assertThat(outboxFor(stuckOrder.number())).isEmpty();
        assertThat(stuck.all())
                .filteredOn(aside -> aside.number().equals(stuckOrder.number()))
                .singleElement()
                .satisfies(aside -> {
                    assertThat(aside.work()).isEqualTo(app.leadline.order.StuckOrders.Work.MESSAGES);
                    assertThat(aside.failures()).isEqualTo(1);
                    assertThat(aside.retryAt()).isAfter(Instant.now());
                });

        // Agents see it, with the work that could not change it.
        clients.agent("agent")
                .document("{ stuckOrders { orderNumber work failures error } }")
                .execute()
                .path("stuckOrders[?(@.orderNumber == '" + stuckOrder.number() + "')].work")
                .entityList(String.class)
                .containsExactly("MESSAGES");
        clients.anonymous()
                .document("{ stuckOrders { orderNumber } }")
                .execute()
                .errors()
                .satisfy(app.leadline.support.Refusals.only(
                        org.springframework.graphql.execution.ErrorType.UNAUTHORIZED));

        // Until its retry is due, the order is left alone: the next rounds do not fail on it again.
        dispatcher.dispatch(5000);
        assertThat(stuck.all())
                .filteredOn(aside -> aside.number().equals(stuckOrder.number()))
                .singleElement()
                .extracting(app.leadline.order.StuckOrders.StuckOrder::failures)
                .isEqualTo(1);
    }

    @Test
    void aMovedEtaReachesTheCustomerOnceByEmailAndSmsInTheirLanguage() {
        Order order = delayedOrder("de");

        dispatcher.dispatch(500, NOON);
        dispatcher.dispatch(500, NOON);

        assertThat(outboxFor(order.number()))
                .extracting(OutboxMessage::channel)
                .containsExactlyInAnyOrder(Message.Channel.EMAIL, Message.Channel.SMS);
        assertThat(outboxFor(order.number())).allSatisfy(message -> {
            assertThat(message.kind()).isEqualTo("PAST_PROMISE");
            assertThat(message.text())
                    .startsWith("Bestellung " + order.number())
                    .contains("Grund: Der Hafen wird bestreikt.");
        });
        assertThat(orders.byNumber(order.number()).orElseThrow().notifications())
                .allSatisfy(intent -> assertThat(intent.sent()).isPresent());
    }

    @Test
    void aDispatcherThatDiedAfterSendingLeavesOneMessageNotTwo() {
        Order order = delayedOrder("en");
        // A dispatcher claimed the intent a while ago, sent it, and died before recording that it had.
        List<NotificationIntent> claimed = new OrderFixtures(changes)
                .claimNotifications(order.id(), NOON.minus(Duration.ofMinutes(5)), NotificationDispatcher.LEASE);
        for (Message message : templates.render(order, claimed.get(0).news().orElseThrow(), Optional.empty())) {
            notifications.sendOnce(
                    NotificationDispatcher.messageId(order.id(), claimed.get(0).id(), message.channel()), message);
        }

        dispatcher.dispatch(500, NOON);

        assertThat(outboxFor(order.number())).hasSize(2);
        assertThat(orders.byNumber(order.number())
                        .orElseThrow()
                        .notifications()
                        .get(0)
                        .sent())
                .isPresent();
    }

    @Test
    void anIntentLeasedByAnotherDispatcherIsLeftAlone() {
        Order order = delayedOrder("da");
        new OrderFixtures(changes).claimNotifications(order.id(), NOON.minusSeconds(30), NotificationDispatcher.LEASE);

        dispatcher.dispatch(500, NOON);

        assertThat(outboxFor(order.number())).isEmpty();
    }

    @Test
    void nothingIsSentInTheCustomersQuietHours() {
        Order order = delayedOrder("da");
        Instant lateEvening = NOON.atZone(java.time.ZoneId.of("Europe/Copenhagen"))
                .withHour(23)
                .toInstant();

        dispatcher.dispatch(500, lateEvening);
        assertThat(outboxFor(order.number())).isEmpty();
        dispatcher.dispatch(500, lateEvening.plus(Duration.ofHours(7)));
        assertThat(outboxFor(order.number())).isEmpty();

        dispatcher.dispatch(500, lateEvening.plus(Duration.ofHours(10)));
        assertThat(outboxFor(order.number())).isNotEmpty();
    }

    @Test
    void customersInTheirQuietHoursDoNotHoldUpOthers() {
        OrderInputs sleeping = anOrder().customer("timeZone", "Australia/Sydney");
        OrderInputs awake = anOrder().customer("timeZone", "Europe/Copenhagen");
        clients.place(sleeping);
        clients.place(awake);
        Instant sydneyNight = NOON.atZone(java.time.ZoneId.of("Australia/Sydney"))
                .withHour(23)
                .toInstant();

        for (int i = 0; i < 100 && outboxFor(awake.number()).isEmpty(); i++) {
            dispatcher.dispatch(1, sydneyNight);
        }

        assertThat(outboxFor(awake.number())).isNotEmpty();
        assertThat(outboxFor(sleeping.number())).isEmpty();
    }

    /** A fixed-offset zone whose clock shows {@code hour} now, e.g. Etc/GMT-9 (nine hours ahead of UTC). */
    private static String zoneWhereItIs(int hour) {
        for (int ahead = -12; ahead <= 14; ahead++) {
            if (Instant.now().atOffset(java.time.ZoneOffset.ofHours(ahead)).getHour() == hour) {
                return ahead == 0 ? "Etc/GMT" : "Etc/GMT" + (ahead > 0 ? "-" + ahead : "+" + -ahead);
            }
        }
        throw new IllegalStateException("No zone at hour " + hour);
    }

    @Test
    void agentsSeeWhatWaitsForACustomersQuietHoursAndWhenItGoes() {
        String night = zoneWhereItIs(1);
        OrderInputs sleeping = anOrder().customer("timeZone", night).customer("name", "Nora Night");
        OrderInputs awake = anOrder().customer("timeZone", zoneWhereItIs(14));
        clients.place(sleeping);
        clients.place(awake);
        // The confirmation goes at the end of the quiet hours (08:00) on the customer's clock, today there.
        java.time.ZonedDateTime local = Instant.now().atZone(java.time.ZoneId.of(night));
        Instant morning = local.with(java.time.LocalTime.of(8, 0)).toInstant();

        var held = clients.agent("agent")
                .document("{ heldMessages(first: 200) { orderNumber customerName kind sendsAt timeZone } }")
                .execute();

        held.path("heldMessages[?(@.orderNumber == '" + sleeping.number() + "')].kind")
                .entityList(String.class)
                .containsExactly("CONFIRMED");
        held.path("heldMessages[?(@.orderNumber == '" + sleeping.number() + "')].customerName")
                .entityList(String.class)
                .containsExactly("Nora Night");
        held.path("heldMessages[?(@.orderNumber == '" + sleeping.number() + "')].timeZone")
                .entityList(String.class)
                .containsExactly(night);
        held.path("heldMessages[?(@.orderNumber == '" + sleeping.number() + "')].sendsAt")
                .entityList(java.time.OffsetDateTime.class)
                .satisfies(times -> assertThat(times)
                        .singleElement()
                        .satisfies(time -> assertThat(time.toInstant()).isEqualTo(morning)));
        held.path("heldMessages[?(@.orderNumber == '" + awake.number() + "')]")
                .entityList(Object.class)
                .hasSize(0);

        // Once it went, it is in the outbox and no longer held.
        dispatcher.dispatch(500, morning.plus(Duration.ofMinutes(1)));
        assertThat(outboxFor(sleeping.number())).isNotEmpty();
        clients.agent("agent")
                .document("{ heldMessages(first: 200) { orderNumber } }")
                .execute()
                .path("heldMessages[?(@.orderNumber == '" + sleeping.number() + "')]")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void heldNewsOfADelayWithdrawnMeanwhileIsNotListed() {
        OrderInputs input = anOrder()
                .withoutConfirmation()
                .customer("timeZone", zoneWhereItIs(1))
                .withBackorderedLine("SOFA-OSLO-3", BACKORDER_SUPPLIER);
        clients.place(input);
        Order order = orders.byNumber(input.number()).orElseThrow();
        EtaWindow original = order.line("L2").eta();
        OrderFixtures fixtures = new OrderFixtures(changes);
        fixtures.applyDelay(
                order.id(), "LATE-" + input.number(), Map.of("L2", shifted(original, 7)), "x", null, Instant.now());
        fixtures.applyDelay(order.id(), "BACK-" + input.number(), Map.of("L2", original), "", null, Instant.now());

        clients.agent("agent")
                .document("{ heldMessages(first: 200) { orderNumber kind } }")
                .execute()
                .path("heldMessages[?(@.orderNumber == '" + input.number() + "')]")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void twoMovesOfOneOrderWaitingTogetherBecomeOneMessage() {
        Order order = delayedOrder("en");
        delayAgain(order, 3);

        dispatcher.dispatch(500, NOON);

        assertThat(outboxFor(order.number()))
                .filteredOn(message -> message.channel() == Message.Channel.EMAIL)
                .singleElement()
                .satisfies(message -> assertThat(message.text()).contains("Reason: The ship is late too."));
        assertThat(orders.byNumber(order.number()).orElseThrow().notifications())
                .hasSize(2)
                .allSatisfy(intent -> assertThat(intent.sent()).isPresent());
    }

    @Test
    void theConfirmationTellsWhenItemsComeAndCarriesTheTrackingLinkWithinTwoSmsSegments() {
        OrderInputs input = anOrder().customer("locale", "pl").withBackorderedLine("SOFA-OSLO-3", BACKORDER_SUPPLIER);
        String token = clients.place(input);

        dispatcher.dispatch(500, NOON);

        assertThat(outboxFor(input.number()))
                .extracting(OutboxMessage::channel)
                .containsExactlyInAnyOrder(Message.Channel.EMAIL, Message.Channel.SMS);
        assertThat(outboxFor(input.number())).allSatisfy(message -> {
            assertThat(message.kind()).isEqualTo("CONFIRMED");
            assertThat(message.text()).contains(input.number()).contains("/t/" + token);
        });
        assertThat(outboxFor(input.number()))
                .filteredOn(message -> message.channel() == Message.Channel.EMAIL)
                .singleElement()
                .satisfies(message -> assertThat(message.text())
                        .contains("Item VASE-GLASS: w magazynie")
                        .contains("Item SOFA-OSLO-3: zamawiamy u dostawcy"));
        assertThat(outboxFor(input.number()))
                .filteredOn(message -> message.channel() == Message.Channel.SMS)
                .singleElement()
                .satisfies(
                        message -> assertThat(SmsSegments.count(message.text())).isLessThanOrEqualTo(2));
    }

    @Test
    void aLinkReissuedByAnAgentIsTheOneLaterMessagesCarry() {
        OrderInputs input = anOrder().withoutConfirmation().withBackorderedLine("SOFA-OSLO-3", BACKORDER_SUPPLIER);
        String first = clients.place(input);
        String reissued = links.reissue(input.number()).orElseThrow();
        Order order = orders.byNumber(input.number()).orElseThrow();
        new OrderFixtures(changes).ship(order.id(), List.of("L1"), "PostNord", "00370712345678901234", Instant.now());

        dispatcher.dispatch(500, NOON);

        assertThat(outboxFor(input.number()))
                .isNotEmpty()
                .allSatisfy(
                        message -> assertThat(message.text()).contains(reissued).doesNotContain(first));
    }

    @Test
    void aDelayTakenBackBeforeItsNewsWentOutTellsNothing() {
        Order order = delayedOrder("en");
        EtaWindow original = shifted(order.line("L2").eta(), -7);
        new OrderFixtures(changes)
                .applyDelay(order.id(), "WITHDRAWN-" + order.number(), Map.of("L2", original), "", null, Instant.now());
        assertThat(orders.byNumber(order.number()).orElseThrow().notifications())
                .extracting(NotificationIntent::kind)
                .containsExactly("PAST_PROMISE", "ETA_MOVED");

        dispatcher.dispatch(500, NOON);

        // The sofa is back on the date the customer knows: no message says it moved, or that it is late.
        assertThat(outboxFor(order.number())).isEmpty();
        assertThat(orders.byNumber(order.number()).orElseThrow().notifications())
                .allSatisfy(intent -> assertThat(intent.sent()).isPresent());
    }

    @Test
    void aDelayWithdrawnAfterItsNewsWentOutTellsTheCustomerItWasAMistake() {
        Order order = delayedOrder("en");
        EtaWindow original = shifted(order.line("L2").eta(), -7);
        dispatcher.dispatch(500, NOON);
        assertThat(outboxFor(order.number())).isNotEmpty();

        new OrderFixtures(changes)
                .withdraw(
                        order.id(),
                        "WITHDRAWAL-" + order.number(),
                        "DELAY-" + order.number(),
                        Map.of("L2", original),
                        Instant.now());
        dispatcher.dispatch(500, NOON.plusSeconds(60));

        assertThat(outboxFor(order.number()))
                .filteredOn(message -> message.kind().equals("ETA_MOVED"))
                .isNotEmpty()
                .allSatisfy(message -> assertThat(message.text())
                        .contains("Reason: The delay we told you about was recorded by mistake."))
                .filteredOn(message -> message.channel() == Message.Channel.EMAIL)
                .singleElement()
                .satisfies(email -> assertThat(email.text()).contains(humanDate(original.latest())));
    }

    @Test
    void aDelayShortenedBeforeItsNewsWentOutIsToldAsTheDatesStand() {
        Order order = delayedOrder("en");
        EtaWindow shorter = shifted(order.line("L2").eta(), -5);
        new OrderFixtures(changes)
                .applyDelay(order.id(), "SHORTER-" + order.number(), Map.of("L2", shorter), "", null, Instant.now());

        dispatcher.dispatch(500, NOON);

        // One message, with the sofa's date as it stands: two days after the one the customer knew.
        assertThat(outboxFor(order.number()))
                .filteredOn(message -> message.channel() == Message.Channel.EMAIL)
                .singleElement()
                .satisfies(message -> assertThat(message.text()).contains(humanDate(shorter.latest())));
    }

    @Test
    void newsThatCameWhileADeadDispatchersMessageWaitedToBeRecordedStillGoes() {
        Order order = delayedOrder("en");
        // A dispatcher claimed the delay's news, sent it, and died before recording that it had.
        List<NotificationIntent> claimed = new OrderFixtures(changes)
                .claimNotifications(order.id(), NOON.minus(Duration.ofMinutes(5)), NotificationDispatcher.LEASE);
        for (Message message : templates.render(order, claimed.get(0).news().orElseThrow(), Optional.empty())) {
            notifications.sendOnce(
                    NotificationDispatcher.messageId(order.id(), claimed.get(0).id(), message.channel()), message);
        }
        // Before its lease ran out, the supplier moved the sofa again.
        EtaWindow evenLater = delayAgain(order, 3);

        dispatcher.dispatch(500, NOON);

        // The first message is not sent twice; the newer date still reaches the customer.
        assertThat(outboxFor(order.number()))
                .filteredOn(message -> message.channel() == Message.Channel.EMAIL)
                .extracting(OutboxMessage::text)
                .hasSize(2)
                .anySatisfy(text -> assertThat(text)
                        .contains("Reason: The ship is late too.")
                        .contains(humanDate(evenLater.latest())));
        assertThat(orders.byNumber(order.number()).orElseThrow().notifications())
                .allSatisfy(intent -> assertThat(intent.sent()).isPresent());
    }

    @Test
    void aLateItemCancelledBeforeItsNewsWentOutIsNotToldItIsLate() {
        Order order = delayedOrder("en");
        new OrderFixtures(changes).cancelLines(order.id(), List.of("L2"), Instant.now());

        dispatcher.dispatch(500, NOON);

        // Its intent is handled, and no message says a cancelled sofa is late.
        assertThat(orders.byNumber(order.number()).orElseThrow().notifications())
                .filteredOn(intent -> intent.kind().equals("PAST_PROMISE"))
                .allSatisfy(intent -> assertThat(intent.sent()).isPresent());
        assertThat(outboxFor(order.number()))
                .extracting(OutboxMessage::kind)
                .doesNotContain("PAST_PROMISE", "ETA_MOVED");
        // What it does say: the sofa is cancelled and its reservation released, in writing.
        assertThat(outboxFor(order.number()))
                .filteredOn(message -> message.kind().equals("CANCELLED") && message.channel() == Message.Channel.EMAIL)
                .singleElement()
                .satisfies(email -> assertThat(email.text())
                        .startsWith("Order " + order.number() + ": Item SOFA-OSLO-3 cancelled, as you asked. The DKK"
                                + " 129.95 reserved on your card is released; nothing was charged.\n"));
    }

    @Test
    void goodsTakenBackBeforeTheirReadyNewsWentOutAreNotToldReady() {
        OrderInputs input = anOrder().withoutConfirmation().withBackorderedLine("SOFA-OSLO-3", BACKORDER_SUPPLIER);
        clients.place(input);
        Order order = orders.byNumber(input.number()).orElseThrow();
        OrderFixtures fixtures = new OrderFixtures(changes);
        String purchaseOrder =
                Optional.ofNullable(order.line("L2").purchaseOrder()).orElse("PO-WRONG");
        fixtures.allocate(order.id(), "L2", purchaseOrder, order.line("L2").eta(), Instant.now());
        fixtures.markReady(order.id(), List.of("L2"), order.line("L2").eta(), Instant.now());
        assertThat(orders.byNumber(input.number()).orElseThrow().notifications())
                .extracting(NotificationIntent::kind)
                .contains("READY_TO_SHIP");
        // The receipt was booked against the wrong purchase order and is taken back before the news went out.
        fixtures.returnToWaiting(order.id(), purchaseOrder, List.of("L2"), Instant.now());

        dispatcher.dispatch(500, NOON);

        assertThat(outboxFor(input.number())).extracting(OutboxMessage::kind).doesNotContain("READY_TO_SHIP");
        assertThat(orders.byNumber(input.number()).orElseThrow().notifications())
                .allSatisfy(intent -> assertThat(intent.sent()).isPresent());
    }

    /**
     * A sofa whose goods were received and taken back, its news held meanwhile (the customer's quiet hours); the
     * take-back's cascade puts it back on the date it had before the goods came. With {@code readyNewsSentFirst} the
     * ready news goes out before the take-back. Returns the messages the customer got.
     */
    private List<OutboxMessage> goodsReceivedThenTakenBack(boolean readyNewsSentFirst) {
        OrderInputs input = anOrder().withoutConfirmation().withBackorderedLine("SOFA-OSLO-3", BACKORDER_SUPPLIER);
        clients.place(input);
        Order order = orders.byNumber(input.number()).orElseThrow();
        EtaWindow known = order.line("L2").eta();
        OrderFixtures fixtures = new OrderFixtures(changes);
        Instant start = NOON.minus(Duration.ofMinutes(10));
        String purchaseOrder =
                Optional.ofNullable(order.line("L2").purchaseOrder()).orElse("PO-SOFA");
        fixtures.allocate(order.id(), "L2", purchaseOrder, known, start);
        EtaWindow leaving = new EtaWindow(
                java.time.LocalDate.now().plusDays(2), java.time.LocalDate.now().plusDays(3));
        fixtures.markReady(order.id(), List.of("L2"), leaving, start.plus(Duration.ofMinutes(1)));
        if (readyNewsSentFirst) {
            dispatcher.dispatch(500, start.plus(Duration.ofSeconds(90)));
        }
        fixtures.returnToWaiting(order.id(), purchaseOrder, List.of("L2"), start.plus(Duration.ofMinutes(2)));
        fixtures.applyDelay(
                order.id(),
                "TAKE-BACK-" + input.number(),
                Map.of("L2", known),
                "",
                "receipt taken back",
                start.plus(Duration.ofMinutes(3)));

        dispatcher.dispatch(500, NOON.plus(Duration.ofMinutes(5)));

        assertThat(orders.byNumber(input.number()).orElseThrow().notifications())
                .allSatisfy(intent -> assertThat(intent.sent()).isPresent());
        return outboxFor(input.number());
    }

    @Test
    void goodsTakenBackBeforeAnyNewsOfThemWentOutTellNothingWhenTheDateIsTheOneTheCustomerKnows() {
        // The customer never heard of the goods or the date they gave: the sofa is due as they were told.
        assertThat(goodsReceivedThenTakenBack(false))
                .extracting(OutboxMessage::kind)
                .doesNotContain("READY_TO_SHIP", "ETA_MOVED", "PAST_PROMISE");
    }

    @Test
    void goodsTakenBackAfterTheirNewsWentOutTellTheCustomerTheReadyNewsWasAMistakeAndTheDateMovedBack() {
        List<OutboxMessage> told = goodsReceivedThenTakenBack(true);

        assertThat(told).extracting(OutboxMessage::kind).contains("READY_TO_SHIP", "ETA_MOVED");
        assertThat(told)
                .filteredOn(message -> message.kind().equals("ETA_MOVED"))
                .isNotEmpty()
                .allSatisfy(message -> assertThat(message.text())
                        .startsWith(
                                message.channel() == Message.Channel.EMAIL
                                        ? "Rettelse: Vores besked om, at Item SOFA-OSLO-3 var kommet og klar til afsendelse,"
                                                + " var en fejl. Det beklager vi.\n"
                                        : "Rettelse: vores besked om klar til afsendelse var en fejl."));
    }

    @Test
    void aMoveOfLessThanADayIsNotWorthAMessage() {
        OrderInputs input = anOrder().withoutConfirmation().withBackorderedLine("SOFA-OSLO-3", BACKORDER_SUPPLIER);
        clients.place(input);
        Order order = orders.byNumber(input.number()).orElseThrow();
        EtaWindow sameLastDay = new EtaWindow(
                order.line("L2").eta().earliest().plusDays(1),
                order.line("L2").eta().latest());
        new OrderFixtures(changes)
                .applyDelay(order.id(), "SMALL-" + input.number(), Map.of("L2", sameLastDay), "x", null, NOON);

        dispatcher.dispatch(500, NOON);

        assertThat(outboxFor(input.number())).isEmpty();
        // Nothing waits to be told either.
        assertThat(orders.byNumber(input.number()).orElseThrow().notifications())
                .allSatisfy(intent -> assertThat(intent.sent()).isPresent());
    }

    @Test
    void aCustomerWhoTurnsSmsOffOnTheTrackingPageGetsEmailOnlyButStillGetsCodesTheyAskFor() {
        Order order = delayedOrder("en");
        String token = clients.place(anOrder().withoutConfirmation());
        clients.anonymous()
                .documentName("chooseMessageChannels")
                .variable("token", token)
                .variable("email", true)
                .variable("sms", false)
                .execute()
                .path("chooseMessageChannels.order.contact.smsMessages")
                .entity(Boolean.class)
                .isEqualTo(false);
        new OrderFixtures(changes).chooseMessageChannels(order.id(), true, false);

        dispatcher.dispatch(500, NOON);

        assertThat(outboxFor(order.number())).extracting(OutboxMessage::channel).containsExactly(Message.Channel.EMAIL);
        notifications.sendCode(orders.byNumber(order.number()).orElseThrow(), Message.Channel.SMS, "123456");
        assertThat(outboxFor(order.number())).extracting(OutboxMessage::kind).contains("VERIFICATION_CODE");
    }

    @Test
    void partOfAWaitingOrderBeingReadyAsksTheCustomerToChoose() {
        OrderInputs input = anOrder()
                .withoutConfirmation()
                .withBackorderedLine("SOFA-OSLO-3", BACKORDER_SUPPLIER)
                .withBackorderedLine("CHAIR-OSLO", BACKORDER_SUPPLIER);
        clients.place(input);
        Order order = orders.byNumber(input.number()).orElseThrow();
        new OrderFixtures(changes)
                .markReady(order.id(), List.of("L2"), order.line("L2").eta(), NOON);

        dispatcher.dispatch(500, NOON);

        assertThat(outboxFor(input.number()))
                .filteredOn(message -> message.channel() == Message.Channel.SMS)
                .singleElement()
                .satisfies(message -> {
                    assertThat(message.kind()).isEqualTo("CHOICE_NEEDED");
                    assertThat(message.text())
                            .contains("Item SOFA-OSLO-3 er klar")
                            .contains("/t/");
                });
    }

    @Test
    void twoCustomersWhoCancelTheItemOfTheSameLineNumberAreEachTold() {
        // Lines are numbered within their order: both sofas are L2.
        Order first = delayedOrder("en");
        Order second = delayedOrder("da");
        new OrderFixtures(changes).cancelLines(first.id(), List.of("L2"), NOON);
        dispatcher.dispatch(500, NOON);
        new OrderFixtures(changes).cancelLines(second.id(), List.of("L2"), NOON);

        dispatcher.dispatch(500, NOON);

        for (Order order : List.of(first, second)) {
            assertThat(outboxFor(order.number()))
                    .as("messages to the customer of %s", order.number())
                    .filteredOn(message -> message.kind().equals("CANCELLED"))
                    .extracting(OutboxMessage::channel)
                    .containsExactlyInAnyOrder(Message.Channel.EMAIL, Message.Channel.SMS);
        }
    }

    @Test
    void aRejectedRefundTellsTheCustomerWhy() {
        // A late sofa that shipped anyway (charged), then asked back: a refund request an agent rejects.
        Order order = delayedOrder("de");
        new OrderFixtures(changes)
                .ship(order.id(), List.of("L2"), "DHL", "JJD000123", OrderFixtures.dayAfterPromise(order, "L2"));
        String refund = new OrderFixtures(changes)
                .cancelLines(order.id(), List.of("L2"), NOON)
                .refunds()
                .get(0)
                .id();
        new OrderFixtures(changes)
                .decideRefund(order.id(), refund, false, "agent", "Die Vase ist bereits unterwegs.", NOON);

        dispatcher.dispatch(500, NOON);

        assertThat(outboxFor(order.number()))
                .filteredOn(message -> message.kind().equals("REFUND_REJECTED"))
                .isNotEmpty()
                .allSatisfy(message -> assertThat(message.text()).contains("Grund: Die Vase ist bereits unterwegs."));
    }

    /** A date as an English message writes it, e.g. "30 Dec 2026". */
    private static String humanDate(java.time.LocalDate date) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(java.util.Locale.forLanguageTag("en-GB"))
                .format(date);
    }

    private static EtaWindow shifted(EtaWindow window, int days) {
        return new EtaWindow(window.earliest().plusDays(days), window.latest().plusDays(days));
    }

    /** A second delay of the order's sofa, by the given days more, for "The ship is late too."; its new window. */
    private EtaWindow delayAgain(Order order, int days) {
        EtaWindow later = shifted(order.line("L2").eta(), days);
        new OrderFixtures(changes)
                .applyDelay(
                        order.id(),
                        "AGAIN-" + order.number(),
                        Map.of("L2", later),
                        "The ship is late too.",
                        null,
                        Instant.now());
        return later;
    }
}
