package app.leadline.notification;

/** Where e-mail goes: an SMTP server when configured; otherwise it stays in the embedded outbox. */
public interface EmailSender {

    /** Sends one e-mail with a plain-text and an HTML part; returns the message id. */
    String send(String to, String subject, String text);
}
