package app.leadline.support;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** An order as an agent reads it in the console. */
public final class AgentOrders {

    private AgentOrders() {}

    /** The status of the order's backordered line (the test orders' second line), as the agent reads it. */
    public static String backorderedLineStatus(HttpGraphQlTester agent, OrderInputs order) {
        return agent.documentName("agentOrder")
                .variable("number", order.number())
                .execute()
                .path("agentOrder.lines[1].status")
                .entity(String.class)
                .get();
    }
}
