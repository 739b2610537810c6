package app.leadline.notification;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Admins see every customer message rendered with sample data. */
@Controller
class MessagePreviewController {

    private final MessagePreviews previews;

    MessagePreviewController(MessagePreviews previews) {
        this.previews = previews;
    }

    @QueryMapping
    List<MessagePreviews.Preview> messagePreviews(@Argument String language) {
        return previews.in(language);
    }
}
