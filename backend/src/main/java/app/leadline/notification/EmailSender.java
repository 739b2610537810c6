package app.leadline.notification;

/** Where e-mail goes: an SMTP server when configured; otherwise it stays in the embedded outbox. */
interface EmailSender {

    /**
     * Sends one e-mail with a plain-text and an HTML part; returns the message id. The id is derived from Leadline's
     * {@code messageId}, so a copy sent again after a crash carries the same Message-ID and mail systems can drop it.
     */
    String send(String messageId, String to, String subject, String text);
}
