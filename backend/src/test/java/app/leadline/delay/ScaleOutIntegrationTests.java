package app.leadline.delay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.LeadlineApplication;
import app.leadline.order.BenchmarkOrders;
import app.leadline.order.Order;
import app.leadline.order.OrderQueries;
import app.leadline.order.TimelineEvent;
import app.leadline.platform.WholeDocuments;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.Supplier;
import app.leadline.supplier.SupplierCatalog;
import app.leadline.support.BesideTheOthers;
import app.leadline.support.Waiting;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import de.bwaldvogel.mongo.MongoServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Three instances of Leadline over one shared store, as in production behind a load balancer: every message
 * goes out once however many dispatchers run, and a delay whose instance died half-way is finished by the others.
 *
 * <p>Not beside the other test classes ({@link BesideTheOthers}): its applications start in this JVM, and Spring Boot
 * sets up logging for the whole JVM at every start and stop, so one starting beside another fails now and then.
 */
class ScaleOutIntegrationTests {

    private final MongoServer store = new MongoServer(WholeDocuments.memoryBackend());
    private final WireMockServer twilio = new WireMockServer(wireMockConfig().dynamicPort());
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @BeforeEach
    void start() {
        store.enableOplog();
        store.bind("127.0.0.1", 0);
        twilio.start();
        twilio.stubFor(post(urlPathMatching("/2010-04-01/Accounts/.*/Messages.json"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM00000000000000000000000000000e01\", \"status\": \"queued\"}")));
    }

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        twilio.stop();
        store.shutdownNow();
    }

    private ConfigurableApplicationContext instance(String... extra) {
        String[] args = Stream.concat(
                        Stream.of(
                                "server.port=0",
                                "spring.mongodb.uri=mongodb://127.0.0.1:"
                                        + store.getLocalAddress().getPort() + "/leadline",
                                "leadline.demo.enabled=false",
                                "leadline.notifications.echo=false",
                                "leadline.notifications.dispatch-interval=200ms",
                                "leadline.notifications.quiet-hours=00:00-00:00",
                                "leadline.notifications.sms-per-second=1000",
                                "leadline.twilio.account-sid=AC00000000000000000000000000000001",
                                "leadline.twilio.auth-token=scale-token",
                                "leadline.twilio.from=+4570000000",
                                "leadline.twilio.api-base-url=http://localhost:" + twilio.port(),
                                "leadline.delays.chunk-size=5",
                                "leadline.delays.chunk-lease=2s",
                                "leadline.delays.sweep-interval=500ms",
                                "leadline.tracking.link-key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="),
                        Stream.of(extra))
                // Later settings (the test's own) win over the defaults above.
                .collect(Collectors.toMap(
                        property -> property.substring(0, property.indexOf('=')),
                        property -> property,
                        (earlier, later) -> later,
                        java.util.LinkedHashMap::new))
                .values()
                .stream()
                .map(property -> "--" + property)
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LeadlineApplication.class).run(args);
        instances.add(context);
        return context;
    }

    @Test
    void threeInstancesSendEveryMessageExactlyOnce() {
        ConfigurableApplicationContext first = instance();
        instance();
        instance();

        // 300 orders handed over at once: their confirmations wait in the shared store for any dispatcher.
        BenchmarkOrders.insertWithConfirmations(first.getBean(MongoTemplate.class), 300);

        OrderQueries orders = instances.get(1).getBean(OrderQueries.class);
        Waiting.until(
                () -> orders.withUnsentNotifications(1).isEmpty(), Duration.ofSeconds(60), "every confirmation sent");

        List<LoggedRequest> sent = twilio.findAll(postRequestedFor(urlPathMatching(".*/Messages.json")));
        Map<String, Long> perCustomer = sent.stream()
                .collect(Collectors.groupingBy(
                        request -> request.getBodyAsString().replaceAll(".*To=([^&]+).*", "$1"),
                        Collectors.counting()));
        assertThat(perCustomer).hasSize(300);
        assertThat(perCustomer.values()).allMatch(count -> count == 1);
    }

    @Test
    void aDelayWhoseInstanceDiedHalfWayIsFinishedByTheOthers() {
        ConfigurableApplicationContext dying =
                instance("leadline.delays.autostart=false", "leadline.delays.sweep-interval=1h");
        MongoTemplate mongo = dying.getBean(MongoTemplate.class);
        SupplierCatalog suppliers = dying.getBean(SupplierCatalog.class);
        suppliers.save(new Supplier("SCALE", "Scale supplier", null));
        LocalDate arrival = LocalDate.now().plusDays(20);
        List<PurchaseOrder.Allocation> allocations = BenchmarkOrders.insertForDelay(mongo, 60, 40, "PO-SCALE");
        suppliers.save(new PurchaseOrder(
                "PO-SCALE",
                "SCALE",
                List.of("SOFA", "CHAIR"),
                arrival,
                PurchaseOrder.Status.OPEN,
                allocations,
                arrival,
                null));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "agent", null, List.of(new SimpleGrantedAuthority("ROLE_AGENT"))));
        String id;
        try {
            var logged = dying.getBean(SupplierDelays.class)
                    .log(
                            new DelayRequest(
                                    new DelayScope(DelayScope.Type.PURCHASE_ORDER, "PO-SCALE", null, null),
                                    null,
                                    6,
                                    "SUPPLIER_BEHIND",
                                    null,
                                    "scale test"),
                            "agent");
            id = logged.report().orElseThrow().id();
        } finally {
            SecurityContextHolder.clearContext();
        }

        // The first instance works two chunks, takes the third and gets two orders into it, then dies holding it.
        DelayJob job = dying.getBean(DelayJob.class);
        job.run(id, 2);
        DelayChunk held = mongo.findOne(
                Query.query(Criteria.where("report").is(id).and("done").is(false))
                        .with(org.springframework.data.domain.Sort.by("seq")),
                DelayChunk.class);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(held.id())),
                new Update()
                        .set("owner", "dying")
                        .set("leaseUntil", Instant.now().plusSeconds(2)),
                DelayChunk.class);
        DelayReport report = mongo.findById(id, DelayReport.class);
        Map<String, PurchaseOrder> purchaseOrders = suppliers.purchaseOrder("PO-SCALE").stream()
                .collect(Collectors.toMap(PurchaseOrder::number, Function.identity()));
        job.process(report, held.targets().subList(0, 2), purchaseOrders);
        dying.close();

        instance();
        instance();
        MongoTemplate shared = instances.get(1).getBean(MongoTemplate.class);
        Waiting.until(
                () -> shared.findById(id, DelayReport.class).state() == DelayReport.State.DONE,
                Duration.ofSeconds(30),
                "the other instances finished the delay");

        DelayReport done = shared.findById(id, DelayReport.class);
        assertThat(done.processedOrders()).isEqualTo(40);
        assertThat(done.movedLines()).isEqualTo(80);
        OrderQueries orders = instances.get(1).getBean(OrderQueries.class);
        for (int i = 0; i < 40; i++) {
            Order order = orders.byNumber("DELAY-BENCH-" + i).orElseThrow();
            assertThat(order.timeline().stream().filter(event -> event.type() == TimelineEvent.Type.ETA_MOVED))
                    .as(order.number())
                    .hasSize(2);
            assertThat(order.line("L2").lastDelay()).isEqualTo(id);
            assertThat(order.line("L4").lastDelay()).isEqualTo(id);
        }
        assertThat(shared.find(Query.query(Criteria.where("report").is(id)), DelayChunk.class))
                .allMatch(DelayChunk::done)
                .anyMatch(chunk -> !"dying".equals(chunk.owner()) && chunk.seq() == held.seq());
    }

    @Test
    void aCustomerWatchingOnOneInstanceSeesAChangeMadeOnAnother() {
        ConfigurableApplicationContext watched = instance();
        ConfigurableApplicationContext changing = instance();
        String token =
                BenchmarkOrders.insert(watched.getBean(MongoTemplate.class), 1).get(0);
        String orderId = watched.getBean(OrderQueries.class)
                .byTrackingToken(token)
                .orElseThrow()
                .id();

        String url = "ws://localhost:" + watched.getEnvironment().getProperty("local.server.port") + "/graphql-ws";
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        var subscription = org.springframework.graphql.test.tester.WebSocketGraphQlTester.builder(
                        url, new org.springframework.web.reactive.socket.client.StandardWebSocketClient())
                .build()
                .document("subscription($token: String!) { trackedOrder(token: $token) { deliveryPreference } }")
                .variable("token", token)
                .executeSubscription()
                .toFlux("trackedOrder.deliveryPreference", String.class)
                .subscribe(seen::add);
        try {
            Waiting.until(() -> !seen.isEmpty(), Duration.ofSeconds(10), "the order as it is now");
            assertThat(seen).containsExactly("WAIT_FOR_ALL");

            changing.getBean(app.leadline.order.OrderOperations.class)
                    .chooseDelivery(orderId, app.leadline.order.DeliveryPreference.SHIP_AS_AVAILABLE, "customer");

            Waiting.until(
                    () -> seen.contains("SHIP_AS_AVAILABLE"),
                    Duration.ofSeconds(10),
                    "the change made on the other instance");
        } finally {
            subscription.dispose();
        }
    }
}
