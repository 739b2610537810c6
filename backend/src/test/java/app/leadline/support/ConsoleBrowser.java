package app.leadline.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser on the console's sign-in against the embedded authorization server, as the console page drives it:
 * authorization code with PKCE, the sign-in form with its CSRF token, then the code exchanged at the token
 * endpoint. Each instance has its own cookies.
 */
public class ConsoleBrowser {

    public static final String CLIENT_ID = "leadline-console";
    public static final String REDIRECT_URI = "http://localhost:8080/console/callback";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    private final URI base;
    private final HttpClient http;
    private final String verifier;

    ConsoleBrowser(int port) {
        this.base = URI.create("http://localhost:" + port);
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Opens the authorization endpoint as the console does, and answers what it says. */
    public HttpResponse<String> authorize() {
        return authorize(Map.of());
    }

    /** As {@link #authorize()}, with more parameters of the authorization request (say, {@code ui_locales}). */
    public HttpResponse<String> authorize(Map<String, String> more) {
        Map<String, String> parameters = new LinkedHashMap<>(Map.of(
                "response_type", "code",
                "client_id", CLIENT_ID,
                "redirect_uri", REDIRECT_URI,
                "scope", "openid profile",
                "state", "s1",
                "code_challenge", challenge(),
                "code_challenge_method", "S256"));
        parameters.putAll(more);
        return get(base.resolve("/oauth2/authorize?" + form(parameters)));
    }

    /** A page of the server as this browser opens it, in the languages it accepts (none when null). */
    public HttpResponse<String> open(String path, String acceptLanguage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "text/html")
                .GET();
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return send(request.build());
    }

    /** Signs in on the form; the authorization code when the server lets the agent through. */
    public Optional<String> signIn(String user, String password) {
        HttpResponse<String> posted = submitSignIn(user, password);
        String next = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() != 302 || next.contains("/login?error")) {
            return Optional.empty();
        }
        String callback =
                get(base.resolve(next)).headers().firstValue("Location").orElse("");
        Matcher code = CODE.matcher(callback);
        return code.find() ? Optional.of(code.group(1)) : Optional.empty();
    }

    /** Starts at the authorization endpoint, fills in the sign-in form and sends it: the form's answer. */
    public HttpResponse<String> submitSignIn(String user, String password) {
        authorize();
        Matcher csrf = CSRF.matcher(get(base.resolve("/login")).body());
        if (!csrf.find()) {
            throw new AssertionError("The sign-in form has no CSRF token");
        }
        return post("/login", form(Map.of("username", user, "password", password, "_csrf", csrf.group(1))), null);
    }

    /** The console exchanges its code (with the PKCE verifier) at the token endpoint. */
    public HttpResponse<String> exchange(String code) {
        return post(
                "/oauth2/token",
                form(Map.of(
                        "grant_type", "authorization_code",
                        "code", code,
                        "redirect_uri", REDIRECT_URI,
                        "client_id", CLIENT_ID,
                        "code_verifier", verifier)),
                "application/json");
    }

    /** Signs in and exchanges the code: the token response (access_token, id_token, …). */
    public Map<String, Object> tokens(String user, String password) {
        String code = signIn(user, password).orElseThrow(() -> new AssertionError(user + " could not sign in"));
        return json(exchange(code).body());
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(String body) {
        try {
            return JsonMapper.builder().build().readValue(body, Map.class);
        } catch (JacksonException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    /** The claims of a JWT, read without checking it. */
    public static Map<String, Object> claims(String jwt) {
        return json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    public HttpResponse<String> post(String path, String form, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request.build());
    }

    private HttpResponse<String> get(URI uri) {
        return send(
                HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields)
                .entrySet().stream()
                        .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    private String challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
