package app.leadline.notification;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Twilio credentials and sender ({@code leadline.twilio.*}). Give a sender number or a messaging service.
 *
 * @param apiBaseUrl Twilio's API address; only tests point it elsewhere
 * @param statusCallback where Twilio reports each message's delivery; by default
 *     {@code <public-base-url>/webhooks/twilio/status}. A query string (e.g. {@code ?tenant=dk}) is kept and signed.
 */
@ConfigurationProperties("leadline.twilio")
record TwilioSettings(
        String accountSid,
        String authToken,
        String from,
        String messagingServiceSid,
        URI apiBaseUrl,
        URI statusCallback) {

    TwilioSettings {
        apiBaseUrl = apiBaseUrl == null ? URI.create("https://api.twilio.com") : apiBaseUrl;
    }

    boolean configured() {
        return accountSid != null && !accountSid.isBlank();
    }
}
