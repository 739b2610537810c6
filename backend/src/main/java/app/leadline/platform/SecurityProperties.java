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
 */
@ConfigurationProperties("leadline.security")
record SecurityProperties(URI issuerUri, String audience) {

    SecurityProperties {
        audience = audience == null || audience.isBlank() ? "leadline-api" : audience;
    }

    Optional<URI> externalIssuer() {
        return Optional.ofNullable(issuerUri);
    }
}
