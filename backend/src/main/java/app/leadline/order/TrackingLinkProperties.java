package app.leadline.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tracking links.
 *
 * @param linkLifetime how long a link opens its order ({@code leadline.tracking.link-lifetime}, default 180 days)
 * @param linkKey the key (32 bytes, base64) that seals tokens so that later messages can carry the link; when
 *     empty, one is generated once and kept in the store, where a copy of the database alone would reveal it
 */
@ConfigurationProperties("leadline.tracking")
record TrackingLinkProperties(Duration linkLifetime, String linkKey) {

    TrackingLinkProperties {
        linkLifetime = linkLifetime == null ? Duration.ofDays(180) : linkLifetime;
    }
}
