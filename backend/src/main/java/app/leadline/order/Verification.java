package app.leadline.order;

import java.time.Instant;
import java.util.List;

/**
 * The one-time code that confirms a money-moving request, stored as a hash, and the recent issues that rate-limit
 * new codes.
 *
 * @param channel {@code EMAIL} or {@code SMS}
 * @param attempts wrong codes entered against this code
 */
public record Verification(String codeHash, String channel, Instant expiresAt, int attempts, List<Instant> issuedAt) {

    public Verification {
        issuedAt = issuedAt == null ? List.of() : List.copyOf(issuedAt);
    }
}
