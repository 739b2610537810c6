package app.leadline.tracking;

import app.leadline.order.OrderQueries;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's baseline: the same lookup (token hashed, found by the same unique index, mapped to the same
 * customer view) returned as plain JSON, without GraphQL. Exists only in the benchmark's context.
 */
@RestController
public class TrackingBaselineController {

    private final OrderQueries orders;

    TrackingBaselineController(OrderQueries orders) {
        this.orders = orders;
    }

    record Lookup(String token) {}

    @PostMapping("/bench/track")
    ResponseEntity<TrackedOrder> track(@RequestBody Lookup lookup) {
        return orders.byTrackingToken(lookup.token())
                .map(TrackedOrder::of)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
