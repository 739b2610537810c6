package app.leadline.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How long a tracking link opens its order ({@code leadline.tracking.link-lifetime}, default 180 days). */
@ConfigurationProperties("leadline.tracking")
record TrackingLinkProperties(Duration linkLifetime) {

    TrackingLinkProperties {
        linkLifetime = linkLifetime == null ? Duration.ofDays(180) : linkLifetime;
    }
}
