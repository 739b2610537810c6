package app.leadline.tracking;

import static app.leadline.support.OrderInputs.anEmptyOrder;
import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.PurchaseOrderInputs.aPurchaseOrder;
import static app.leadline.support.SupplierInputs.aSupplier;
import static app.leadline.support.TestSuppliers.BACKORDER_SUPPLIER;
import static app.leadline.support.TestSuppliers.DROPSHIP_SUPPLIER;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.delivery.EtaWindow;
import app.leadline.order.LineStatus;
import app.leadline.order.Order;
import app.leadline.order.OrderChanges;
import app.leadline.order.OrderFixtures;
import app.leadline.order.OrderLine;
import app.leadline.order.OrderQueries;
import app.leadline.order.Shelf;
import app.leadline.payment.PaymentOperation;
import app.leadline.payment.RecordingPaymentGateway;
import app.leadline.platform.AuditLog;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.SupplierCatalog;
import app.leadline.support.Clients;
import app.leadline.support.DelaySteps;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.PurchaseOrderInputs;
import app.leadline.support.PurchasingSteps;
import app.leadline.support.Receipts;
import app.leadline.support.Refusals;
import app.leadline.support.TestSuppliers;
import app.leadline.support.Waiting;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The customer's choices from the tracking link: wait or split, cancel or refund, confirmed by one-time codes. */
@LeadlineIntegrationTest
class CustomerDecisionsIntegrationTests {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Autowired
    Clients clients;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    OrderQueries orders;

    @Autowired
    OrderChanges changes;

    @Autowired
    RecordingPaymentGateway payments;

    @Autowired
    Shelf shelf;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    private HttpGraphQlTester customer;
    private HttpGraphQlTester agent;

    @BeforeEach
    void setUp() {
        TestSuppliers.register(suppliers);
        customer = clients.anonymous();
        agent = clients.agent("alice");
    }

    /** A stock vase, a backordered sofa, a dropshipped lamp. */
    private static OrderInputs mixedOrder() {
        return anOrder()
                .withBackorderedLine("SOFA-OSLO-3", BACKORDER_SUPPLIER)
                .withDropshippedLine("LAMP-RHEIN", DROPSHIP_SUPPLIER);
    }

    private String place(OrderInputs order) {
        return clients.place(order);
    }

    private GraphQlTester.Response track(String token) {
        return customer.documentName("trackOrder").variable("token", token).execute();
    }

    private GraphQlTester.Response choose(String token, String preference) {
        return customer.documentName("chooseDelivery")
                .variable("token", token)
                .variable("preference", preference)
                .execute();
    }

    private GraphQlTester.Response ship(String number, String... lineIds) {
        return agent.documentName("recordShipment")
                .variable("orderNumber", number)
                .variable("lineIds", List.of(lineIds))
                .execute();
    }

    /**
     * Places the order, delays its sofa past the promise and ships it the day after that promise: a charged late line
     * (L2). Returns the order's tracking token.
     */
    private String placedWithTheSofaShippedLate(OrderInputs input) {
        String token = place(input);
        delaySofa(input.number());
        shipLate(input.number());
        return token;
    }

    /** Line L2 ships the day after its promise, and is charged. */
    private void shipLate(String number) {
        var order = orders.byNumber(number).orElseThrow();
        new OrderFixtures(changes)
                .ship(
                        order.id(),
                        List.of("L2"),
                        "PostNord",
                        "PN-" + number,
                        OrderFixtures.dayAfterPromise(order, "L2"));
    }

    private GraphQlTester.Response cancel(String token, String code, String... lineIds) {
        return customer.documentName("cancelLines")
                .variable("token", token)
                .variable("lineIds", List.of(lineIds))
                .variable("code", code)
                .execute();
    }

    /** The code the customer received, read from the embedded outbox as they would read their e-mail. */
    private String codeSentFor(String token, String channel) {
        customer.documentName("requestVerificationCode")
                .variable("token", token)
                .variable("channel", channel)
                .execute()
                .path("requestVerificationCode.errors")
                .entityList(Object.class)
                .hasSize(0);
        // Agents see that a code went out, never the code itself. Other tests' customers get messages all the
        // while (the dispatcher works in the background): the agent asks for this order's, as its page does.
        String number =
                track(token).path("trackOrder.number").entity(String.class).get();
        var ordersMessages =
                agent.documentName("outbox").variable("orderNumber", number).execute();
        assertThat(ordersMessages
                        .path("outbox[*].orderNumber")
                        .entityList(String.class)
                        .get())
                .containsOnly(number);
        String seenByAgents = ordersMessages
                .path("outbox[?(@.kind == 'VERIFICATION_CODE')].text")
                .entityList(String.class)
                .get()
                .get(0);
        assertThat(seenByAgents).contains("••••••").doesNotContainPattern(CODE);
        String text = mongo.find(
                        org.springframework.data.mongodb.core.query.Query.query(
                                        org.springframework.data.mongodb.core.query.Criteria.where("kind")
                                                .is("VERIFICATION_CODE")
                                                .and("orderNumber")
                                                .is(number))
                                .with(org.springframework.data.domain.Sort.by(
                                        org.springframework.data.domain.Sort.Direction.DESC, "createdAt"))
                                .limit(1),
                        org.bson.Document.class,
                        "outbox")
                .get(0)
                .getString("text");
        Matcher matcher = CODE.matcher(text);
        assertThat(matcher.find()).as("a 6-digit code in %s", text).isTrue();
        return matcher.group(1);
    }

    private GraphQlTester.Response chooseLanguage(String token, String language) {
        return customer.document("mutation($token: String!, $language: String!) { chooseMessageLanguage(input:"
                        + " { token: $token, language: $language }) { order { locale } errors { code field } } }")
                .variable("token", token)
                .variable("language", language)
                .execute();
    }

    /**
     * A customer whose shop wrote them down as German reads English: they choose it, and the next message comes in
     * English; a language Leadline does not speak is refused and changes nothing.
     */
    @Test
    void aCustomerChoosesTheLanguageTheirMessagesComeIn() {
        String token = place(anOrder().customer("locale", "de"));

        chooseLanguage(token, "fr")
                .path("chooseMessageLanguage.errors[0]")
                .entity(Map.class)
                .isEqualTo(Map.of("code", "UNSUPPORTED_LOCALE", "field", "input.language"));
        track(token).path("trackOrder.locale").entity(String.class).isEqualTo("de");

        chooseLanguage(token, "en")
                .path("chooseMessageLanguage.order.locale")
                .entity(String.class)
                .isEqualTo("en");

        track(token).path("trackOrder.locale").entity(String.class).isEqualTo("en");
        codeSentFor(token, "EMAIL");
        assertThat(mongo.find(
                                org.springframework.data.mongodb.core.query.Query.query(
                                        org.springframework.data.mongodb.core.query.Criteria.where("kind")
                                                .is("VERIFICATION_CODE")
                                                .and("orderNumber")
                                                .is(track(token)
                                                        .path("trackOrder.number")
                                                        .entity(String.class)
                                                        .get())),
                                org.bson.Document.class,
                                "outbox")
                        .get(0)
                        .getString("text"))
                .contains(": your code is ")
                .doesNotContain("Ihr Code");
    }

