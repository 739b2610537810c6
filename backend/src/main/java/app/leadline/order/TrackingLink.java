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

    /**
     * The link as a message about to carry it: it opens for a whole lifetime from then, so a customer of a backorder
     * that takes longer than one is never sent a link that no longer opens. A revoked link stays shut.
     */
    TrackingLink carriedAt(Instant now, Duration lifetime) {
        Instant until = now.plus(lifetime);
        return revoked || !until.isAfter(expiresAt) ? this : new TrackingLink(tokenHash, sealedToken, until, false);
    }

    boolean opensAt(Instant now) {
        return !revoked && now.isBefore(expiresAt);
    }
}
