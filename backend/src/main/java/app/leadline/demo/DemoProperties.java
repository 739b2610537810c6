package app.leadline.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code leadline.demo.enabled=false} starts with an empty store.
 *
 * @param orders how many demo orders to load
 */
@ConfigurationProperties("leadline.demo")
record DemoProperties(Boolean enabled, Integer orders) {

    DemoProperties {
        enabled = enabled == null || enabled;
        orders = orders == null ? 300 : orders;
    }
}
