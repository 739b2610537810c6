package app.leadline.order;

import java.util.ArrayList;
import java.util.List;

/** An order's timeline, bounded: past {@value #LIMIT} entries the oldest go, so an order's document stays small. */
record Timeline(List<TimelineEvent> entries) {

    static final int LIMIT = 200;

    Timeline {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    Timeline with(TimelineEvent entry) {
        List<TimelineEvent> longer = new ArrayList<>(entries.size() + 1);
        longer.addAll(entries.subList(Math.max(0, entries.size() + 1 - LIMIT), entries.size()));
        longer.add(entry);
        return new Timeline(longer);
    }
}
