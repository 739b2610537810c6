package app.leadline.tracking;

import app.leadline.delay.DelayReasonTexts;
import java.util.List;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * A moved date's reason in each language, so that a customer who switches the page's language reads it in that
 * language too, not in the one the message was sent in.
 */
@Controller
class TimelineReasons {

    record Translation(String language, String text) {}

    private final DelayReasonTexts reasons;

    TimelineReasons(DelayReasonTexts reasons) {
        this.reasons = reasons;
    }

    @SchemaMapping(typeName = "CustomerEvent")
    List<Translation> reasonTexts(TrackedOrder.CustomerEvent event) {
        if (!"ETA_MOVED".equals(event.type())) {
            return List.of();
        }
        return event.details().stream()
                .filter(detail -> "reason".equals(detail.key()))
                .findFirst()
                .map(detail -> reasons.of(detail.value()).entrySet().stream()
                        .map(text -> new Translation(text.getKey(), text.getValue()))
                        .toList())
                .orElse(List.of());
    }
}
