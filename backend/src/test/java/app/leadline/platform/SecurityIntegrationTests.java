package app.leadline.platform;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.OrderQueries;
import app.leadline.support.Clients;
import app.leadline.support.ConsoleBrowser;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.Refusals;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.provisioning.UserDetailsManager;

/**
 * Who may call the API (only a valid access token from the configured issuer, for Leadline, not revoked, with the
 * scope or role asked for) and how the embedded sign-in server answers people and clients.
 */
@LeadlineIntegrationTest
class SecurityIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    OrderQueries orders;

    @Autowired
    UserDetailsService agents;

    @Autowired
    RegisteredClientRepository registeredClients;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void theDemoShopPlacesOrdersWithATokenFromTheEmbeddedAuthorizationServer() {
        OrderInputs order = anOrder();

        clients.shop()
                .documentName("placeOrders")
                .variable("input", batch(order))
                .execute()
                .path("placeOrders.orders[0].created")
                .entity(Boolean.class)
                .isEqualTo(true);
        assertThat(orders.byNumber(order.number())).isPresent();
    }

    @Test
    void rejectsPlacingOrdersWithoutAToken() {
        assertRefusedInGraphQl(clients.anonymous(), ErrorType.UNAUTHORIZED);
    }

    @Test
    void rejectsATokenWithoutTheOrdersWriteScope() {
        assertRefusedInGraphQl(clients.withToken(clients.clientCredentialsToken("orders:read")), ErrorType.FORBIDDEN);
    }

    private void assertRefusedInGraphQl(HttpGraphQlTester caller, ErrorType expected) {
        OrderInputs order = anOrder();

        caller.documentName("placeOrders")
                .variable("input", batch(order))
                .execute()
                .errors()
                .satisfy(Refusals.only(expected));
        assertThat(orders.byNumber(order.number())).isEmpty();
    }

    @Test
    void rejectsATokenForAnotherAudience() {
        assertRejected(clients.signedToken(
                "some-other-api", "orders:write", Instant.now().plusSeconds(600), "http://localhost:8080"));
    }

    @Test
    void rejectsAnExpiredToken() {
        assertRejected(clients.signedToken(
                "leadline-api", "orders:write", Instant.now().minusSeconds(600), "http://localhost:8080"));
    }

    @Test
    void rejectsATokenFromAnotherIssuer() {
        assertRejected(clients.signedToken(
                "leadline-api", "orders:write", Instant.now().plusSeconds(600), "https://evil.example"));
    }

    @Test
    void rejectsAForgedUnsignedToken() {
        assertRejected(clients.unsignedToken());
    }

    @Test
    void rejectsATokenSignedByAStrangersKey() throws Exception {
        assertRejected(clients.tokenSignedByStranger());
    }

    @Test
    void acceptsAHandSignedTokenThatHasEverythingRight() {
        OrderInputs order = anOrder();
        clients.withToken(clients.validToken("orders:write"))
                .documentName("placeOrders")
                .variable("input", batch(order))
                .execute()
                .path("placeOrders.orders[0].created")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    private void assertRejected(String token) {
        OrderInputs order = anOrder();
        clients.http()
                .post()
                .uri("/graphql")
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "query",
                        "mutation($input: PlaceOrdersInput!) { placeOrders(input: $input) { errors { code } } }",
                        "variables",
                        Map.of("input", batch(order))))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.UNAUTHORIZED)
                .expectHeader()
                .value("WWW-Authenticate", value -> assertThat(value).startsWith("Bearer"));
        assertThat(orders.byNumber(order.number())).isEmpty();
    }

    private void assertRejectedOnTheApi(String token) {
        clients.http()
                .post()
                .uri("/graphql")
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ segmentPolicies { segment } }"))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.UNAUTHORIZED)
                .expectHeader()
                .value("WWW-Authenticate", value -> assertThat(value).startsWith("Bearer"));
    }

    private void assertAcceptedOnTheApi(String token) {
        clients.withToken(token)
                .document("{ __typename }")
                .execute()
                .path("__typename")
                .entity(String.class)
                .isEqualTo("Query");
    }

    @Test
    void theConsolesIdTokenIsForTheConsoleAndNotAnAccessToken() {
        Map<String, Object> tokens = clients.consoleBrowser().tokens("agent", "agent");
        String idToken = (String) tokens.get("id_token");

        // One audience may be written as a string or as a list of one (OIDC Core 2).
        assertThat(ConsoleBrowser.claims(idToken).get("aud"))
                .isIn(ConsoleBrowser.CLIENT_ID, List.of(ConsoleBrowser.CLIENT_ID));
        clients.withToken((String) tokens.get("access_token"))
                .document("{ segmentPolicies { segment } }")
                .execute()
                .path("segmentPolicies[*].segment")
                .entityList(String.class)
                .contains("B2C");
        assertRejectedOnTheApi(idToken);
    }

    @Test
    void aRevokedTokenIsRefused() {
        String token = clients.clientCredentialsToken("orders:write");
        assertAcceptedOnTheApi(token);

        clients.http()
                .post()
                .uri("/oauth2/revoke")
                .headers(headers -> headers.setBasicAuth("demo-shop", "demo-shop-secret"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("token=" + token)
                .exchange()
                .expectStatus()
                .isOk();

        assertRejectedOnTheApi(token);
    }

    @Test
    void tokensFromAnAuthorizationCodeUsedTwiceAreRefused() {
        ConsoleBrowser browser = clients.consoleBrowser();
        String code = browser.signIn("agent", "agent").orElseThrow();
        String token =
                (String) ConsoleBrowser.json(browser.exchange(code).body()).get("access_token");
        assertAcceptedOnTheApi(token);

        HttpResponse<String> replay = browser.exchange(code);

        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(ConsoleBrowser.json(replay.body())).containsEntry("error", "invalid_grant");
        assertRejectedOnTheApi(token);
    }

    @Test
    void aTokenRequestWithoutItsCodeVerifierIsAnsweredInJson() {
        HttpResponse<String> answer = clients.consoleBrowser()
                .post(
                        "/oauth2/token",
                        ConsoleBrowser.form(Map.of(
                                "grant_type",
                                "authorization_code",
                                "code",
                                "some-code",
                                "redirect_uri",
                                ConsoleBrowser.REDIRECT_URI,
                                "client_id",
                                ConsoleBrowser.CLIENT_ID)),
                        "*/*");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(ConsoleBrowser.json(answer.body())).containsEntry("error", "invalid_client");
    }

    @Test
    void theSignInPagesLoadOnlyTheirOwnStylesheetAndSendNoReferrer() {
        ConsoleBrowser browser = clients.consoleBrowser();
        HttpResponse<String> authorize = browser.authorize();
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(authorize.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));

        for (String path : List.of("/oauth2/authorize", "/login")) {
            clients.http()
                    .get()
                    .uri(path)
                    .accept(MediaType.TEXT_HTML)
                    .exchange()
                    .expectHeader()
                    .value(
                            "Content-Security-Policy",
                            csp -> assertThat(csp)
                                    .contains("default-src 'none'", "style-src 'self'", "frame-ancestors 'none'"))
                    .expectHeader()
                    .valueEquals("Referrer-Policy", "no-referrer");
        }
        clients.http()
                .get()
                .uri("/sign-in.css")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/css");
    }

    @Test
    void anAgentWhoseWrongPasswordsPileUpMustWaitEvenWithTheRightOne() {
        String name = "agent-" + UUID.randomUUID();
        ((UserDetailsManager) agents)
                .createUser(User.withUsername(name)
                        .password(passwords.encode("right"))
                        .roles("AGENT")
                        .build());
        ConsoleBrowser browser = clients.consoleBrowser();
        for (int i = 0; i < 25; i++) {
            assertThat(browser.signIn(name, "wrong-" + i)).isEmpty();
        }

        HttpResponse<String> right = browser.submitSignIn(name, "right");
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue(HttpHeaders.RETRY_AFTER))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(right.body()).contains("Too many failed sign-ins");
        // The wait is this account's: another agent at the same address signs in.
        assertThat(clients.consoleBrowser().signIn("agent", "agent")).isPresent();
    }

    @Test
    void aClientWhoseWrongSecretsPileUpMustWaitEvenWithTheRightOne() {
        String clientId = "shop-" + UUID.randomUUID();
        registeredClients.save(RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientSecret(passwords.encode("right"))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("orders:write")
                .build());
        for (int i = 0; i < 25; i++) {
            clients.clientCredentials(clientId, "wrong-" + i, "orders:write")
                    .expectStatus()
                    .value(status -> assertThat(status).isIn(401, 429));
        }

        clients.clientCredentials(clientId, "right", "orders:write")
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive())
                .expectBody(Map.class)
                .value(error -> assertThat(error).containsEntry("error", "invalid_client"));
        // The wait is this client's: the demo shop, at the same address, still gets its token.
        assertThat(clients.clientCredentialsToken("orders:write")).isNotBlank();
    }

    @Test
    void segmentPoliciesAreForAgentsOnly() {
        clients.anonymous()
                .document("{ segmentPolicies { segment autoApproveRefundAfterDaysLate } }")
                .execute()
                .errors()
                .satisfy(Refusals.only(ErrorType.UNAUTHORIZED));
        clients.agent("agent-1")
                .document("{ segmentPolicies { segment } }")
                .execute()
                .path("segmentPolicies[*].segment")
                .entityList(String.class)
                .contains("B2B", "B2C");
    }
}
