package app.leadline.order;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a tracking token with AES-GCM so that later messages to the customer can carry their link while the
 * store keeps only the token's hash and this ciphertext. The order's id is bound in, so a sealed token copied onto
 * another order does not open.
 */
final class LinkSeal {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;

    LinkSeal(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("A link key is 32 bytes (256 bits), base64-encoded");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    String seal(String orderId, TrackingToken token) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, orderId, token.value().getBytes(StandardCharsets.US_ASCII));
        byte[] out = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return Base64.getEncoder().encodeToString(out);
    }

    /** The token, if this key sealed it for this order; empty for anything else (another key, tampering). */
    Optional<TrackingToken> open(String orderId, String sealed) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
            byte[] body = java.util.Arrays.copyOfRange(in, NONCE_BYTES, in.length);
            return TrackingToken.parse(
                    new String(crypt(Cipher.DECRYPT_MODE, nonce, orderId, body), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private byte[] crypt(int mode, byte[] nonce, String orderId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(orderId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("Not sealed with this key for this order", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }
}
