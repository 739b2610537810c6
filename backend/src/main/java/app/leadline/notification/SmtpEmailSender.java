package app.leadline.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.HtmlUtils;

/** Sends e-mail through SMTP (Spring Mail), as HTML with a plain-text part. */
class SmtpEmailSender implements EmailSender {

    private final JavaMailSender mail;
    private final String from;

    SmtpEmailSender(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public String send(String to, String subject, String text) {
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, "<!doctype html><html><body><p>" + HtmlUtils.htmlEscape(text) + "</p></body></html>");
            mail.send(message);
            return message.getMessageID();
        } catch (MessagingException | MailPreparationException | MailParseException e) {
            throw new DeliveryFailure("Could not build the e-mail to " + to + ": " + e.getMessage(), false, e);
        } catch (MailException e) {
            throw new DeliveryFailure("The mail server did not take the e-mail: " + e.getMessage(), true, e);
        }
    }
}
