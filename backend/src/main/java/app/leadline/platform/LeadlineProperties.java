package app.leadline.platform;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings that belong to no single module.
 *
 * @param publicBaseUrl where customers reach Leadline; tracking links are built from it, never from a request's
 *     Host header
 */
@ConfigurationProperties("leadline")
public record LeadlineProperties(URI publicBaseUrl) {

    public LeadlineProperties {
        publicBaseUrl = publicBaseUrl == null ? URI.create("http://localhost:8080") : publicBaseUrl;
    }

    /** An absolute URL under the public base, e.g. {@code link("/t/abc")}. */
    public String link(String path) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
