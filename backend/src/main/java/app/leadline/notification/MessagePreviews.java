package app.leadline.notification;

import app.leadline.order.Order;
import app.leadline.order.SampleOrder;
import app.leadline.platform.LeadlineProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Every message customers can get, rendered with a made-up order, so that admins see what customers read. */
@Service
class MessagePreviews {

    /** One rendered message and, for an SMS, how many segments it takes. */
    public record Preview(String kind, Message.Channel channel, String subject, String text, int segments) {}

    private final MessageTemplates templates;
    private final LeadlineProperties leadline;
    private final Clock clock;

    MessagePreviews(MessageTemplates templates, LeadlineProperties leadline, Clock clock) {
        this.templates = templates;
        this.leadline = leadline;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<Preview> in(String language) {
        String shown = MessageTemplates.LANGUAGES.contains(language) ? language : "en";
        Order order = SampleOrder.in(shown, clock.instant());
        String reason = templates.catalogues().get(shown).getProperty("sample.reason");
        Optional<String> link = Optional.of(leadline.link("/t/SAMPLE-LINK"));
        List<Preview> previews = new ArrayList<>();
        for (String kind : MessageTemplates.KINDS) {
            for (Message message : templates.render(order, kind, sampleDetails(kind, reason), link)) {
                previews.add(new Preview(
                        kind,
                        message.channel(),
                        message.subject(),
                        message.text(),
                        message.channel() == Message.Channel.SMS ? SmsSegments.count(message.text()) : 0));
            }
        }
        return previews;
    }

    static Map<String, String> sampleDetails(String kind, String reason) {
        return switch (kind) {
            case "ETA_MOVED", "PAST_PROMISE" -> Map.of("lines", "L2", "reason", reason, "shiftDays", "9");
            case "CHOICE_NEEDED" -> Map.of("lines", "L2");
            case "READY_TO_SHIP" -> Map.of("lines", "L1,L2");
            case "SHIPPED", "DELIVERED" ->
                Map.of("lines", "L1,L2", "carrier", "PostNord", "trackingNumber", "00370712345678901234");
            case "REFUND_APPROVED", "REFUND_REJECTED" -> Map.of("lines", "L3", "amount", "1499.00", "reason", reason);
            case "CANCELLED" -> Map.of("lines", "L3", "amount", "1499.00");
            case "VERIFICATION_CODE" -> Map.of("code", "482915");
            case "TRACKING_LINK" -> Map.of("link", "https://track.shop.example/t/" + "x".repeat(43));
            default -> Map.of();
        };
    }
}
