package app.leadline.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one-time code that confirms a money-moving request, stored as a hash, and the recent issues that rate-limit
 * new codes: at most {@value #MAX_CODES_PER_WINDOW} a quarter hour, {@value #MAX_ATTEMPTS} wrong tries a code.
 *
 * @param channel {@code EMAIL} or {@code SMS}
 * @param attempts wrong codes entered against this code
 */
record Verification(String codeHash, String channel, Instant expiresAt, int attempts, List<Instant> issuedAt) {

    static final int MAX_ATTEMPTS = 5;
    static final int MAX_CODES_PER_WINDOW = 3;
    static final Duration WINDOW = Duration.ofMinutes(15);

    public Verification {
        issuedAt = issuedAt == null ? List.of() : List.copyOf(issuedAt);
    }

    /** The outcome of entering a code: the verification after it, and the refusal when the code was not right. */
    record Attempt(Verification after, Optional<OrderRuleViolation> refusal) {}

    /** A new code after {@code previous} (null when none was issued yet); refused past the quarter hour's limit. */
    static Verification issue(Verification previous, String codeHash, String channel, Instant at, Duration lifetime) {
        List<Instant> recent = new ArrayList<>(previous == null ? List.of() : previous.issuedAt());
        recent.removeIf(issued -> issued.isBefore(at.minus(WINDOW)));
        if (recent.size() >= MAX_CODES_PER_WINDOW) {
            throw new OrderRuleViolation(
                    "CODE_RATE_LIMITED", "channel", "Too many codes were sent; try again in a quarter of an hour.");
        }
        recent.add(at);
        return new Verification(codeHash, channel, at.plus(lifetime), 0, recent);
    }

    /** Checks a code; a right one is used up, a wrong one counts against the code. */
    static Attempt use(Verification verification, String codeHash, Instant at) {
        if (verification == null || verification.codeHash() == null) {
            return refused(verification, "CODE_INVALID", "Ask for a code first.");
        }
        if (at.isAfter(verification.expiresAt())) {
            return refused(verification, "CODE_EXPIRED", "The code has expired; ask for a new one.");
        }
        if (verification.attempts() >= MAX_ATTEMPTS) {
            return refused(verification, "CODE_LOCKED", "Too many wrong codes; ask for a new one.");
        }
        if (!MessageDigest.isEqual(
                codeHash.getBytes(StandardCharsets.US_ASCII),
                verification.codeHash().getBytes(StandardCharsets.US_ASCII))) {
            return refused(
                    new Verification(
                            verification.codeHash(),
                            verification.channel(),
                            verification.expiresAt(),
                            verification.attempts() + 1,
                            verification.issuedAt()),
                    "CODE_INVALID",
                    "That code is not right.");
        }
        return new Attempt(
                new Verification(null, verification.channel(), verification.expiresAt(), 0, verification.issuedAt()),
                Optional.empty());
    }

    private static Attempt refused(Verification after, String code, String message) {
        return new Attempt(after, Optional.of(new OrderRuleViolation(code, "code", message)));
    }
}
