package app.leadline.order;

import java.time.Instant;

/**
 * The order's delivery preference, who set it and when, and the segment default it started from.
 *
 * @param chosenBy {@code shop}, {@code customer} or an agent's name
 */
public record DeliveryChoice(
        DeliveryPreference preference, String chosenBy, Instant chosenAt, DeliveryPreference segmentDefault) {

    /** The preference someone chose now; the segment default it started from stays. */
    DeliveryChoice chosen(DeliveryPreference newPreference, String by, Instant at) {
        return new DeliveryChoice(newPreference, by, at, segmentDefault);
    }
}
