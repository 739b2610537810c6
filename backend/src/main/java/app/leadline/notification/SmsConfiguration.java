package app.leadline.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Twilio when an account is configured ({@code leadline.twilio.account-sid}); otherwise SMS stay in the outbox. */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    @Bean
    @ConditionalOnProperty("leadline.twilio.account-sid")
    SmsSender twilioSmsSender(TwilioSettings settings) {
        return new TwilioSmsSender(settings);
    }
}
