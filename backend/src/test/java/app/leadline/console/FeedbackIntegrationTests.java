package app.leadline.console;

import static app.leadline.support.OrderInputs.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What customers answered to the question at the end: on the order for agents, and all of it for admins as CSV. */
@LeadlineIntegrationTest
class FeedbackIntegrationTests {

    @Autowired
    Clients clients;

    /** A one-line order, shipped and delivered, whose customer answered the question. */
    private String answeredOrder(int score, String comment) {
        OrderInputs order = anOrder();
        String token = clients.place(order);
        clients.agent("alice")
                .documentName("recordShipment")
                .variable("orderNumber", order.number())
                .variable("lineIds", List.of("L1"))
                .execute()
                .path("recordShipment.errors")
                .entityList(Object.class)
                .hasSize(0);
        Instant shipped = clients.anonymous()
                .documentName("trackOrder")
                .variable("token", token)
                .execute()
                .path("trackOrder.shipments[0].shippedAt")
                .entity(Instant.class)
                .get();
        clients.shop()
                .documentName("markDelivered")
                .variable(
                        "input",
                        Map.of(
                                "orderNumber",
                                order.number(),
                                "trackingNumber",
                                "PN123456789DK",
                                "deliveredAt",
                                shipped.toString()))
                .execute()
                .path("markDelivered.errors")
                .entityList(Object.class)
                .hasSize(0);
        clients.anonymous()
                .documentName("answerQuestion")
                .variable("token", token)
                .variable("score", score)
                .variable("comment", comment)
                .execute()
                .path("answerQuestion.errors")
                .entityList(Object.class)
                .hasSize(0);
        return order.number();
    }

    @Test
    void agentsSeeTheAnswerOnTheOrderAndNothingBeforeThereIsOne() {
        String answered = answeredOrder(2, "Told late, twice.");
        OrderInputs unanswered = anOrder();
        clients.place(unanswered);

        var agent = clients.agent("alice");
        var feedback = agent.documentName("feedback")
                .operationName("agentOrderFeedback")
                .variable("number", answered)
                .execute();
        feedback.path("agentOrder.feedback.score").entity(Integer.class).isEqualTo(2);
        feedback.path("agentOrder.feedback.comment").entity(String.class).isEqualTo("Told late, twice.");
        feedback.path("agentOrder.feedback.answeredAt")
                .entity(Instant.class)
                .satisfies(at -> assertThat(at).isBefore(Instant.now().plusSeconds(1)));
        agent.documentName("feedback")
                .operationName("agentOrderFeedback")
                .variable("number", unanswered.number())
                .execute()
                .path("agentOrder.feedback")
                .valueIsNull();
    }

    @Test
    void adminsExportEveryAnswerAndACommentNeverRunsAsAFormula() {
        String plain = answeredOrder(5, "Clear, \"early\", kind");
        String formula = answeredOrder(1, "=HYPERLINK(\"http://evil.example\")");

        String csv = clients.agent("root", "AGENT", "ADMIN")
                .documentName("feedback")
                .operationName("feedbackCsv")
                .execute()
                .path("feedbackCsv")
                .entity(String.class)
                .get();

        List<String> rows = csv.lines().toList();
        assertThat(rows.get(0)).isEqualTo("orderNumber,score,comment,answeredAt,changedAt");
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith(plain + ",5,\"Clear, \"\"early\"\", kind\","));
        assertThat(rows)
                .anySatisfy(row ->
                        assertThat(row).startsWith(formula + ",1,\"'=HYPERLINK(\"\"http://evil.example\"\")\","));
    }
}
