package app.leadline.notification;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Twilio credentials and sender ({@code leadline.twilio.*}). Give a sender number or a messaging service.
 *
 * @param apiBaseUrl Twilio's API address; only tests point it elsewhere
 */
@ConfigurationProperties("leadline.twilio")
record TwilioSettings(String accountSid, String authToken, String from, String messagingServiceSid, URI apiBaseUrl) {

    TwilioSettings {
        apiBaseUrl = apiBaseUrl == null ? URI.create("https://api.twilio.com") : apiBaseUrl;
    }

    boolean configured() {
        return accountSid != null && !accountSid.isBlank();
    }
}
