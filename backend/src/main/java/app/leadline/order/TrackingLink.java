package app.leadline.order;

import java.time.Instant;

/**
 * What is stored of an order's tracking link: the token's SHA-256 (what opens the order), the token sealed with
 * the link key (so later messages can carry the link; {@code null} on orders from before sealing), its expiry,
 * and whether it was revoked.
 */
record TrackingLink(String tokenHash, String sealedToken, Instant expiresAt, boolean revoked) {

    boolean opensAt(Instant now) {
        return !revoked && now.isBefore(expiresAt);
    }
}
