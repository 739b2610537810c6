package app.leadline.platform;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * The embedded sign-in server's RSA signing key. Making a 2048-bit key costs up to two seconds of a core on a small
 * machine, so it is made beside the application once it is ready (after the demo data), not on the start's path;
 * a token or key-set request that comes earlier starts it and waits for it.
 */
final class SigningKey implements JWKSource<SecurityContext>, ApplicationListener<ApplicationReadyEvent> {

    private CompletableFuture<JWKSet> keys;

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        keys();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(keys().join());
    }

    private synchronized CompletableFuture<JWKSet> keys() {
        if (keys == null) {
            keys = CompletableFuture.supplyAsync(SigningKey::make);
        }
        return keys;
    }

    private static JWKSet make() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new JWKSet(new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has RSA", e);
        }
    }
}
