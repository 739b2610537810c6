package app.leadline.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What one of the order's rules did, for the order to keep: its lines after the rule, the ids of the lines it
 * changed, what happened (timeline entries) and what the customer is to be told (outbox intents), each in the order
 * it happened. A rule builds it step by step from the order's lines; every step gives a new outcome.
 */
record Outcome(OrderLines lines, List<String> changed, List<TimelineEvent> recorded, List<NotificationIntent> news) {

    Outcome {
        changed = List.copyOf(changed);
        recorded = List.copyOf(recorded);
        news = List.copyOf(news);
    }

    /** Nothing done yet to these lines. */
    static Outcome from(OrderLines lines) {
        return new Outcome(lines, List.of(), List.of(), List.of());
    }

    OrderLine line(String lineId) {
        return lines.line(lineId);
    }

    /** Whether the order is to keep anything: a line changed or something happened. */
    boolean any() {
        return !changed.isEmpty() || !recorded.isEmpty();
    }

    Outcome changing(String lineId, UnaryOperator<OrderLine> change) {
        return new Outcome(
                lines.changed(lineId, change),
                changed.contains(lineId) ? changed : plus(changed, lineId),
                recorded,
                news);
    }

    Outcome recording(OrderEvent event, Instant at, Note note) {
        return new Outcome(lines, changed, plus(recorded, TimelineEvent.of(event, at, note)), news);
    }

    Outcome recording(OrderEvent event, Instant at) {
        return recording(event, at, null);
    }

    Outcome telling(NotificationIntent intent) {
        return new Outcome(lines, changed, recorded, plus(news, intent));
    }

    private static <T> List<T> plus(List<T> list, T element) {
        List<T> longer = new ArrayList<>(list.size() + 1);
        longer.addAll(list);
        longer.add(element);
        return longer;
    }
}
