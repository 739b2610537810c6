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
        String id = logged.path("logDelay.report.id").entity(String.class).get();
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
