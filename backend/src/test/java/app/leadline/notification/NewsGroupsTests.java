package app.leadline.notification;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.CustomerNews;
import app.leadline.order.NotificationIntent;
import app.leadline.order.Order;
import app.leadline.order.SampleOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** News waiting together, told in one message. */
class NewsGroupsTests {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private static NotificationIntent waiting(String id, String kind, Map<String, String> details) {
        return new NotificationIntent(id, kind, AT, details, null, null);
    }

    @Test
    void twoCancellationsToldTogetherSayWhatWasReleasedForBoth() {
        Order order = SampleOrder.in("en", AT);

        List<NewsGroups.Group> groups = NewsGroups.of(
                order,
                List.of(
                        waiting("cancelled:L1", "CANCELLED", Map.of("lines", "L1", "amount", "329.00")),
                        waiting("cancelled:L3", "CANCELLED", Map.of("lines", "L3", "amount", "1499.00"))));

        assertThat(groups)
                .singleElement()
                .satisfies(group -> assertThat(group.told())
                        .containsExactly(new CustomerNews.Cancelled(List.of("L1", "L3"), new BigDecimal("1828.00"))));
    }
}
