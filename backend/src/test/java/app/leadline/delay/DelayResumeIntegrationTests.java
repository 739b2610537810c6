package app.leadline.delay;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.Order;
import app.leadline.order.OrderQueries;
import app.leadline.order.TimelineEvent;
import app.leadline.supplier.PurchaseOrder;
import app.leadline.supplier.Supplier;
import app.leadline.supplier.SupplierCatalog;
import app.leadline.support.Clients;
import app.leadline.support.Intents;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.Waiting;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

/**
 * A delay job that dies half-way resumes and moves every line exactly once. Jobs here do not start by themselves
 * when logged, so the test decides how far one gets before it "dies".
 */
@LeadlineIntegrationTest
@TestPropertySource(properties = {"leadline.delays.autostart=false", "leadline.delays.chunk-size=3"})
class DelayResumeIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    OrderQueries orders;

    @Autowired
    DelayJob job;

    @Autowired
    MongoTemplate mongo;

    private String supplierWithOrders(String code, int count, List<OrderInputs> placed) {
        suppliers.save(new Supplier(code, code, null));
        suppliers.save(PurchaseOrder.open(
                "PO-" + code, code, List.of("SOFA"), LocalDate.now().plusDays(15)));
        for (int i = 0; i < count; i++) {
            OrderInputs order = anOrder().withBackorderedLine("SOFA", code);
            clients.shop()
                    .documentName("placeOrders")
                    .variable("input", batch(order))
                    .execute();
            placed.add(order);
        }
        return "PO-" + code;
    }

    private String log(String po) {
        return clients.agent("bob")
                .documentName("logDelay")
                .variable(
                        "input",
                        Map.of(
                                "scope",
                                Map.of("type", "PURCHASE_ORDER", "purchaseOrder", po),
                                "daysLate",
                                9,
                                "reasonText",
                                "Container stuck at customs"))
                .execute()
                .path("logDelay.report.id")
                .entity(String.class)
                .get();
    }

    @Test
    void aJobInterruptedMidChunkResumesAndMovesEveryLineExactlyOnce() {
        List<OrderInputs> placed = new ArrayList<>();
        String id = log(supplierWithOrders("CRASHY", 8, placed));
        DelayReport report = mongo.findById(id, DelayReport.class);

        // One whole chunk, then two orders of the next, then the process "dies".
        job.run(id, 1);
        DelayChunk second = mongo.findOne(
                Query.query(Criteria.where("report").is(id).and("done").is(false))
                        .with(org.springframework.data.domain.Sort.by("seq")),
                DelayChunk.class);
        job.process(report, second.targets().subList(0, 2), purchaseOrders(report));
        assertThat(mongo.findById(id, DelayReport.class).state()).isEqualTo(DelayReport.State.RUNNING);

        // The next start resumes unfinished delays.
        job.resumeUnfinished();
        Waiting.until(
                () -> mongo.findById(id, DelayReport.class).state() == DelayReport.State.DONE,
                Duration.ofSeconds(20),
                "the delay resumed and finished");

        for (OrderInputs input : placed) {
            Order order = orders.byNumber(input.number()).orElseThrow();
            assertThat(order.timeline().stream().filter(e -> e.type() == TimelineEvent.Type.ETA_MOVED))
                    .hasSize(1);
            assertThat(Intents.afterConfirmation(order)).hasSize(1);
            assertThat(order.line("L2").lastDelay()).isEqualTo(id);
        }
        DelayReport done = mongo.findById(id, DelayReport.class);
        assertThat(done.processedOrders()).isEqualTo(8);
        assertThat(done.movedLines()).isEqualTo(8);
        assertThat(done.movedOrders()).isEqualTo(8);
    }

    @Test
    void aSecondDelayForTheSameScopeWaitsForTheFirst() {
        String po = supplierWithOrders("BUSY", 2, new ArrayList<>());
        String first = log(po);

        clients.agent("bob")
                .documentName("logDelay")
                .variable(
                        "input",
                        Map.of(
                                "scope",
                                Map.of("type", "PURCHASE_ORDER", "purchaseOrder", po),
                                "daysLate",
                                3,
                                "reasonText",
                                "Again"))
                .execute()
                .path("logDelay.errors[*].code")
                .entityList(String.class)
                .containsExactly("DELAY_IN_PROGRESS");

        job.run(first, Integer.MAX_VALUE);
        assertThat(mongo.findById(first, DelayReport.class).state()).isEqualTo(DelayReport.State.DONE);
    }

    private Map<String, PurchaseOrder> purchaseOrders(DelayReport report) {
        return suppliers.purchaseOrder(report.scope().purchaseOrder()).stream()
                .collect(Collectors.toMap(PurchaseOrder::number, Function.identity()));
    }
}
