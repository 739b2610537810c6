package app.leadline.notification;

/**
 * A message rendered for one recipient on one channel.
 *
 * @param recipient an e-mail address or a phone number in international form
 */
public record Message(Channel channel, String recipient, String orderNumber, String kind, String subject, String text) {

    public enum Channel {
        EMAIL,
        SMS
    }
}