    /** A supplier delay pushes the sofa (line L2) nine days past its promise. */
    private void delaySofa(String number) {
        var order = orders.byNumber(number).orElseThrow();
        OrderLine sofa = order.line("L2");
        new OrderFixtures(changes)
                .moveEta(
                        order.id(),
                        "L2",
                        new EtaWindow(
                                sofa.eta().earliest().plusDays(9),
                                sofa.eta().latest().plusDays(9)),
                        "DELAY-" + number,
                        "The factory is behind schedule",
                        "Called the supplier, confirmed",
                        Instant.now());
    }

    // --- Wait or split -------------------------------------------------------------------------------------------

    @Test
    void offersTheChoiceWhileSomeLinesAreReadyAndOthersWait() {
        String token = place(mixedOrder());

        var order = track(token);

        order.path("trackOrder.choice.open").entity(Boolean.class).isEqualTo(true);
        order.path("trackOrder.choice.waitWindow.latest")
                .entity(String.class)
                .isEqualTo(
                        order.path("trackOrder.eta.latest").entity(String.class).get());
        order.path("trackOrder.choice.splitParcels[0].lineIds")
                .entityList(String.class)
                .containsExactly("L1");
        // The vase now, the sofa later: the lamp comes from its supplier in a parcel of its own, whatever is chosen.
        order.path("trackOrder.choice.splitParcels[*].lineIds")
                .entityList(Object.class)
                .isEqualTo(List.of(List.of("L1"), List.of("L2")));
        order.path("trackOrder.choice.extraCost").entity(String.class).isEqualTo("0.00");
        order.path("trackOrder.parcels[*].lineIds")
                .entityList(Object.class)
                .isEqualTo(List.of(List.of("L3"), List.of("L1", "L2")));
    }

    @Test
    void choosingToShipNowRecordsWhoChoseAndTheParcelsFollowAtOnce() {
        OrderInputs input = mixedOrder();
        String token = place(input);
        long revision =
                track(token).path("trackOrder.revision").entity(Long.class).get();

        var chosen = choose(token, "SHIP_AS_AVAILABLE");

        chosen.path("chooseDelivery.errors").entityList(Object.class).hasSize(0);
        // A page holding the order from before keeps this answer over it.
        chosen.path("chooseDelivery.order.revision")
                .entity(Long.class)
                .satisfies(after -> assertThat(after).isGreaterThan(revision));
        chosen.path("chooseDelivery.order.deliveryPreference")
                .entity(String.class)
                .isEqualTo("SHIP_AS_AVAILABLE");
        chosen.path("chooseDelivery.order.parcels").entityList(Object.class).hasSize(3);
        chosen.path("chooseDelivery.order.timeline[*].type")
                .entityList(String.class)
                .contains("CHOICE_MADE");
        agentView(input.number())
                .path("agentOrder.deliveryChosenBy")
                .entity(String.class)
                .isEqualTo("customer");
        // What is ready leaves now: agents find the vase proposed to ship, as goods arriving after the choice would be.
        agentView(input.number())
                .path("agentOrder.proposedShipment.lineIds")
                .entityList(String.class)
                .containsExactly("L1");

        // The shop's items in one parcel, and the lamp in its supplier's.
        choose(token, "WAIT_FOR_ALL")
                .path("chooseDelivery.order.parcels")
                .entityList(Object.class)
                .hasSize(2);
        // One delivery after all: the vase waits for the rest, so no parcel of it is proposed any longer.
        agentView(input.number()).path("agentOrder.proposedShipment").valueIsNull();
    }

    @Test
    void makingTheSameChoiceTwiceChangesNothing() {
        OrderInputs input = mixedOrder();
        String token = place(input);
        choose(token, "SHIP_AS_AVAILABLE")
                .path("chooseDelivery.errors")
                .entityList(Object.class)
                .hasSize(0);
        // The order's messages go out in the background, each sent one a change of the order's own; the second
        // choice is made once they have, so that the revision it answers can only have moved because of it.
        Waiting.until(
                () -> orders.byNumber(input.number()).orElseThrow().notifications().stream()
                        .allMatch(intent -> intent.sentAt() != null),
                Duration.ofSeconds(30),
                "the order's messages are sent");
        long revision =
                track(token).path("trackOrder.revision").entity(Long.class).get();

        var again = choose(token, "SHIP_AS_AVAILABLE");
        again.path("chooseDelivery.errors").entityList(Object.class).hasSize(0);
        again.path("chooseDelivery.order.revision").entity(Long.class).isEqualTo(revision);

        track(token)
                .path("trackOrder.timeline[?(@.type == 'CHOICE_MADE')]")
                .entityList(Object.class)
                .hasSize(1);
    }

    @Test
    void theChoiceClosesWhenTheFirstLineShips() {
        OrderInputs input = mixedOrder();
        String token = place(input);
        // The agent who ships reads beforehand that the customer may still choose (the review says the parcel ends it).
        agentView(input.number())
                .path("agentOrder.deliveryChoiceOpen")
                .entity(Boolean.class)
                .isEqualTo(true);
        shipped(input.number(), "L1");

        var refused = choose(token, "SHIP_AS_AVAILABLE");

        refused.path("chooseDelivery.errors[0].code").entity(String.class).isEqualTo("ALREADY_SHIPPED");
        refused.path("chooseDelivery.order").valueIsNull();
        track(token).path("trackOrder.deliveryPreference").entity(String.class).isEqualTo("WAIT_FOR_ALL");
        track(token).path("trackOrder.choice.open").entity(Boolean.class).isEqualTo(false);
        agentView(input.number())
                .path("agentOrder.deliveryChoiceOpen")
                .entity(Boolean.class)
                .isEqualTo(false);
    }

    /** The lamp's supplier sent it: the shop has sent nothing yet, so the customer may still choose. */
    @Test
    void aSuppliersParcelOfADropshippedItemLeavesTheChoiceOpen() {
        OrderInputs input = mixedOrder();
        String token = place(input);

        shipped(input.number(), "L3");

        var order = track(token);
        order.path("trackOrder.choice.open").entity(Boolean.class).isEqualTo(true);
        order.path("trackOrder.choice.splitParcels[*].lineIds")
                .entityList(Object.class)
                .isEqualTo(List.of(List.of("L1"), List.of("L2")));
    }

