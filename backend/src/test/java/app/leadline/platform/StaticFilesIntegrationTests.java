package app.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.LeadlineIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * What a browser gets for the page: the built scripts compressed and kept for a year, the HTML and the API never
 * kept, so that a new build or a changed order shows at once.
 */
@LeadlineIntegrationTest
class StaticFilesIntegrationTests {

    private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theScriptComesCompressedAndIsKeptForAYear() throws Exception {
        String script = scriptOfThePage();

        // What Chromium sends: gzip named first, all equally welcome. Brotli is the smaller, and is served.
        HttpResponse<byte[]> brotli = get(script, "gzip, deflate, br, zstd");
        HttpResponse<InputStream> gzip =
                http.send(request(script, "gzip").build(), HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<byte[]> plain = get(script, "identity");

        assertThat(brotli.statusCode()).isEqualTo(200);
        assertThat(brotli.headers().firstValue("Content-Encoding")).contains("br");
        assertThat(brotli.body().length).isLessThan(plain.body().length / 3);
        assertThat(gzip.headers().firstValue("Content-Encoding")).contains("gzip");
        try (InputStream unzipped = new GZIPInputStream(gzip.body())) {
            assertThat(unzipped.readAllBytes()).isEqualTo(plain.body());
        }
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        for (HttpResponse<?> answer : new HttpResponse<?>[] {brotli, gzip, plain}) {
            assertThat(answer.headers().firstValue("Cache-Control")).contains("max-age=31536000, public, immutable");
            assertThat(answer.headers().allValues("Vary"))
                    .as("Vary of %s", answer.headers().firstValue("Content-Encoding"))
                    .anySatisfy(vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));
        }
    }

    @Test
    void theHtmlAndTheApiAreNeverKept() throws Exception {
        HttpResponse<byte[]> home = get("/", "br, gzip");
        HttpResponse<byte[]> trackingPage = get("/t/any-token", "br, gzip");
        HttpResponse<String> api = http.send(
                request("/graphql", "gzip")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ shop { name } }\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(new String(home.body(), StandardCharsets.UTF_8)).contains("<div id=\"root\">");
        assertThat(new String(trackingPage.body(), StandardCharsets.UTF_8)).contains("<div id=\"root\">");
        assertThat(api.body()).contains("\"shop\"");
        for (HttpResponse<?> answer : new HttpResponse<?>[] {home, trackingPage, api}) {
            assertThat(answer.headers().firstValue("Cache-Control"))
                    .hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
        }
    }

    @Test
    void aBrowserSentToAnAddressLeadlineDoesNotHaveGetsThePageAndATrackingLinkWithMoreAfterItsTokenOpensIt()
            throws Exception {
        HttpResponse<String> unknown = page("/no-such-page", "text/html");
        HttpResponse<String> slashAfterToken = page("/t/any-token/", "text/html");
        HttpResponse<String> api = page("/no-such-page", "application/json");

        // The page says how to find an order; the status still says there is nothing at that address.
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("<div id=\"root\">").doesNotContain("Whitelabel");
        assertThat(slashAfterToken.statusCode()).isEqualTo(200);
        assertThat(slashAfterToken.body()).contains("<div id=\"root\">");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).doesNotContain("<div id=\"root\">");
    }

    private HttpResponse<String> page(String path, String accept) throws Exception {
        return http.send(
                request(path, "identity").header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String scriptOfThePage() throws IOException {
        String html = new ClassPathResource("static/index.html").getContentAsString(StandardCharsets.UTF_8);
        Matcher script = SCRIPT.matcher(html);
        assertThat(script.find()).as("the built page names its script").isTrue();
        return script.group(1);
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        return http.send(request(path, acceptEncoding).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(String path, String acceptEncoding) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Encoding", acceptEncoding);
    }
}
