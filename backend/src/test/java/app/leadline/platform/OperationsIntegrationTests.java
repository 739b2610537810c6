package app.leadline.platform;

import static app.leadline.support.OrderInputs.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.Clients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * What operators scrape and probe, on a management port of its own: the business metrics answer there and
 * nowhere else; health answers on both; every response names its request id.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "leadline.store.backend=MEMORY",
            "leadline.demo.enabled=false",
            "leadline.notifications.echo=false",
            "management.server.port=0",
            "leadline.notifications.quiet-hours=00:00-00:00"
        })
@Import(Clients.class)
class OperationsIntegrationTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    Clients clients;

    private static HttpResponse<String> get(int port, String path, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String scrape() {
        try {
            return get(managementPort, "/actuator/prometheus", null).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void businessMetricsAreScrapedOnTheManagementPortOnly() throws Exception {
        clients.place(anOrder());
        // Its confirmation goes to the embedded outbox with the next dispatch, and is counted.
        app.leadline.support.Waiting.until(
                () -> scrape().contains("leadline_messages_total{"),
                java.time.Duration.ofSeconds(15),
                "the confirmation is counted");

        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("leadline_orders_placed_total\\{[^}]*} [1-9]")
                .contains("leadline_lines_late", "leadline_refunds_open", "leadline_delays_running")
                .containsPattern("leadline_messages_total\\{[^}]*channel=\"EMAIL\"[^}]*status=\"OUTBOX\"[^}]*} [1-9]")
                // GraphQL's own observations: the request that placed the order, and the data fetcher that did.
                .containsPattern("graphql_request_seconds_count\\{[^}]*} [1-9]")
                .containsPattern("graphql_datafetcher_seconds_count\\{[^}]*field_name=\"placeOrders\"[^}]*} [1-9]");

        assertThat(get(port, "/actuator/prometheus", null).statusCode()).isIn(401, 403);
        assertThat(get(managementPort, "/actuator/health/readiness", null).body())
                .contains("\"UP\"");
    }

    @Test
    void everyResponseNamesItsRequestIdAndKeepsAProxysOwn() throws Exception {
        HttpResponse<String> given = get(port, "/actuator/health", "edge-4711");
        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("edge-4711");

        HttpResponse<String> made = get(port, "/actuator/health", "not a plain id <script>");
        assertThat(made.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }
}
