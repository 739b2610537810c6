package app.leadline.order;

import java.time.Instant;

/** What is stored of an order's tracking link: only the token's SHA-256, its expiry, and whether it was revoked. */
public record TrackingLink(String tokenHash, Instant expiresAt, boolean revoked) {

    boolean opensAt(Instant now) {
        return !revoked && now.isBefore(expiresAt);
    }
}
