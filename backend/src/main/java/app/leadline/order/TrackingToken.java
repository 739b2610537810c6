package app.leadline.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A tracking link's secret: 256 bits from a CSPRNG, base64url without padding. Only {@link #hash()} is ever
 * stored; the token itself lives in the customer's link. {@link #toString()} never shows it.
 */
final class TrackingToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final String value;

    private TrackingToken(String value) {
        this.value = value;
    }

    public static TrackingToken generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new TrackingToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** A token as a client presented it, if it has the shape of one; anything else cannot open an order. */
    public static Optional<TrackingToken> parse(String presented) {
        if (presented == null || !SHAPE.matcher(presented).matches()) {
            return Optional.empty();
        }
        return Optional.of(new TrackingToken(presented));
    }

    public String value() {
        return value;
    }

    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "TrackingToken[redacted]";
    }
}