    /**
     * The sofa arrives while the lamp's supplier has not sent it yet: all the shop sends is in, so it is proposed to
     * leave at once and the customer told so, as for a complete order; before, it waited for a lamp the shop never
     * receives, and the customer was asked to choose.
     */
    @Test
    void theShopsItemsLeaveOnceTheyAreInWithoutWaitingForADropshippedOne() {
        Bought bought = purchaseOrderOf("SOFA-WITH-LAMP", 1);
        OrderInputs input = anOrder()
                .withBackorderedLine("SOFA-WITH-LAMP", bought.supplier())
                .withDropshippedLine("LAMP-RHEIN", DROPSHIP_SUPPLIER);
        place(input);

        agent.documentName("receiveGoods")
                .variable("input", Receipts.of(bought.purchaseOrder(), "SOFA-WITH-LAMP", 1))
                .execute()
                .path("receiveGoods.errors")
                .entityList(Object.class)
                .hasSize(0);

        agentView(input.number())
                .path("agentOrder.proposedShipment.lineIds")
                .entityList(String.class)
                .containsExactly("L1", "L2");
        assertThat(orders.byNumber(input.number()).orElseThrow().notifications().stream()
                        .flatMap(intent -> intent.news().stream())
                        .map(news -> news.getClass().getSimpleName()))
                .contains("ReadyToShip")
                .doesNotContain("ChoiceNeeded");
    }

    /**
     * Nothing is ready yet, but the sofa is due weeks before the table: the customer may choose now to have it when it
     * comes, rather than learn of the choice only once it is in.
     */
    @Test
    void theChoiceIsOpenBeforeAnythingIsReadyWhenItemsAreDueAtDifferentTimes() {
        String token = place(withATableToOrder(anEmptyOrder().withBackorderedLine("SOFA-OSLO-3", BACKORDER_SUPPLIER)));

        var order = track(token);

        order.path("trackOrder.choice.open").entity(Boolean.class).isEqualTo(true);
        order.path("trackOrder.choice.splitParcels[*].lineIds")
                .entityList(Object.class)
                .isEqualTo(List.of(List.of("L2"), List.of("L1")));
        choose(token, "SHIP_AS_AVAILABLE")
                .path("chooseDelivery.order.parcels")
                .entityList(Object.class)
                .hasSize(2);
    }

    @Test
    void aSegmentThatAlwaysShipsCompleteOffersNoChoice() {
        String token = place(mixedOrder().customer("segment", "B2B"));

        track(token).path("trackOrder.choice.closedReason").entity(String.class).isEqualTo("POLICY_SHIPS_COMPLETE");
        choose(token, "SHIP_AS_AVAILABLE")
                .path("chooseDelivery.errors[0].code")
                .entity(String.class)
                .isEqualTo("POLICY_SHIPS_COMPLETE");
    }

    @Test
    void anOrderWhoseLinesAreAllReadyHasNothingToSplit() {
        String token = place(anOrder().withStockLine("THROW-WOOL", 1));

        choose(token, "SHIP_AS_AVAILABLE")
                .path("chooseDelivery.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOTHING_TO_SPLIT");
    }

    /** A segment whose extra parcels cost 49.00 each in Danish kroner and 7.00 in euros. */
    private void defineSegmentWithAFee() {
        var defined = definePolicy(
                "VIP-FEE",
                List.of(Map.of("currency", "dkk", "amount", "49.00"), Map.of("currency", "EUR", "amount", "7")));
        defined.path("defineSegmentPolicy.errors").entityList(Object.class).hasSize(0);
        defined.path("defineSegmentPolicy.policy.extraParcelFees[?(@.currency == 'DKK')].inForce")
                .entityList(String.class)
                .containsExactly("49.00");
    }

    @Test
    void aSegmentsFeeIsChargedInTheOrdersOwnCurrencyAndACurrencyWithoutOneTakesTheShops() {
        defineSegmentWithAFee();
        String euros = place(mixedOrder().currency("EUR").customer("segment", "VIP-FEE"));
        String zloty = place(mixedOrder().currency("PLN").customer("segment", "VIP-FEE"));

        // One extra parcel of the shop's at the segment's 7 euros; the shop charges nothing in zloty.
        track(euros).path("trackOrder.choice.extraCost").entity(String.class).isEqualTo("7.00");
        track(zloty).path("trackOrder.choice.extraCost").entity(String.class).isEqualTo("0.00");
    }

    @Test
    void theAuditLogSaysWhatAPolicyReplacedBesideWhatItIsNow() {
        definePolicy("VIP-AUDIT", List.of(Map.of("currency", "EUR", "amount", "7")));
        definePolicy(
                "VIP-AUDIT",
                List.of(Map.of("currency", "EUR", "amount", "9"), Map.of("currency", "DKK", "amount", "60")));

        List<AuditLog.Entry> entries = mongo.findAll(AuditLog.Entry.class).stream()
                .filter(entry -> entry.target().equals("VIP-AUDIT"))
                .sorted(Comparator.comparing(AuditLog.Entry::at))
                .toList();
        assertThat(entries).hasSize(2);
        // The first defined it: nothing before. The second replaced it, and says what with.
        assertThat(entries.get(0).before()).isEmpty();
        assertThat(entries.get(1).before()).containsEntry("extraParcelFee", "EUR 7");
        assertThat(entries.get(1).after()).containsEntry("extraParcelFee", "DKK 60, EUR 9");
    }

    @Test
    void aSegmentIsOneSegmentWhateverTheCaseItIsTypedIn() {
        var defined = definePolicy("vip-case", List.of(Map.of("currency", "EUR", "amount", "7")));
        defined.path("defineSegmentPolicy.policy.segment").entity(String.class).isEqualTo("VIP-CASE");

        // The shop sends the segment as its own system spells it: the policy applies all the same.
        String euros = place(mixedOrder().currency("EUR").customer("segment", "Vip-Case"));

        track(euros).path("trackOrder.choice.extraCost").entity(String.class).isEqualTo("7.00");
        // Defining it again in capitals replaces it: there is one such segment.
        definePolicy("VIP-CASE", List.of(Map.of("currency", "EUR", "amount", "8")));
        assertThat(clients.agent("root", "AGENT", "ADMIN")
                        .document("{ segmentPolicies { segment } }")
                        .execute()
                        .path("segmentPolicies[*].segment")
                        .entityList(String.class)
                        .get())
                .filteredOn(segment -> segment.equalsIgnoreCase("vip-case"))
                .containsExactly("VIP-CASE");
    }

