package app.leadline.order;

import java.util.List;

/** Reads what one of the order's rules did, as a test asserts it: the events recorded and the news told. */
final class Outcomes {

    private Outcomes() {}

    static List<OrderEvent> events(Outcome outcome) {
        return outcome.recorded().stream().map(TimelineEvent::event).toList();
    }

    static List<CustomerNews> news(Outcome outcome) {
        return outcome.news().stream()
                .map(intent -> intent.news().orElseThrow())
                .toList();
    }

    static OrderLines linesOf(Order order) {
        return new OrderLines(order.lines(), order.currency());
    }
}
