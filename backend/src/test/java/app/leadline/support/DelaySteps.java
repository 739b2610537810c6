package app.leadline.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Supplier delays logged the way an agent logs them, each accepted without errors and its cascade finished. */
public final class DelaySteps {

    private DelaySteps() {}

    /** A delay of {@code daysLate} days for the scope, logged by the agent; its report's id, once its job is done. */
    public static String logged(HttpGraphQlTester agent, Map<String, Object> scope, int daysLate) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("scope", scope);
        input.put("daysLate", daysLate);
        input.put("reasonText", "The factory is behind.");
        return logged(agent, input);
    }

    /** The delay as the input gives it, logged by the agent; its report's id, once its job is done. */
    public static String logged(HttpGraphQlTester agent, Map<String, Object> input) {
        GraphQlTester.Response logged =
                agent.documentName("logDelay").variable("input", input).execute();
        logged.path("logDelay.errors").entityList(Object.class).hasSize(0);
        return applied(
                agent, logged.path("logDelay.report.id").entity(String.class).get());
    }

    /** The delay withdrawn by the agent; the withdrawal's report id, once its job is done. */
    public static String withdrawn(HttpGraphQlTester agent, String delayId) {
        GraphQlTester.Response withdrawn = agent.documentName("withdrawDelay")
                .variable("input", Map.of("delay", delayId))
                .execute();
        withdrawn.path("withdrawDelay.errors").entityList(Object.class).hasSize(0);
        return applied(
                agent,
                withdrawn
                        .path("withdrawDelay.withdrawal.report.id")
                        .entity(String.class)
                        .get());
    }

    private static String applied(HttpGraphQlTester agent, String id) {
        Waiting.until(
                () -> "DONE"
                        .equals(agent.documentName("delayReport")
                                .variable("id", id)
                                .execute()
                                .path("delayReport.state")
                                .entity(String.class)
                                .get()),
                Duration.ofSeconds(20),
                "delay " + id + " is applied");
        return id;
    }
}
