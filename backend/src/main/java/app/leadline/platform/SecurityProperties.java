package app.leadline.platform;

import java.net.URI;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who issues the tokens Leadline accepts.
 *
 * @param issuerUri an external OIDC issuer (Keycloak, Entra ID, Auth0); when absent the embedded
 *     authorization server issues tokens
 * @param audience the {@code aud} every accepted token must carry
 * @param jwkSetUri where the issuer's signing keys are fetched, when the issuer's public address is not
 *     reachable from where Leadline runs (tokens must still name {@code issuerUri})
 */
@ConfigurationProperties("leadline.security")
record SecurityProperties(URI issuerUri, String audience, URI jwkSetUri) {

    SecurityProperties {
        audience = audience == null || audience.isBlank() ? "leadline-api" : audience;
    }

    Optional<URI> externalIssuer() {
        return Optional.ofNullable(issuerUri);
    }
}