    @Test
    void aPolicyStoredBeforeFeesHadCurrenciesKeepsChargingItsOneFee() {
        mongo.getCollection("segmentPolicies").insertOne(org.bson.Document.parse("""
                        { "_id": "OLD-FEE", "defaultPreference": "WAIT_FOR_ALL", "customerMayChoose": true,
                          "receivingDays": [], "extraParcelFee": { "$numberDecimal": "49.00" },
                          "cancelAnyUnshippedLine": false }
                        """));

        String token = place(mixedOrder().currency("EUR").customer("segment", "OLD-FEE"));

        track(token).path("trackOrder.choice.extraCost").entity(String.class).isEqualTo("49.00");
        clients.agent("agent")
                .document("{ segmentPolicies { segment extraParcelFees { currency own } } }")
                .execute()
                .path("segmentPolicies[?(@.segment == 'OLD-FEE')].extraParcelFees[*].own")
                .entityList(String.class)
                .containsExactly("49.00", "49.00", "49.00", "49.00");
    }

    @Test
    void aSegmentThatShipsItemsAsTheyAreReadyByDefaultAsksNoFee() {
        var refused = clients.agent("root", "AGENT", "ADMIN")
                .documentName("defineSegmentPolicy")
                .variable(
                        "input",
                        Map.of(
                                "segment",
                                "SPLIT-FEE",
                                "defaultPreference",
                                "SHIP_AS_AVAILABLE",
                                "customerMayChoose",
                                true,
                                "extraParcelFees",
                                List.of(Map.of("currency", "DKK", "amount", "49.00")),
                                "cancelAnyUnshippedLine",
                                false))
                .execute();
        refused.path("defineSegmentPolicy.errors[0].code").entity(String.class).isEqualTo("FEE_WITHOUT_CHOICE");
        refused.path("defineSegmentPolicy.errors[0].field").entity(String.class).isEqualTo("input.extraParcelFees");

        // Where the shop charges for extra parcels, its own choice to split still costs the customer nothing.
        mongo.getCollection("segmentPolicies").insertOne(org.bson.Document.parse("""
                        { "_id": "SPLIT-OLD", "defaultPreference": "SHIP_AS_AVAILABLE", "customerMayChoose": true,
                          "receivingDays": [], "extraParcelFee": { "$numberDecimal": "49.00" },
                          "cancelAnyUnshippedLine": false }
                        """));
        String token = place(mixedOrder().customer("segment", "SPLIT-OLD"));
        track(token).path("trackOrder.choice.extraCost").entity(String.class).isEqualTo("0.00");
    }

    @Test
    void aFeeInNoCurrencyOrFinerThanItsCurrencyIsRefusedAtItsFieldAndNothingIsSaved() {
        var refused = definePolicy(
                "BAD-FEE",
                List.of(
                        Map.of("currency", "KRONER", "amount", "49"),
                        Map.of("currency", "DKK", "amount", "49.005"),
                        Map.of("currency", "EUR", "amount", "7"),
                        Map.of("currency", "eur", "amount", "8"),
                        // More than a store keeps exactly: refused, not saved as a rounded number.
                        Map.of("currency", "GBP", "amount", "999999999999999999999999")));

        refused.path("defineSegmentPolicy.errors[*].field")
                .entityList(String.class)
                .containsExactly(
                        "input.extraParcelFees[0].currency",
                        "input.extraParcelFees[1].amount",
                        "input.extraParcelFees[3].currency",
                        "input.extraParcelFees[4].amount");
        refused.path("defineSegmentPolicy.errors[1].message")
                .entity(String.class)
                .isEqualTo("DKK has 2 decimals.");
        refused.path("defineSegmentPolicy.errors[3].message")
                .entity(String.class)
                .isEqualTo("A fee is at most 10000.");
        refused.path("defineSegmentPolicy.policy").valueIsNull();
        clients.agent("agent")
                .document("{ segmentPolicies { segment } }")
                .execute()
                .path("segmentPolicies[?(@.segment == 'BAD-FEE')]")
                .entityList(Object.class)
                .hasSize(0);
    }

    /** An admin defines a segment that asks the customer, with the given fees per extra parcel. */
    private GraphQlTester.Response definePolicy(String segment, List<Map<String, String>> fees) {
        return clients.agent("root", "AGENT", "ADMIN")
                .documentName("defineSegmentPolicy")
                .variable(
                        "input",
                        Map.of(
                                "segment",
                                segment,
                                "defaultPreference",
                                "WAIT_FOR_ALL",
                                "customerMayChoose",
                                true,
                                "extraParcelFees",
                                fees,
                                "cancelAnyUnshippedLine",
                                false))
                .execute();
    }

    private GraphQlTester.Response choose(String token, String preference, String code) {
        return customer.documentName("chooseDeliveryWithCode")
                .variable("token", token)
                .variable("preference", preference)
                .variable("code", code)
                .execute();
    }

    private void shipped(String number, String... lineIds) {
        ship(number, lineIds)
                .path("recordShipment.errors")
                .entityList(Object.class)
                .hasSize(0);
    }

    private GraphQlTester.Response agentView(String number) {
        return agent.documentName("agentOrder").variable("number", number).execute();
    }

    private List<String> paymentsOf(String number) {
        return payments.recordedFor(number).stream()
                .map(payment -> payment.kind() + " " + payment.amount() + " " + payment.lineIds())
                .toList();
    }

    @Test
    void extraParcelsCostWhatTheSegmentPolicySaysAndAreReservedOnlyWithTheCode() {
        defineSegmentWithAFee();
        OrderInputs input = withATableToOrder(mixedOrder()).customer("segment", "VIP-FEE");
        String token = place(input);

        // The shop's three parcels (the vase, the sofa, the table) instead of one: two extra. The lamp comes from its
        // supplier in a parcel of its own either way, and costs no fee.
        track(token).path("trackOrder.choice.extraCost").entity(String.class).isEqualTo("98.00");
        track(token)
                .path("trackOrder.choice.splitNeedsCode")
                .entity(Boolean.class)
                .isEqualTo(true);

        var withoutCode = choose(token, "SHIP_AS_AVAILABLE");
        withoutCode.path("chooseDelivery.errors[0].code").entity(String.class).isEqualTo("CODE_REQUIRED");
        withoutCode.path("chooseDelivery.errors[0].field").entity(String.class).isEqualTo("input.code");
        withoutCode.path("chooseDelivery.order").valueIsNull();
        var wrongCode = choose(token, "SHIP_AS_AVAILABLE", "000000");
        wrongCode.path("chooseDelivery.errors[0].code").entity(String.class).isEqualTo("CODE_INVALID");
        track(token).path("trackOrder.deliveryPreference").entity(String.class).isEqualTo("WAIT_FOR_ALL");
        track(token).path("trackOrder.extraShipping").valueIsNull();
        assertThat(paymentsOf(input.number())).isEmpty();

        var chosen = choose(token, "SHIP_AS_AVAILABLE", codeSentFor(token, "EMAIL"));

        chosen.path("chooseDelivery.errors").entityList(Object.class).hasSize(0);
        chosen.path("chooseDelivery.order.deliveryPreference")
                .entity(String.class)
                .isEqualTo("SHIP_AS_AVAILABLE");
        chosen.path("chooseDelivery.order.extraShipping.authorised")
                .entity(String.class)
                .isEqualTo("98.00");
        chosen.path("chooseDelivery.order.extraShipping.released")
                .entity(Boolean.class)
                .isEqualTo(false);
        assertThat(paymentsOf(input.number())).containsExactly("AUTHORIZE 98.00 []");

        var back = choose(token, "WAIT_FOR_ALL", null);

        back.path("chooseDelivery.errors").entityList(Object.class).hasSize(0);
        back.path("chooseDelivery.order.extraShipping.released")
                .entity(Boolean.class)
                .isEqualTo(true);
        assertThat(paymentsOf(input.number())).containsExactly("AUTHORIZE 98.00 []", "VOID 98.00 []");
    }

