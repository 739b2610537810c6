package app.leadline.order;

import java.time.Duration;
import java.time.Instant;

/**
 * What is stored of an order's tracking link: the token's SHA-256 (what opens the order), the token sealed with
 * the link key (so later messages can carry the link; {@code null} on orders from before sealing), its expiry,
 * and whether it was revoked.
 */
record TrackingLink(String tokenHash, String sealedToken, Instant expiresAt, boolean revoked) {

    /** A fresh link for the order: the token's hash, the token sealed (when there is a seal), open for its lifetime. */
    static TrackingLink issue(String orderId, TrackingToken token, LinkSeal seal, Instant now, Duration lifetime) {
        return new TrackingLink(
                token.hash(), seal == null ? null : seal.seal(orderId, token), now.plus(lifetime), false);
    }

    /** The link stops opening the order; its sealed token goes, so no later message carries it. */
    TrackingLink revoke() {
        return new TrackingLink(tokenHash, null, expiresAt, true);
    }

    boolean opensAt(Instant now) {
        return !revoked && now.isBefore(expiresAt);
    }
}
