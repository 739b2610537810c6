package app.leadline.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Pattern;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.HtmlUtils;

/** Sends e-mail through SMTP (Spring Mail), as HTML with a plain-text part. */
class SmtpEmailSender implements EmailSender {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    private final JavaMailSender mail;
    private final String from;

    SmtpEmailSender(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    /** The text as HTML: a paragraph per line, links clickable. */
    static String html(String text) {
        StringBuilder body = new StringBuilder();
        for (String paragraph : text.split("\n")) {
            String escaped = HtmlUtils.htmlEscape(paragraph);
            body.append("<p>")
                    .append(LINK.matcher(escaped).replaceAll("<a href=\"$0\">$0</a>"))
                    .append("</p>");
        }
        return "<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.5\">" + body + "</body></html>";
    }

    @Override
    public String send(String messageId, String to, String subject, String text) {
        String id = "<" + messageId.replaceAll("[^A-Za-z0-9._-]", "-") + "@leadline>";
        try {
            MimeMessage message = mail.createMimeMessage();
            // Spring's sender keeps a Message-ID set before sending.
            message.setHeader("Message-ID", id);
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, html(text));
            mail.send(message);
            return message.getMessageID();
        } catch (MessagingException | MailPreparationException | MailParseException e) {
            throw new DeliveryFailure("Could not build the e-mail to " + to + ": " + e.getMessage(), false, e);
        } catch (MailException e) {
            throw new DeliveryFailure("The mail server did not take the e-mail: " + e.getMessage(), true, e);
        }
    }
}