    /** The order with a dining table waiting to be ordered from a supplier of its own: its window is the sofa's not. */
    private OrderInputs withATableToOrder(OrderInputs order) {
        return order.withBackorderedLine(
                "TABLE-TO-ORDER", PurchasingSteps.defined(clients, aSupplier().leadTime(5, 8)));
    }

    @Test
    void eachOfTheShopsParcelsBeyondItsFirstTakesTheFeeWithItsLinesAndTheRestIsReleasedAtTheEnd() {
        defineSegmentWithAFee();
        OrderInputs input = withATableToOrder(mixedOrder()).customer("segment", "VIP-FEE");
        String token = place(input);
        choose(token, "SHIP_AS_AVAILABLE", codeSentFor(token, "EMAIL"))
                .path("chooseDelivery.errors")
                .entityList(Object.class)
                .hasSize(0);
        var before = agentView(input.number());
        before.path("agentOrder.nextParcelExtraShipping").entity(String.class).isEqualTo("0.00");

        shipped(input.number(), "L1");
        var between = agentView(input.number());
        between.path("agentOrder.nextParcelExtraShipping").entity(String.class).isEqualTo("49.00");
        // The lamp's supplier sends it: not one of the shop's parcels, it takes no fee.
        shipped(input.number(), "L3");
        agentView(input.number())
                .path("agentOrder.nextParcelExtraShipping")
                .entity(String.class)
                .isEqualTo("49.00");
        // The sofa and the table leave together: one extra parcel, not the two the customer agreed to.
        shipped(input.number(), "L2", "L4");

        var after = agentView(input.number());
        after.path("agentOrder.extraShipping.charged").entity(String.class).isEqualTo("49.00");
        after.path("agentOrder.extraShipping.released").entity(Boolean.class).isEqualTo(true);
        after.path("agentOrder.nextParcelExtraShipping").entity(String.class).isEqualTo("0.00");
        String lines =
                track(token).path("trackOrder.orderTotal").entity(String.class).get();
        track(token)
                .path("trackOrder.totalCharged")
                .entity(String.class)
                .isEqualTo(new java.math.BigDecimal(lines)
                        .add(new java.math.BigDecimal("49.00"))
                        .toPlainString());
        List<String> sent = paymentsOf(input.number());
        assertThat(sent).hasSize(5);
        assertThat(sent.get(0)).isEqualTo("AUTHORIZE 98.00 []");
        assertThat(sent.get(1)).startsWith("CAPTURE ").endsWith(" [L1]");
        // The lamp's price alone (every test line costs 129.95): no fee with it.
        assertThat(sent.get(2)).isEqualTo("CAPTURE 129.95 [L3]");
        assertThat(sent.get(3)).startsWith("CAPTURE ").endsWith(" [L2, L4]");
        assertThat(sent.get(4)).isEqualTo("VOID 49.00 []");
    }

    @Test
    void onlyAdminsDefineSegmentPolicies() {
        agent.documentName("defineSegmentPolicy")
                .variable(
                        "input",
                        Map.of(
                                "segment",
                                "X",
                                "defaultPreference",
                                "WAIT_FOR_ALL",
                                "customerMayChoose",
                                true,
                                "cancelAnyUnshippedLine",
                                true))
                .execute()
                .errors()
                .satisfy(Refusals.only(ErrorType.FORBIDDEN));
    }

    @Test
    void agentsOnlyReachTheAgentApi() {
        customer.documentName("agentOrder")
                .variable("number", "ANY")
                .execute()
                .errors()
                .satisfy(Refusals.only(ErrorType.UNAUTHORIZED));
        clients.shop().documentName("outbox").execute().errors().satisfy(Refusals.only(ErrorType.FORBIDDEN));
    }

    // --- Cancel or refund ----------------------------------------------------------------------------------------

    @Test
    void aLineOnTimeCannotBeCancelled() {
        String token = place(mixedOrder());

        track(token)
                .path("trackOrder.lines[1].cancellable")
                .entity(Boolean.class)
                .isEqualTo(false);
        cancel(token, "123456", "L2")
                .path("cancelLines.errors[0].code")
                .entity(String.class)
                .isEqualTo("LINE_NOT_CANCELLABLE");
    }

    @Test
    void cancellingALateLineNotYetChargedVoidsItsAuthorisationAtOnce() {
        OrderInputs input = mixedOrder();
        String token = place(input);
        delaySofa(input.number());
        track(token).path("trackOrder.lines[1].late").entity(Boolean.class).isEqualTo(true);
        track(token)
                .path("trackOrder.lines[1].cancellable")
                .entity(Boolean.class)
                .isEqualTo(true);

        BigDecimal totalBefore = new BigDecimal(
                track(token).path("trackOrder.orderTotal").entity(String.class).get());

        String code = codeSentFor(token, "EMAIL");
        var cancelled = cancel(token, code, "L2");

        cancelled.path("cancelLines.errors").entityList(Object.class).hasSize(0);
        cancelled.path("cancelLines.order.lines[1].status").entity(String.class).isEqualTo("CANCELLED");
        // The order's total no longer counts the cancelled item.
        track(token)
                .path("trackOrder.orderTotal")
                .entity(String.class)
                .isEqualTo(totalBefore.subtract(new BigDecimal("129.95")).toPlainString());
        cancelled
                .path("cancelLines.order.lines[1].payment")
                .entity(String.class)
                .isEqualTo("VOIDED");
        cancelled.path("cancelLines.order.lines[0].status").entity(String.class).isEqualTo("RESERVED");
        cancelled
                .path("cancelLines.order.timeline[*].type")
                .entityList(String.class)
                .contains("LINE_CANCELLED");
        assertThat(payments.recordedFor(input.number())).singleElement().satisfies(payment -> {
            assertThat(payment.kind()).isEqualTo(PaymentOperation.Kind.VOID);
            assertThat(payment.lineIds()).containsExactly("L2");
            assertThat(payment.amount()).isEqualByComparingTo("129.95");
        });
        assertThat(orders.byNumber(input.number()).orElseThrow().pendingPayments())
                .isEmpty();
    }

