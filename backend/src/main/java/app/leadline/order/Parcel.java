package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import java.util.List;
import java.util.Optional;

/** Lines that travel together, and when they are expected. */
public record Parcel(List<String> lineIds, EtaWindow eta) {

    /** The parcel once these lines left in another; empty when none of its lines is left. */
    Optional<Parcel> without(List<String> gone) {
        List<String> remaining =
                lineIds.stream().filter(id -> !gone.contains(id)).toList();
        return remaining.isEmpty() ? Optional.empty() : Optional.of(new Parcel(remaining, eta));
    }
}
