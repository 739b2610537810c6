package app.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

@LeadlineIntegrationTest
class GraphQlHardeningIntegrationTests {

    @Autowired
    Clients clients;

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
    void anOverlyComplexQueryIsRefused() {
        String fields = IntStream.range(0, 80)
                .mapToObj(i -> "a" + i + ": trackOrder(token: \"x\") { number lines { sku name } }")
                .collect(Collectors.joining(" "));

        String body = post("{ " + fields + " }");

        assertThat(body).contains("errors").contains("complexity").doesNotContain("\"data\":{\"a0\"");
    }

    @Test
    void queriesOverGetAreRefused() {
        clients.http()
                .get()
                .uri("/graphql?query={query}", "{ trackOrder(token: \"x\") { number } }")
                .exchange()
                .expectStatus()
                .is4xxClientError()
                .expectBody(String.class)
                .value(body -> assertThat(body == null ? "" : body).doesNotContain("\"data\""));
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

    private String post(String query) {
        return clients.http()
                .post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query))
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
