package app.leadline.notification;

import java.time.Instant;
import java.util.Optional;

/** Where SMS go: Twilio when configured; otherwise they stay in the embedded outbox. */
interface SmsSender {

    /** Sends one SMS; returns the provider's id for the message. */
    String send(String to, String text);

    /**
     * The provider's id of this text to this number if the provider accepted it since {@code since}: asked before
     * sending again a message whose first send may have gone through (an answer lost, a process killed mid-send).
     */
    default Optional<String> findAccepted(String to, String text, Instant since) {
        return Optional.empty();
    }
}
