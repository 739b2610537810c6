package app.leadline.notification;

/** Where SMS go: Twilio when configured; otherwise they stay in the embedded outbox. */
public interface SmsSender {

    /** Sends one SMS; returns the provider's id for the message. */
    String send(String to, String text);
}
