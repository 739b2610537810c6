package app.leadline.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** SMTP when a mail host is configured ({@code spring.mail.host}); otherwise e-mail stays in the outbox. */
@Configuration(proxyBeanMethods = false)
class EmailConfiguration {

    @Bean
    @ConditionalOnProperty("spring.mail.host")
    EmailSender smtpEmailSender(JavaMailSender mail, @Value("${leadline.mail.from}") String from) {
        return new SmtpEmailSender(mail, from);
    }
}