    /**
     * The vase waited only for the sofa the customer cancelled: with nothing the shop sends left to wait for, it is
     * proposed to leave, and agents find it among the orders ready to ship. The lamp's supplier sends the lamp.
     */
    @Test
    void cancellingTheItemTheRestWaitedForProposesTheRestToShip() {
        OrderInputs input = mixedOrder();
        String token = place(input);
        delaySofa(input.number());
        agentView(input.number()).path("agentOrder.proposedShipment").valueIsNull();

        cancel(token, codeSentFor(token, "EMAIL"), "L2")
                .path("cancelLines.errors")
                .entityList(Object.class)
                .hasSize(0);

        agentView(input.number())
                .path("agentOrder.proposedShipment.lineIds")
                .entityList(String.class)
                .containsExactly("L1");
    }

    /** An order all in stock can leave at once: it is proposed to ship as it comes in. */
    @Test
    void anOrderAllInStockIsProposedToShipAsItComesIn() {
        OrderInputs input = anOrder().withStockLine("THROW-WOOL", 1);

        place(input);

        agentView(input.number())
                .path("agentOrder.proposedShipment.lineIds")
                .entityList(String.class)
                .containsExactly("L1", "L2");
    }

    @Test
    void sendingTheSameCancellationAgainChangesNothing() {
        OrderInputs input = mixedOrder();
        String token = place(input);
        delaySofa(input.number());
        String code = codeSentFor(token, "SMS");
        cancel(token, code, "L2");

        cancel(token, code, "L2")
                .path("cancelLines.errors")
                .entityList(Object.class)
                .hasSize(0);

        assertThat(payments.recordedFor(input.number())).hasSize(1);
    }

    @Test
    void aWrongCodeIsRefusedAndChangesNothing() {
        OrderInputs input = mixedOrder();
        String token = place(input);
        delaySofa(input.number());
        String code = codeSentFor(token, "EMAIL");
        String wrong = code.equals("000000") ? "111111" : "000000";

        cancel(token, wrong, "L2")
                .path("cancelLines.errors[0].code")
                .entity(String.class)
                .isEqualTo("CODE_INVALID");

        track(token).path("trackOrder.lines[1].status").entity(String.class).isEqualTo("AWAITING_SUPPLIER");
        assertThat(payments.recordedFor(input.number())).isEmpty();
        // The right code still works after one mistake.
        cancel(token, code, "L2")
                .path("cancelLines.errors")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void fiveWrongCodesLockTheCode() {
        OrderInputs input = mixedOrder();
        String token = place(input);
        delaySofa(input.number());
        String code = codeSentFor(token, "EMAIL");
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            cancel(token, wrong, "L2");
        }

        cancel(token, code, "L2")
                .path("cancelLines.errors[0].code")
                .entity(String.class)
                .isEqualTo("CODE_LOCKED");
        track(token).path("trackOrder.lines[1].payment").entity(String.class).isEqualTo("AUTHORIZED");
    }

    @Test
    void codesAreRateLimited() {
        String token = place(mixedOrder());
        for (int i = 0; i < 3; i++) {
            codeSentFor(token, "EMAIL");
        }

        customer.documentName("requestVerificationCode")
                .variable("token", token)
                .variable("channel", "EMAIL")
                .execute()
                .path("requestVerificationCode.errors[0].code")
                .entity(String.class)
                .isEqualTo("CODE_RATE_LIMITED");
    }

    @Test
    void theCodeGoesToTheCustomersOwnContactInTheirLanguage() {
        String token = place(mixedOrder().customer("locale", "pl").customer("email", "zofia@example.com"));

        var sent = customer.documentName("requestVerificationCode")
                .variable("token", token)
                .variable("channel", "EMAIL")
                .execute();

        sent.path("requestVerificationCode.sentTo").entity(String.class).isEqualTo("z•••@example.com");
        var message = agent.documentName("outbox").execute();
        message.path("outbox[?(@.kind == 'VERIFICATION_CODE')].recipient")
                .entityList(String.class)
                .satisfies(recipients -> assertThat(recipients.get(0)).isEqualTo("zofia@example.com"));
        message.path("outbox[?(@.kind == 'VERIFICATION_CODE')].text")
                .entityList(String.class)
                .satisfies(texts -> assertThat(texts.get(0)).contains("Twój kod"));
    }

    @Test
    void aDelayedLineThatShipsInTimeForItsPromiseOffersNoRefund() {
        OrderInputs input = mixedOrder();
        String token = place(input);
        delaySofa(input.number());
        track(token)
                .path("trackOrder.lines[1].cancellable")
                .entity(Boolean.class)
                .isEqualTo(true);

        ship(input.number(), "L2");

        // It left today and comes within days, before the date first promised: not late, nothing to ask back.
        track(token)
                .path("trackOrder.lines[1].cancellable")
                .entity(Boolean.class)
                .isEqualTo(false);
    }

    @Test
    void aChargedLateLineBecomesARefundRequestForAnAgent() {
        OrderInputs input = mixedOrder();
        String token = placedWithTheSofaShippedLate(input);
        track(token).path("trackOrder.totalCharged").entity(String.class).isEqualTo("129.95");

        var requested = cancel(token, codeSentFor(token, "EMAIL"), "L2");

        requested.path("cancelLines.order.lines[1].refund").entity(String.class).isEqualTo("REQUESTED");
        requested
                .path("cancelLines.order.lines[1].payment")
                .entity(String.class)
                .isEqualTo("CAPTURED");
        requested
                .path("cancelLines.order.timeline[*].type")
                .entityList(String.class)
                .contains("REFUND_REQUESTED");
        assertThat(payments.recordedFor(input.number()))
                .extracting(payment -> payment.kind())
                .containsExactly(PaymentOperation.Kind.CAPTURE);
    }

