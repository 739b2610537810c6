package app.leadline.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The application as an operator runs it: a JVM of its own on a data folder, reached over HTTP only, stopped with
 * SIGTERM or killed with SIGKILL. Each start appends its output to {@code leadline.log} in the folder.
 */
final class LeadlineProcess {

    private static final Pattern STORE_PORT =
            Pattern.compile("Embedded store \\(H2 file in .*\\) listening on /127\\.0\\.0\\.1:(\\d+)");

    private final Path folder;
    private final List<String> settings;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private Process process;
    private long logOffset;

    LeadlineProcess(Path folder, List<String> settings) {
        this.folder = folder;
        this.settings = settings;
        this.port = freePort();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    Path log() {
        return folder.resolve("leadline.log");
    }

    /** Starts the application and waits until it answers; returns the embedded store's port for this run. */
    int start() {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "app.leadline.LeadlineApplication",
                "--server.port=" + port,
                "--leadline.public-base-url=" + baseUrl(),
                "--leadline.store.path=" + folder.resolve("data")));
        settings.forEach(setting -> command.add("--" + setting));
        try {
            logOffset = Files.exists(log()) ? Files.size(log()) : 0;
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Leadline exited at start; see " + log());
            }
            if (answers("/actuator/health")) {
                return storePort();
            }
            pause(200);
        }
        throw new AssertionError("Leadline did not start within 3 minutes; see " + log());
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: a graceful stop. */
    void stop() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String output() {
        try {
            return Files.readString(log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int storePort() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String thisRun = output().substring((int) Math.min(logOffset, output().length()));
            Matcher found = STORE_PORT.matcher(thisRun);
            if (found.find()) {
                return Integer.parseInt(found.group(1));
            }
            pause(100);
        }
        throw new AssertionError("No embedded store port in " + log());
    }

    private boolean answers(String path) {
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create(baseUrl() + path))
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** POSTs a GraphQL document with a bearer token; returns the response body. */
    String graphql(String token, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/graphql"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GraphQL answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The demo shop's token, by client credentials. */
    String shopToken() throws IOException, InterruptedException {
        return accessToken(http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/token"))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        "demo-shop:demo-shop-secret".getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=orders:write"))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /**
     * An agent's token, signed in as the console does: authorization code with PKCE through the embedded server's
     * sign-in form.
     */
    String agentToken(String user, String password) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
        String redirect = baseUrl() + "/console/callback";
        String authorize = baseUrl() + "/oauth2/authorize?"
                + form(Map.of(
                        "response_type", "code",
                        "client_id", "leadline-console",
                        "redirect_uri", redirect,
                        "scope", "openid profile",
                        "state", "crash-test",
                        "code_challenge", challenge,
                        "code_challenge_method", "S256"));
        get(browser, authorize);
        String loginPage = get(browser, baseUrl() + "/login").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        String csrfToken = csrf.find() ? csrf.group(1) : "";
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", user, "password", password, "_csrf", csrfToken))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String next = signedIn.headers().firstValue("Location").orElseThrow();
        String code = null;
        for (int hop = 0; hop < 5 && code == null; hop++) {
            HttpResponse<String> answer = get(browser, next.startsWith("http") ? next : baseUrl() + next);
            next = answer.headers()
                    .firstValue("Location")
                    .orElseThrow(() ->
                            new AssertionError("Sign-in stopped at " + answer.statusCode() + ": " + answer.body()));
            Matcher found = Pattern.compile("[?&]code=([^&]+)").matcher(next);
            if (next.startsWith(redirect) && found.find()) {
                code = found.group(1);
            }
        }
        return accessToken(browser.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                "grant_type",
                                "authorization_code",
                                "code",
                                java.net.URLDecoder.decode(code, StandardCharsets.UTF_8),
                                "redirect_uri",
                                redirect,
                                "client_id",
                                "leadline-console",
                                "code_verifier",
                                verifier))))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String accessToken(HttpResponse<String> response) {
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (!token.find()) {
            throw new AssertionError("No access token: " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
