package app.leadline.support;

import app.leadline.order.NotificationIntent;
import app.leadline.order.Order;
import java.util.List;

/** The order's notification intents beyond the confirmation every order placed through the API gets. */
public final class Intents {

    private Intents() {}

    public static List<NotificationIntent> afterConfirmation(Order order) {
        return order.notifications().stream()
                .filter(intent -> !"CONFIRMED".equals(intent.kind()))
                .toList();
    }
}