    @Test
    void aDeclinedRefundSaysWhyAndCannotBeAskedForAgain() {
        OrderInputs input = mixedOrder();
        String token = placedWithTheSofaShippedLate(input);
        cancel(token, codeSentFor(token, "EMAIL"), "L2");
        String refundId =
                orders.byNumber(input.number()).orElseThrow().refunds().get(0).id();
        agent.documentName("decideRefund")
                .variable(
                        "input",
                        Map.of(
                                "orderNumber",
                                input.number(),
                                "refundId",
                                refundId,
                                "approve",
                                false,
                                "reason",
                                "The sofa was delivered before you asked."))
                .execute()
                .path("decideRefund.errors")
                .entityList(Object.class)
                .hasSize(0);

        var page = track(token);

        page.path("trackOrder.lines[1].refund").entity(String.class).isEqualTo("REJECTED");
        page.path("trackOrder.lines[1].refundReason")
                .entity(String.class)
                .isEqualTo("The sofa was delivered before you asked.");
        page.path("trackOrder.lines[1].cancellable").entity(Boolean.class).isEqualTo(false);
        cancel(token, codeSentFor(token, "EMAIL"), "L2")
                .path("cancelLines.errors[0].code")
                .entity(String.class)
                .isEqualTo("LINE_NOT_CANCELLABLE");
        assertThat(orders.byNumber(input.number()).orElseThrow().refunds()).hasSize(1);
    }

    @Test
    void aRefundIsApprovedAtOnceWhenTheDelayPassesThePolicysLimit() {
        clients.agent("root", "AGENT", "ADMIN")
                .documentName("defineSegmentPolicy")
                .variable(
                        "input",
                        Map.of(
                                "segment",
                                "FAST-REFUND",
                                "defaultPreference",
                                "WAIT_FOR_ALL",
                                "customerMayChoose",
                                true,
                                "cancelAnyUnshippedLine",
                                false,
                                "autoApproveRefundAfterDaysLate",
                                3))
                .execute();
        OrderInputs input = mixedOrder().customer("segment", "FAST-REFUND");
        String token = placedWithTheSofaShippedLate(input);

        var refunded = cancel(token, codeSentFor(token, "EMAIL"), "L2");

        refunded.path("cancelLines.order.lines[1].status").entity(String.class).isEqualTo("REFUNDED");
        refunded.path("cancelLines.order.lines[1].payment").entity(String.class).isEqualTo("REFUNDED");
        // The card was charged for the sofa and the money came back: charged less paid back is what the customer keeps,
        // the vase and the lamp, which the order's total now is.
        refunded.path("cancelLines.order.totalCharged").entity(String.class).isEqualTo("129.95");
        track(token).path("trackOrder.totalRefunded").entity(String.class).isEqualTo("129.95");
        track(token).path("trackOrder.orderTotal").entity(String.class).isEqualTo("259.90");
        agentView(input.number())
                .path("agentOrder.totalRefunded")
                .entity(String.class)
                .isEqualTo("129.95");
        refunded.path("cancelLines.order.timeline[*].type")
                .entityList(String.class)
                .contains("REFUND_REQUESTED", "REFUND_DECIDED");
        assertThat(payments.recordedFor(input.number()))
                .extracting(payment -> payment.kind())
                .containsExactly(PaymentOperation.Kind.CAPTURE, PaymentOperation.Kind.REFUND);
        agentView(input.number())
                .path("agentOrder.refunds[0].state")
                .entity(String.class)
                .isEqualTo("PAID");
    }

    @Test
    void anotherOrdersLineOrAnUnknownLinkIsRefused() {
        String token = place(mixedOrder());

        cancel(token, "123456", "L99")
                .path("cancelLines.errors[0].code")
                .entity(String.class)
                .isEqualTo("UNKNOWN_LINE");
        cancel("A".repeat(43), "123456", "L1")
                .path("cancelLines.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");
        choose("not-a-token", "WAIT_FOR_ALL")
                .path("chooseDelivery.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");
    }

    // --- Concurrency ---------------------------------------------------------------------------------------------

