package app.leadline.platform;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The embedded default's OAuth2 authorization server, so that Leadline runs with nothing else: a demo shop client
 * (client credentials, scopes {@code orders:write} and {@code purchasing:write}, and {@code orders:read}, which no
 * operation accepts: the tests' token without the right scope) and demo agents. Off as soon as an external issuer is
 * configured. Its signing key lives in memory: tokens do not survive a restart, which is fine for a demo.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${leadline.security.issuer-uri:}'.isEmpty()")
class EmbeddedAuthorizationServerConfiguration {

    static final String DEMO_SHOP_CLIENT = "demo-shop";
    static final String DEMO_SHOP_SECRET = "demo-shop-secret";

    /**
     * The demo's secrets as stored: BCrypt hashes (cost 10) of {@code demo-shop-secret}, {@code agent} and
     * {@code admin}, made once. Hashing them at every start took about a second of it with the client compiler.
     */
    static final String DEMO_SHOP_SECRET_HASH = "{bcrypt}$2a$10$H.kpQqWt6uMkE1rWamwLtO.64Q9JXyFXKU6WDKPMkpv8Djo04W8M6";

    static final Map<String, String> DEMO_AGENT_PASSWORD_HASHES = Map.of(
            "agent", "{bcrypt}$2a$10$YrFsUxkmc8GkRhy8POScH.keFFUDnwhIcQFImEDy3W5RPn5O5T.MK",
            "admin", "{bcrypt}$2a$10$5Pst9ZvHrOrQ3eIH5bPKeOkbhsdukXcnhRh9xJiW7IIrovevy430u");

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurity(
            HttpSecurity http,
            SignInThrottle throttle,
            AuthorizationServerSettings settings,
            LeadlineProperties leadline)
            throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(
                        authorizationServer,
                        server -> server.oidc(Customizer.withDefaults())
                                .clientAuthentication(clients -> clients.authenticationProviders(
                                                providers -> providers.replaceAll(provider ->
                                                        provider instanceof ClientSecretAuthenticationProvider
                                                                ? throttle.guard(provider)
                                                                : provider))
                                        .errorResponseHandler(OAuth2ErrorAnswers::clientNotAuthenticated)))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> signInOrAnswerInJson(exceptions, settings))
                .headers(headers -> signInPageHeaders(headers, leadline));
        return http.build();
    }

    /**
     * A person at the authorization endpoint (or a browser asking for a page) is sent to the sign-in form; a
     * client at the token, revocation or introspection endpoint without credentials gets RFC 6749's
     * {@code invalid_client} in JSON, whatever it accepts.
     */
    private static void signInOrAnswerInJson(
            ExceptionHandlingConfigurer<HttpSecurity> exceptions, AuthorizationServerSettings settings) {
        MediaTypeRequestMatcher pages = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        pages.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        RequestMatcher people = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(settings.getAuthorizationEndpoint()), pages);
        exceptions
                .defaultAuthenticationEntryPointFor(
                        OAuth2ErrorAnswers::clientMissing, new NegatedRequestMatcher(people))
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), people);
    }

    /** The sign-in form that the authorization endpoint sends agents to, with its stylesheet, and signing out. */
    @Bean
    @Order(2)
    SecurityFilterChain signInSecurity(
            HttpSecurity http,
            SignInThrottle throttle,
            UserDetailsService agents,
            PasswordEncoder passwords,
            LeadlineProperties leadline)
            throws Exception {
        DaoAuthenticationProvider agentPasswords = new DaoAuthenticationProvider(agents);
        agentPasswords.setPasswordEncoder(passwords);
        http.securityMatcher("/login", "/logout", "/sign-in.css")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .authenticationManager(throttle.guard(new ProviderManager(agentPasswords)))
                // The form is the shop's own page (shop/SignInPage), in the console's language.
                // Signed in on the form opened by itself (no authorization request waiting), the agent goes to
                // the console, not to the customers' page at "/".
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/console")
                        .withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
                            // The form keeps its own error page; only an attempt refused unlooked-at is answered
                            // otherwise.
                            @Override
                            public <F extends UsernamePasswordAuthenticationFilter> F postProcess(F filter) {
                                filter.setAuthenticationFailureHandler(SignInThrottle.signInFailures());
                                return filter;
                            }
                        }))
                .headers(headers -> signInPageHeaders(headers, leadline));
        return http.build();
    }

    /**
     * The sign-in pages load nothing but their own stylesheet, cannot be framed, and post only here or back to
     * the console; the address (which may carry the authorization request) is not sent on as a referrer.
     */
    private static void signInPageHeaders(HeadersConfigurer<HttpSecurity> headers, LeadlineProperties leadline) {
        URI base = leadline.publicBaseUrl();
        String origin = base.getScheme() + "://" + base.getAuthority();
        headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'none'; style-src 'self'; img-src 'self'; "
                                + "form-action 'self' " + origin + "; frame-ancestors 'none'; base-uri 'none'"));
    }

    @Bean
    SignInThrottle signInThrottle(Clock clock) {
        return new SignInThrottle(clock);
    }

    /**
     * What the server issued and what it has since revoked (at the revocation endpoint, or because an
     * authorization code was used twice); the API refuses tokens this does not hold as active access tokens.
     */
    @Bean
    OAuth2AuthorizationService authorizations() {
        return new InMemoryOAuth2AuthorizationService();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(LeadlineProperties leadline) {
        return AuthorizationServerSettings.builder().issuer(leadline.link("")).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(
            LeadlineProperties leadline, @Value("${leadline.console.access-token-ttl:5m}") Duration consoleTokenLife) {
        RegisteredClient shop = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(DEMO_SHOP_CLIENT)
                .clientSecret(DEMO_SHOP_SECRET_HASH)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("orders:write")
                .scope("orders:read")
                .scope("purchasing:write")
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(30))
                        .build())
                .build();
        RegisteredClient console = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("leadline-console")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(leadline.link("/console/callback"))
                .postLogoutRedirectUri(leadline.link("/console"))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).build())
                // A public client gets no refresh token: the console renews its token with prompt=none while the
                // agent's session here lasts.
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(consoleTokenLife)
                        .build())
                .build();
        return new InMemoryRegisteredClientRepository(shop, console);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Demo agents for the console: {@code agent}/{@code agent} and {@code admin}/{@code admin}. */
    @Bean
    UserDetailsService demoAgents() {
        return new InMemoryUserDetailsManager(
                User.withUsername("agent")
                        .password(DEMO_AGENT_PASSWORD_HASHES.get("agent"))
                        .roles("AGENT")
                        .build(),
                User.withUsername("admin")
                        .password(DEMO_AGENT_PASSWORD_HASHES.get("admin"))
                        .roles("AGENT", "ADMIN")
                        .build());
    }

    /**
     * Access tokens are for Leadline's API and carry an agent's roles. ID tokens keep the audience OIDC gives them,
     * the client's id, so that no one can present one to the API as an access token.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> audienceAndRoles(SecurityProperties security) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            context.getClaims().audience(List.of(security.audience()));
            Set<String> roles = context.getPrincipal().getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(authority -> authority.startsWith("ROLE_"))
                    .map(authority -> authority.substring("ROLE_".length()))
                    .collect(Collectors.toSet());
            if (!roles.isEmpty()) {
                context.getClaims().claim("roles", roles);
            }
        };
    }

    /** The server's signing key, made beside the start (see {@link SigningKey}). */
    @Bean
    SigningKey jwkSource() {
        return new SigningKey();
    }

    /**
     * Verifies what the embedded server signed, without a network round trip to its own JWK endpoint, and accepts
     * only access tokens it issued and has not revoked (so neither an ID token nor a revoked token).
     */
    @Bean
    JwtDecoder jwtDecoder(
            JWKSource<SecurityContext> jwkSource,
            LeadlineProperties leadline,
            SecurityProperties security,
            OAuth2AuthorizationService authorizations) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, jwkSource));
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                SecurityConfiguration.tokenValidator(leadline.link(""), security.audience()),
                activeAccessToken(authorizations)));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> activeAccessToken(OAuth2AuthorizationService authorizations) {
        OAuth2Error notActive = new OAuth2Error(
                OAuth2ErrorCodes.INVALID_TOKEN, "Not an access token this server issued, or revoked", null);
        return jwt -> {
            OAuth2Authorization authorization =
                    authorizations.findByToken(jwt.getTokenValue(), OAuth2TokenType.ACCESS_TOKEN);
            return authorization != null
                            && authorization.getAccessToken() != null
                            && authorization.getAccessToken().isActive()
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(notActive);
        };
    }
}
