package app.leadline.tracking;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often "find my order" may be asked ({@code leadline.tracking.link-requests.*}).
 *
 * @param perClientPerHour requests a client network may make in an hour
 * @param perOrderPerHour requests for one order number in an hour, from anyone
 */
@ConfigurationProperties("leadline.tracking.link-requests")
record LinkRecoveryProperties(Integer perClientPerHour, Integer perOrderPerHour) {

    LinkRecoveryProperties {
        perClientPerHour = perClientPerHour == null ? 10 : perClientPerHour;
        perOrderPerHour = perOrderPerHour == null ? 3 : perOrderPerHour;
    }
}
