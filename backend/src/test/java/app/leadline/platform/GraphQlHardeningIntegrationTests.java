package app.leadline.platform;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.OrderQueries;
import app.leadline.support.Clients;
import app.leadline.support.ConsoleBrowser;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** What one request may ask of the API, and what answers on the public port. */
@LeadlineIntegrationTest
class GraphQlHardeningIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    OrderQueries orders;

    @Test
    void introspectionIsOffOutsideDevelopment() {
        assertThat(post("{ __schema { types { name } } }")).contains("errors").doesNotContain("TrackedOrder");
    }

    @Test
    void aMistypedFieldGetsNoSuggestions() {
        String body = post("{ trackOrder(token: \"x\") { numbr } }");

        assertThat(body).contains("numbr").doesNotContain("Did you mean").doesNotContain("\"number\"");
    }

    @Test
    void anOverlyComplexQueryIsRefusedEachTimeItIsSent() {
        String query = "{ " + trackOrders(20, "") + " }";

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(post(query))
                    .as("attempt %d", attempt)
                    .contains("errors")
                    .contains("complexity")
                    .doesNotContain("\"data\":{");
        }
    }

    @Test
    void fieldsSkippedByAVariableCountOnlyWhenTheyRun() {
        String query = "query($all: Boolean!) { " + trackOrders(20, "@include(if: $all)") + " }";

        assertThat(post(query, Map.of("all", false))).doesNotContain("complexity");
        assertThat(post(query, Map.of("all", true))).contains("complexity").doesNotContain("\"data\":{");
        assertThat(post(query, Map.of("all", false))).doesNotContain("complexity");
    }

    /** {@code count} aliased tracking queries asking for most of an order, each with {@code directive}. */
    private static String trackOrders(int count, String directive) {
        return IntStream.range(0, count)
                .mapToObj(i -> "a" + i + ": trackOrder(token: \"x\") " + directive
                        + " { number placedAt locale currency deliveryPreference destinationCountry lines { id sku"
                        + " name quantity source status promisedDate late } }")
                .collect(Collectors.joining(" "));
    }

    @Test
    void aDocumentWithManyAliasesIsRefused() {
        for (String field : List.of("trackOrder(token: \"x\") { number }", "__typename")) {
            String aliases = IntStream.range(0, 140)
                    .mapToObj(i -> "a" + i + ": " + field)
                    .collect(Collectors.joining(" "));

            Map<String, Object> answer = json(post("{ " + aliases + " }"));

            assertThat(answer).doesNotContainKey("data");
            assertThat(codes(answer)).containsExactly("TOO_MANY_ALIASES");
        }
        assertThat(post("{ a: __typename b: __typename }")).contains("\"a\":\"Query\"");
    }

    @Test
    void queriesOverGetAreAnsweredMethodNotAllowed() {
        clients.http()
                .get()
                .uri("/graphql?query={query}", "{ trackOrder(token: \"x\") { number } }")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader()
                .valueEquals(HttpHeaders.ALLOW, "POST")
                .expectHeader()
                .doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody(String.class)
                .value(body -> assertThat(body == null ? "" : body).doesNotContain("\"data\""));
    }

    @Test
    void aLargeRequestWithoutATokenIsRefusedBeforeItIsRead() {
        String padding = "x".repeat(1024 * 1024);

        EntityExchangeResult<String> answer = clients.http()
                .post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ trackOrder(token: \"" + padding + "\") { number } }"))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody(String.class)
                .returnResult();

        assertThat(codes(json(answer.getResponseBody()))).containsExactly("REQUEST_TOO_LARGE");
    }

    @Test
    void aShopSentNameHasALengthLimit() {
        OrderInputs order = anOrder().customer("name", "N".repeat(200_000));

        clients.shop()
                .documentName("placeOrders")
                .variable("input", batch(order))
                .execute()
                .path("placeOrders.orders")
                .entityList(Object.class)
                .hasSize(0)
                .path("placeOrders.errors[0].code")
                .entity(String.class)
                .isEqualTo("TOO_LONG")
                .path("placeOrders.errors[0].field")
                .entity(String.class)
                .isEqualTo("orders[0].customer.name");
        assertThat(orders.byNumber(order.number())).isEmpty();
    }

    @Test
    void onlyHealthAnswersOnThePublicPort() {
        for (String path : List.of("/actuator/prometheus", "/actuator/info", "/actuator/metrics")) {
            clients.http()
                    .get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .value(status -> assertThat(status).as(path).isIn(401, 403, 404))
                    .expectBody(String.class)
                    .value(body -> assertThat(body == null ? "" : body).doesNotContain("leadline_"));
        }
    }

    @Test
    void healthIsUp() {
        clients.http()
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("UP"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(Map<String, Object> answer) {
        return ((List<Map<String, Object>>) answer.get("errors"))
                .stream()
                        .map(error -> (String) ((Map<String, Object>) error.get("extensions")).get("code"))
                        .toList();
    }

    private static Map<String, Object> json(String body) {
        return ConsoleBrowser.json(body);
    }

    private String post(String query) {
        return post(query, Map.of());
    }

    private String post(String query, Map<String, Object> variables) {
        return clients.http()
                .post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query, "variables", variables))
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
