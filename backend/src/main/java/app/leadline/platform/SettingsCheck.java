package app.leadline.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with settings that are missing or contradict each other, saying which and how to fix them,
 * instead of failing later on a customer's request.
 */
@Component
class SettingsCheck implements InitializingBean {

    private final Environment environment;

    SettingsCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        String base = environment.getProperty("leadline.public-base-url", "http://localhost:8080");
        try {
            URI uri = URI.create(base);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null
                    || (uri.getPath() != null && !uri.getPath().isEmpty() && !"/".equals(uri.getPath()))
                    || uri.getQuery() != null) {
                problems.add("leadline.public-base-url must be an absolute http(s) address without path or query, e.g. "
                        + "https://track.example.com (is: " + base + ")");
            }
        } catch (IllegalArgumentException e) {
            problems.add("leadline.public-base-url is not an address: " + base);
        }
        String issuer = environment.getProperty("leadline.security.issuer-uri", "");
        if (!issuer.isBlank()
                && environment.getProperty("leadline.security.audience", "").isBlank()) {
            problems.add(
                    "leadline.security.issuer-uri is set but leadline.security.audience is not: tokens from an external "
                            + "issuer must be checked for the audience your identity provider puts in them");
        }
        boolean consoleAuthorize = !environment
                .getProperty("leadline.console.authorization-endpoint", "")
                .isBlank();
        boolean consoleToken =
                !environment.getProperty("leadline.console.token-endpoint", "").isBlank();
        if (consoleAuthorize != consoleToken) {
            problems.add(
                    "leadline.console.authorization-endpoint and leadline.console.token-endpoint go together: set both or neither");
        }
        if (!issuer.isBlank() && !consoleAuthorize) {
            problems.add(
                    "with an external issuer, agents sign in there: set leadline.console.authorization-endpoint and "
                            + "leadline.console.token-endpoint (and leadline.console.client-id)");
        }
        if (!environment.getProperty("spring.mail.host", "").isBlank()
                && environment.getProperty("leadline.mail.from", "").isBlank()) {
            problems.add(
                    "spring.mail.host is set but leadline.mail.from is not: say which address customers' e-mail comes from");
        }
        boolean twilioAccount =
                !environment.getProperty("leadline.twilio.account-sid", "").isBlank();
        if (twilioAccount
                && environment.getProperty("leadline.twilio.auth-token", "").isBlank()) {
            problems.add("leadline.twilio.account-sid is set but leadline.twilio.auth-token is not");
        }
        if (twilioAccount
                && environment.getProperty("leadline.twilio.from", "").isBlank()
                && environment
                        .getProperty("leadline.twilio.messaging-service-sid", "")
                        .isBlank()) {
            problems.add(
                    "with a Twilio account, set the sender: leadline.twilio.from or leadline.twilio.messaging-service-sid");
        }
        String linkKey =
                environment.getProperty("leadline.tracking.link-key", "").trim();
        if (!linkKey.isEmpty() && !isKey(linkKey)) {
            problems.add(
                    "leadline.tracking.link-key must be 32 random bytes, base64-encoded (openssl rand -base64 32)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "Leadline cannot start with these settings:\n - " + String.join("\n - ", problems));
        }
    }

    private static boolean isKey(String base64) {
        try {
            return java.util.Base64.getDecoder().decode(base64).length == 32;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
