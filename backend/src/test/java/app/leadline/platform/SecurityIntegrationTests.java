package app.leadline.platform;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.OrderQueries;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.Refusals;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

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
