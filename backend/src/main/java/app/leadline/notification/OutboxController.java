package app.leadline.notification;

import app.leadline.platform.UserError;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The GraphQL face of the outbox: the messages customers were sent, those held for their quiet hours, and sending a
 * failed one again.
 */
@Controller
class OutboxController {

    private final Notifications notifications;
    private final HeldMessages held;

    OutboxController(Notifications notifications, HeldMessages held) {
        this.notifications = notifications;
        this.held = held;
    }

    @QueryMapping
    List<HeldMessages.HeldMessage> heldMessages(@Argument Integer first) {
        return held.first(first == null ? 50 : Math.max(0, Math.min(first, 200)));
    }

    @QueryMapping
    List<OutboxMessage> outbox(@Argument Integer last, @Argument String orderNumber) {
        return notifications.latest(last == null ? 50 : last, java.util.Optional.ofNullable(orderNumber));
    }

    @SchemaMapping(typeName = "OutboxMessage")
    String text(OutboxMessage message) {
        return message.textForAgents();
    }

    @SchemaMapping(typeName = "OutboxMessage")
    boolean uncertain(OutboxMessage message) {
        return message.mayHaveBeenSent();
    }

    record ResendMessageInput(String id) {}

    record ResendMessagePayload(boolean resent, List<UserError> errors) {}

    @MutationMapping
    ResendMessagePayload resendMessage(@Argument ResendMessageInput input) {
        return notifications.resend(input.id())
                ? new ResendMessagePayload(true, List.of())
                : new ResendMessagePayload(
                        false,
                        List.of(new UserError(
                                "NOT_RESENDABLE", "input.id", "Only failed messages can be sent again.")));
    }
}
