package app.leadline.tracking;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The carriers' own tracking pages ({@code leadline.carriers.tracking-urls}), by carrier name in lower case with
 * letters and digits only ("Royal Mail" is {@code royalmail}); {@code {number}} in a template is the tracking
 * number. A carrier without a template gets no link, only its name and number.
 */
@ConfigurationProperties("leadline.carriers")
record CarrierLinks(Map<String, String> trackingUrls) {

    CarrierLinks {
        Map<String, String> templates = new TreeMap<>();
        (trackingUrls == null ? Map.<String, String>of() : trackingUrls).forEach((carrier, template) -> {
            if (!template.startsWith("https://") || !template.contains("{number}")) {
                throw new IllegalStateException("leadline.carriers.tracking-urls." + carrier
                        + " must be an https address with {number} where the tracking number goes");
            }
            templates.put(key(carrier), template);
        });
        trackingUrls = Map.copyOf(templates);
    }

    /** The carrier's page for this parcel, if Leadline knows the carrier. */
    Optional<String> urlFor(String carrier, String trackingNumber) {
        return Optional.ofNullable(trackingUrls.get(key(carrier)))
                .map(template ->
                        template.replace("{number}", URLEncoder.encode(trackingNumber, StandardCharsets.UTF_8)));
    }

    private static String key(String carrier) {
        return carrier.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
