package app.leadline.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The callers of a running application in tests: an anonymous customer, the demo shop with a real token from the
 * embedded authorization server, and forged or faulty tokens for the security tests.
 */
public class Clients {

    private final Environment environment;
    private final JWKSource<SecurityContext> keys;
    private final String issuer;
    private final ObjectProvider<OAuth2AuthorizationService> authorizations;
    private final ObjectProvider<RegisteredClientRepository> registeredClients;
    /** The demo shop's tokens by scope, kept between calls (see {@link #shopToken}). */
    private final Map<String, HeldToken> shopTokens = new ConcurrentHashMap<>();
    /** Agents' tokens by name and roles, kept between calls (see {@link #agentToken(String, String...)}). */
    private final Map<String, HeldToken> agentTokens = new ConcurrentHashMap<>();

    Clients(
            Environment environment,
            JWKSource<SecurityContext> keys,
            ObjectProvider<OAuth2AuthorizationService> authorizations,
            ObjectProvider<RegisteredClientRepository> registeredClients) {
        this.environment = environment;
        this.keys = keys;
        this.authorizations = authorizations;
        this.registeredClients = registeredClients;
        this.issuer = environment.getRequiredProperty("leadline.public-base-url");
    }

    /** The server's port, known once it has started. */
    public int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    public WebTestClient http() {
        return WebTestClient.bindToServer(new JdkClientHttpConnector())
                .baseUrl("http://localhost:" + port())
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    public HttpGraphQlTester anonymous() {
        return HttpGraphQlTester.create(http().mutate()
                .baseUrl("http://localhost:" + port() + "/graphql")
                .build());
    }

    public HttpGraphQlTester withToken(String token) {
        return anonymous()
                .mutate()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build();
    }

    /** A browser of its own, signing in to the console against the embedded authorization server. */
    public ConsoleBrowser consoleBrowser() {
        return new ConsoleBrowser(port());
    }

    /** The demo shop, with a token it got from the embedded authorization server by client credentials. */
    public HttpGraphQlTester shop() {
        return withToken(shopToken("orders:write"));
    }

    /**
     * The demo shop's token for {@code scope}, asked for once and used until a minute before it expires, as a shop's
     * integration keeps its token. Each request for a token checks the client's secret against its bcrypt hash
     * (about 80 ms of a core); asking once per call of {@link #shop()} made that check two fifths of the test
     * JVM's sampled processor time. {@link #clientCredentialsToken} asks for a new one, for a test that revokes it.
     */
    public String shopToken(String scope) {
        return held(shopTokens, scope, () -> newShopToken(scope));
    }

    private record HeldToken(String value, Instant validUntil) {}

    /** The token held under {@code key}, or a new one from {@code fresh} when it has less than a minute left. */
    private static String held(Map<String, HeldToken> tokens, String key, Supplier<HeldToken> fresh) {
        Instant soon = Instant.now().plusSeconds(60);
        return tokens.compute(
                        key, (name, held) -> held != null && held.validUntil().isAfter(soon) ? held : fresh.get())
                .value();
    }

    private HeldToken newShopToken(String scope) {
        Instant askedAt = Instant.now();
        Map<?, ?> answer = clientCredentials("demo-shop", "demo-shop-secret", scope)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return new HeldToken(
                (String) answer.get("access_token"),
                askedAt.plusSeconds(((Number) answer.get("expires_in")).longValue()));
    }

    /** The demo shop hands the order over; returns the token of its tracking link. */
    public String place(OrderInputs order) {
        String link = shop().documentName("placeOrders")
                .variable("input", OrderInputs.batch(order))
                .execute()
                .path("placeOrders.errors")
                .entityList(Object.class)
                .hasSize(0)
                .path("placeOrders.orders[0].trackingUrl")
                .entity(String.class)
                .get();
        return link.substring(link.lastIndexOf('/') + 1);
    }

    /** A new token of the demo shop's for {@code scope}; see {@link #shopToken} for one kept between calls. */
    public String clientCredentialsToken(String scope) {
        return newShopToken(scope).value();
    }

    /** A client asks the embedded authorization server for a token with its id and secret. */
    public WebTestClient.ResponseSpec clientCredentials(String clientId, String secret, String scope) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("scope", scope);
        return http().post()
                .uri("/oauth2/token")
                .headers(headers -> headers.setBasicAuth(clientId, secret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange();
    }

    /** A token signed with the server's own key, with claims the test chooses. */
    public String signedToken(String audience, String scope, Instant expiresAt, String tokenIssuer) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(tokenIssuer)
                .subject("demo-shop")
                .audience(List.of(audience))
                .claim("scope", List.of(scope))
                .issuedAt(expiresAt.minus(Duration.ofMinutes(30)))
                .expiresAt(expiresAt)
                .build();
        return issued(claims, "demo-shop", AuthorizationGrantType.CLIENT_CREDENTIALS);
    }

    /** A signed-in agent (roles AGENT, and ADMIN if asked), as the authorization server would issue it. */
    public HttpGraphQlTester agent(String name, String... roles) {
        return withToken(agentToken(name, roles));
    }

    /**
     * The access token of {@link #agent}, valid for ten minutes and kept between calls until a minute before that
     * (signing one with the server's RSA key takes some milliseconds of a core, and the access rules ask for one per
     * operation).
     */
    public String agentToken(String name, String... roles) {
        return held(agentTokens, name + " " + String.join(" ", roles), () -> {
            Instant validUntil = Instant.now().plusSeconds(600);
            return new HeldToken(agentToken(name, validUntil, roles), validUntil);
        });
    }

    /** The access token of {@link #agent}, valid until {@code expiresAt}. */
    public String agentToken(String name, Instant expiresAt, String... roles) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(name)
                .audience(List.of("leadline-api"))
                .claim("roles", List.of(roles.length == 0 ? new String[] {"AGENT"} : roles))
                .issuedAt(Instant.now())
                .expiresAt(expiresAt)
                .build();
        return issued(claims, "leadline-console", AuthorizationGrantType.AUTHORIZATION_CODE);
    }

    /**
     * Signs the claims with the server's key and, as the embedded server does with what it issues, records the
     * token as issued to the client: the API accepts only access tokens the server holds as issued and not revoked.
     */
    private String issued(JwtClaimsSet claims, String clientId, AuthorizationGrantType grant) {
        String token = new NimbusJwtEncoder(keys)
                .encode(JwtEncoderParameters.from(claims))
                .getTokenValue();
        authorizations.ifAvailable(service -> service.save(OAuth2Authorization.withRegisteredClient(
                        registeredClients.getObject().findByClientId(clientId))
                .principalName(claims.getSubject())
                .authorizationGrantType(grant)
                .token(new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER, token, claims.getIssuedAt(), claims.getExpiresAt()))
                .build()));
        return token;
    }

    public String validToken(String scope) {
        return signedToken("leadline-api", scope, Instant.now().plusSeconds(600), issuer);
    }

    /** An unsigned token ({@code alg: none}) claiming everything. */
    public String unsignedToken() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(("{\"iss\":\"" + issuer
                        + "\",\"sub\":\"forger\",\"aud\":[\"leadline-api\"]," + "\"scope\":[\"orders:write\"],\"exp\":"
                        + Instant.now().plusSeconds(600).getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    /** A well-formed token signed by a key the server has never seen. */
    public String tokenSignedByStranger() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .keyID("stranger")
                        .build(),
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .subject("forger")
                        .audience("leadline-api")
                        .claim("scope", List.of("orders:write"))
                        .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                        .build());
        jwt.sign(new RSASSASigner(stranger));
        return jwt.serialize();
    }
}
