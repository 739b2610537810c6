package app.leadline.platform;

import app.leadline.platform.GraphQlConfiguration.GraphQlLimits;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The API is an OAuth2 resource server: bearer JWTs checked for signature, issuer, audience and expiry. Who may
 * do what (scopes, roles) is checked in the service layer, so the HTTP layer lets GraphQL requests through and
 * the customer's tracking query works without a token.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain apiSecurity(HttpSecurity http, Environment environment, GraphQlLimits limits) throws Exception {
        // The management port when it is a port of its own. Without one, Spring Boot reports the server's port as
        // the management port too, and that is the public port: metrics must not answer there.
        RequestMatcher onManagementPort = request -> {
            Integer managementPort = environment.getProperty("local.management.port", Integer.class);
            Integer serverPort = environment.getProperty("local.server.port", Integer.class);
            return managementPort != null
                    && managementPort > 0
                    && !managementPort.equals(serverPort)
                    && request.getLocalPort() == managementPort;
        };
        http.securityMatcher("/**")
                .authorizeHttpRequests(requests -> requests
                        // Who may run what is checked per field in the service layer; other methods than POST are
                        // answered 405 by the GraphQL endpoint itself.
                        .requestMatchers("/graphql")
                        .permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health")
                        .permitAll()
                        // Metrics and the rest only on the management port, which stays inside the cluster.
                        .requestMatchers(onManagementPort)
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .denyAll()
                        .anyRequest()
                        .permitAll())
                .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                .addFilterAfter(new GraphQlRequestSize(limits), BearerTokenAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless: bearer tokens, never cookies, authenticate these requests, so a forged cross-site
                // request carries no credential and CSRF tokens would protect nothing.
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        // Images from any https address too: the shop's logo may live on the shop's own site.
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; "
                                        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")));
        return http.build();
    }

    /**
     * Authorities from a token: its scopes as {@code SCOPE_x} (the shop's {@code orders:write}) and its {@code roles}
     * claim as {@code ROLE_x} (agents' {@code AGENT}, {@code ADMIN}), as Keycloak and the embedded server put them.
     */
    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
            authorities.addAll(roles.convert(jwt));
            return authorities;
        });
        // Agents are named by their user name where the issuer gives one (Keycloak's subject is an opaque id).
        converter.setJwtPrincipalConverter(jwt -> {
            String name = jwt.getClaimAsString("preferred_username");
            return new DefaultOAuth2AuthenticatedPrincipal(
                    name == null || name.isBlank() ? jwt.getSubject() : name, jwt.getClaims(), List.of());
        });
        return converter;
    }

    /** Signature and expiry (the defaults), plus the configured issuer and audience. */
    static OAuth2TokenValidator<Jwt> tokenValidator(String issuer, String audience) {
        OAuth2TokenValidator<Jwt> audienceValidator =
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience));
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audienceValidator);
    }
}
