package app.leadline.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** With an external OIDC issuer configured, tokens are verified against its published keys. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${leadline.security.issuer-uri:}'.isEmpty()")
class ExternalIssuerConfiguration {

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        String issuer = properties.issuerUri().toString();
        NimbusJwtDecoder decoder = properties.jwkSetUri() == null
                ? NimbusJwtDecoder.withIssuerLocation(issuer).build()
                : NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
                        .build();
        decoder.setJwtValidator(SecurityConfiguration.tokenValidator(issuer, properties.audience()));
        return decoder;
    }
}
