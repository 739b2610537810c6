package app.leadline.tracking;

import app.leadline.order.OrderQueries;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's baselines: the same lookup (token hashed, found by the same unique index, mapped to the same
 * customer view) returned as plain JSON, without GraphQL; and the same HTTP stack answering a constant body of the
 * GraphQL answer's size, which is what neither lookup nor mapping nor GraphQL costs. Exists only in the
 * benchmark's context.
 */
@RestController
public class TrackingBaselineController {

    private final OrderQueries orders;
    private volatile byte[] constant = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

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

    /** What {@code /bench/constant} answers from now on. */
    public void answerConstantly(String body) {
        constant = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @PostMapping(value = "/bench/constant", produces = "application/json")
    byte[] constant(@RequestBody Lookup lookup) {
        return constant;
    }
}
