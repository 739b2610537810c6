package app.leadline.notification;

import app.leadline.platform.LeadlineProperties;
import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Twilio when an account is configured ({@code leadline.twilio.account-sid}); otherwise SMS stay in the outbox. */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    @Bean
    @ConditionalOnProperty("leadline.twilio.account-sid")
    SmsSender twilioSmsSender(TwilioSettings settings, LeadlineProperties leadline) {
        URI statusCallback = settings.statusCallback() != null
                ? settings.statusCallback()
                : URI.create(leadline.link(TwilioWebhooks.STATUS_PATH));
        return new TwilioSmsSender(settings, statusCallback);
    }
}
