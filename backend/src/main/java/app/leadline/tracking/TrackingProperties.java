package app.leadline.tracking;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tracking query's rate limit per client ({@code leadline.tracking.rate-limit.*}).
 *
 * @param burst lookups a client may make at once
 * @param perMinute lookups per minute a client gets back after a burst
 */
@ConfigurationProperties("leadline.tracking.rate-limit")
record TrackingProperties(Integer burst, Integer perMinute) {

    TrackingProperties {
        burst = burst == null ? 30 : burst;
        perMinute = perMinute == null ? 30 : perMinute;
    }
}