    @Test
    void aChoiceRacingAShipmentNeverWinsSilently() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        int choicesApplied = 0;
        int choicesRefused = 0;
        try {
            for (int round = 0; round < 15; round++) {
                OrderInputs input = mixedOrder();
                String token = place(input);
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                var choice = pool.submit(() -> {
                    start.await();
                    return choose(token, "SHIP_AS_AVAILABLE")
                            .path("chooseDelivery.errors[*].code")
                            .entityList(String.class)
                            .get();
                });
                var shipment = pool.submit(() -> {
                    start.await();
                    return ship(input.number(), "L1")
                            .path("recordShipment.errors")
                            .entityList(Object.class)
                            .get();
                });
                start.countDown();
                List<String> choiceErrors = choice.get();
                assertThat(shipment.get())
                        .as("the agent's shipment always applies")
                        .isEmpty();

                var order = orders.byNumber(input.number()).orElseThrow();
                assertThat(order.line("L1").status()).isEqualTo(app.leadline.order.LineStatus.SHIPPED);
                List<String> events = order.timeline().stream()
                        .map(event -> event.type().name())
                        .toList();
                if (choiceErrors.isEmpty()) {
                    choicesApplied++;
                    assertThat(order.delivery().preference().name()).isEqualTo("SHIP_AS_AVAILABLE");
                    assertThat(events.indexOf("CHOICE_MADE")).isLessThan(events.indexOf("SHIPPED"));
                } else {
                    choicesRefused++;
                    assertThat(choiceErrors).containsExactly("ALREADY_SHIPPED");
                    assertThat(order.delivery().preference().name()).isEqualTo("WAIT_FOR_ALL");
                    assertThat(events).doesNotContain("CHOICE_MADE");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(choicesApplied + choicesRefused).isEqualTo(15);
    }

    // --- Timeline ------------------------------------------------------------------------------------------------

    @Test
    void customersReadTheDelayReasonAndAgentsAlsoTheInternalNote() {
        OrderInputs input = mixedOrder();
        String token = place(input);
        delaySofa(input.number());

        track(token)
                .path("trackOrder.timeline[?(@.type == 'ETA_MOVED')].details[?(@.key == 'reason')].value")
                .entityList(String.class)
                .containsExactly("The factory is behind schedule");
        assertThat(track(token).returnResponse().toString()).doesNotContain("Called the supplier");
        agentView(input.number())
                .path("agentOrder.timeline[?(@.type == 'ETA_MOVED')].internalNote")
                .entityList(String.class)
                .containsExactly("Called the supplier, confirmed");
    }

    /** A supplier of the shop's and a purchase order placed with it. */
    private record Bought(String supplier, String purchaseOrder) {}

    private Bought purchaseOrderOf(String sku, int units) {
        HttpGraphQlTester purchasing = clients.withToken(clients.shopToken("orders:write purchasing:write"));
        String supplier = PurchasingSteps.defined(clients, aSupplier().leadTime(10, 15));
        PurchaseOrderInputs po =
                PurchasingSteps.placed(purchasing, aPurchaseOrder(supplier).withLine(sku, units));
        return new Bought(supplier, po.number());
    }

    /** A purchase order's one unit of a SKU, the first order's line on it, and the next order's waiting to be ordered. */
    private record TheLastUnit(Bought bought, OrderInputs first, String token, OrderInputs waiting) {}

    private TheLastUnit theLastUnitOnOrder(String sku) {
        Bought bought = purchaseOrderOf(sku, 1);
        OrderInputs first = anOrder().withBackorderedLine(sku, bought.supplier());
        String token = place(first);
        OrderInputs waiting = anOrder().withBackorderedLine(sku, bought.supplier());
        place(waiting);
        return new TheLastUnit(bought, first, token, waiting);
    }

    private LineStatus lineTwo(OrderInputs order) {
        return orders.byNumber(order.number()).orElseThrow().line("L2").status();
    }

    /**
     * A late line the customer cancels gives back its unit on the purchase order it waited for: the oldest line waiting
     * to be ordered takes it, at that purchase order's date, and the buy list has one unit fewer to buy; once no line
     * waits, the next order of that SKU takes the next unit freed.
     */
    @Test
    void aCancelledLineGivesItsUnitOnThePurchaseOrderToTheLineWaitingToBeOrdered() {
        TheLastUnit lastUnit = theLastUnitOnOrder("ARMCHAIR-GIVEN");
        Bought bought = lastUnit.bought();
        OrderInputs first = lastUnit.first();
        String token = lastUnit.token();
        OrderInputs waiting = lastUnit.waiting();
        assertThat(orders.byNumber(waiting.number()).orElseThrow().line("L2").purchaseOrder())
                .as("no room: it waits to be ordered")
                .isNull();
        agent.documentName("buyList")
                .execute()
                .path("buyList[?(@.sku == 'ARMCHAIR-GIVEN')].quantity")
                .entityList(Integer.class)
                .containsExactly(1);
        delaySofa(first.number());

        cancel(token, codeSentFor(token, "EMAIL"), "L2")
                .path("cancelLines.order.lines[1].status")
                .entity(String.class)
                .isEqualTo("CANCELLED");

        Order taken = orders.byNumber(waiting.number()).orElseThrow();
        assertThat(taken.line("L2").purchaseOrder()).isEqualTo(bought.purchaseOrder());
        assertThat(suppliers.purchaseOrder(bought.purchaseOrder()).orElseThrow().allocations())
                .extracting(PurchaseOrder.Allocation::orderId)
                .containsExactly(taken.id());
        agent.documentName("buyList")
                .execute()
                .path("buyList[?(@.sku == 'ARMCHAIR-GIVEN')]")
                .entityList(Object.class)
                .hasSize(0);
    }

    /**
     * The unit a cancellation gives back on a purchase order that a SKU's delay holds goes to the line waiting to be
     * ordered, as late as the delay has that purchase order's lines, not at the date the supplier gave before it; the
     * line carries the delay, so withdrawing it brings the line back to the purchase order's own date.
     */
    @Test
    void aLineTakingAUnitGivenBackOnADelayedPurchaseOrderIsAsLateAsTheDelayHasIt() {
        TheLastUnit lastUnit = theLastUnitOnOrder("ARMCHAIR-HELD");
        Bought bought = lastUnit.bought();
        OrderInputs first = lastUnit.first();
        String token = lastUnit.token();
        OrderInputs waiting = lastUnit.waiting();
        String delay = DelaySteps.logged(
                agent, Map.of("type", "SKU", "supplier", bought.supplier(), "sku", "ARMCHAIR-HELD"), 9);
        EtaWindow delayed =
                orders.byNumber(first.number()).orElseThrow().line("L2").eta();

        cancel(token, codeSentFor(token, "EMAIL"), "L2")
                .path("cancelLines.order.lines[1].status")
                .entity(String.class)
                .isEqualTo("CANCELLED");

        OrderLine taken = orders.byNumber(waiting.number()).orElseThrow().line("L2");
        assertThat(taken.purchaseOrder()).isEqualTo(bought.purchaseOrder());
        assertThat(taken.eta())
                .as("the armchair on the purchase order the delay holds nine days")
                .isEqualTo(delayed);

        DelaySteps.withdrawn(agent, delay);

        Waiting.until(
                () -> orders.byNumber(waiting.number())
                        .orElseThrow()
                        .line("L2")
                        .eta()
                        .latest()
                        .isBefore(delayed.latest()),
                Duration.ofSeconds(20),
                "the armchair back on the purchase order's own date");
    }

    /**
     * A line refunded after it shipped took its unit with it: the shelf has none for the next line waiting, however
     * often it is looked at again (here by the next order of the SKU).
     */
    @Test
    void aLineRefundedAfterItShippedLeavesNoUnitOnTheShelf() {
        Bought bought = purchaseOrderOf("ARMCHAIR-SHIPPED", 2);
        OrderInputs first = anOrder().withBackorderedLine("ARMCHAIR-SHIPPED", bought.supplier());
        OrderInputs second = anOrder().withBackorderedLine("ARMCHAIR-SHIPPED", bought.supplier());
        String token = place(first);
        place(second);
        suppliers.recordReceipt(
                bought.purchaseOrder(), Map.of("ARMCHAIR-SHIPPED", 1), LocalDate.now(), Instant.now(), "bo");
        shelf.serve(List.of(bought.purchaseOrder()));
        assertThat(lineTwo(first)).isEqualTo(LineStatus.READY);
        assertThat(lineTwo(second)).isEqualTo(LineStatus.AWAITING_SUPPLIER);
        shipLate(first.number());

        cancel(token, codeSentFor(token, "EMAIL"), "L2");
        var asked = orders.byNumber(first.number()).orElseThrow();
        if (asked.line("L2").status() != LineStatus.REFUNDED) {
            agent.documentName("decideRefund")
                    .variable(
                            "input",
                            Map.of(
                                    "orderNumber",
                                    first.number(),
                                    "refundId",
                                    asked.refunds().get(0).id(),
                                    "approve",
                                    true,
                                    "reason",
                                    "Late"))
                    .execute()
                    .path("decideRefund.errors")
                    .entityList(Object.class)
                    .hasSize(0);
        }
        assertThat(lineTwo(first)).isEqualTo(LineStatus.REFUNDED);

        place(anOrder().withBackorderedLine("ARMCHAIR-SHIPPED", bought.supplier()));
        shelf.serve(List.of(bought.purchaseOrder()));

        assertThat(lineTwo(second)).isEqualTo(LineStatus.AWAITING_SUPPLIER);
    }
}
