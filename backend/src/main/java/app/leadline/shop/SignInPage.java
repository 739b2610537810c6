package app.leadline.shop;

import app.leadline.platform.SignInForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The form where agents sign in to the console: under the shop's name, colour and logo, in the language the console
 * asked for ({@code ui_locales} of the OpenID Connect authorization request that sent the agent here), else in the
 * browser's.
 */
@Controller
class SignInPage {

    static final String STYLESHEET = "/sign-in.css";

    private static final List<String> LANGUAGES = List.of("en", "da", "de", "pl");

    private record Words(
            String title,
            String heading,
            String user,
            String password,
            String signIn,
            String refused,
            String out,
            String languages) {}

    /** Each language by its own name, as a picker of languages names them. */
    private static final Map<String, String> NAMES =
            Map.of("en", "English", "da", "Dansk", "de", "Deutsch", "pl", "Polski");

    private static final Map<String, Words> WORDS = Map.of(
            "en",
            new Words(
                    "Sign in",
                    "Sign in to the console",
                    "User name",
                    "Password",
                    "Sign in",
                    "The user name or password is not right.",
                    "You are signed out.",
                    "Language"),
            "da",
            new Words(
                    "Log ind",
                    "Log ind på konsollen",
                    "Brugernavn",
                    "Adgangskode",
                    "Log ind",
                    "Brugernavnet eller adgangskoden er forkert.",
                    "Du er logget ud.",
                    "Sprog"),
            "de",
            new Words(
                    "Anmelden",
                    "Bei der Konsole anmelden",
                    "Benutzername",
                    "Passwort",
                    "Anmelden",
                    "Benutzername oder Passwort ist nicht richtig.",
                    "Sie sind abgemeldet.",
                    "Sprache"),
            "pl",
            new Words(
                    "Zaloguj się",
                    "Zaloguj się do konsoli",
                    "Nazwa użytkownika",
                    "Hasło",
                    "Zaloguj się",
                    "Nazwa użytkownika lub hasło jest nieprawidłowe.",
                    "Wylogowano.",
                    "Język"));

    private final ShopLooks looks;
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();
    private final byte[] stylesheet;

    SignInPage(ShopLooks looks) {
        this.looks = looks;
        try (InputStream in = SignInPage.class.getClassLoader().getResourceAsStream("sign-in/sign-in.css")) {
            this.stylesheet = in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> form(HttpServletRequest request, HttpServletResponse response) {
        String language = language(request, response);
        Words words = WORDS.get(language);
        ShopLook shop = looks.current();
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        boolean refused = request.getParameter("error") != null;
        // A refusal is about both fields: each says so, and points at it, for a screen reader on either.
        String invalid = refused ? " aria-invalid=\"true\" aria-describedby=\"sign-in-error\"" : "";
        String alert = refused
                ? "<p class=\"alert error\" role=\"alert\" id=\"sign-in-error\">" + words.refused() + "</p>"
                : request.getParameter("logout") != null
                        ? "<p class=\"alert notice\" role=\"status\">" + words.out() + "</p>"
                        : "";
        // Only a logo Leadline serves itself: the page loads nothing from elsewhere.
        String logo = Optional.ofNullable(shop.logoUrl())
                .filter(url -> url.startsWith("/"))
                .map(url -> "<img src=\"" + escape(url) + "\" alt=\"\">")
                .orElse("");
        // After a refused attempt the name is filled in again and the password asked for.
        String lastUser = Optional.ofNullable(request.getSession(false))
                .filter(session -> request.getParameter("error") != null)
                .map(session -> (String) session.getAttribute(SignInForm.LAST_USER))
                .orElse("");
        String languages = LANGUAGES.stream()
                .map(other -> other.equals(language)
                        ? "<a aria-current=\"page\" lang=\"" + other + "\">" + NAMES.get(other) + "</a>"
                        : "<a href=\"/login?lang=" + other + "\" lang=\"" + other + "\" hreflang=\"" + other + "\">"
                                + NAMES.get(other) + "</a>")
                .collect(java.util.stream.Collectors.joining(" · "));
        String html = "<!DOCTYPE html>\n<html lang=\"" + language + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + words.title() + " · " + escape(shop.name()) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + STYLESHEET + "\"></head><body>"
                + "<header>" + logo + "<span class=\"shop\">" + escape(shop.name()) + "</span></header>"
                + "<main><h1>" + words.heading() + "</h1>" + alert
                + "<form method=\"post\" action=\"/login\">"
                + "<label>" + words.user()
                + "<input type=\"text\" name=\"username\" autocomplete=\"username\" required" + invalid
                + (lastUser.isEmpty() ? " autofocus" : "") + " value=\"" + escape(lastUser) + "\"></label>"
                + "<label>" + words.password()
                + "<input type=\"password\" name=\"password\" autocomplete=\"current-password\" required"
                + invalid + (lastUser.isEmpty() ? "" : " autofocus") + "></label>"
                + (csrf == null
                        ? ""
                        : "<input type=\"hidden\" name=\"" + escape(csrf.getParameterName()) + "\" value=\""
                                + escape(csrf.getToken()) + "\">")
                + "<button type=\"submit\">" + words.signIn() + "</button></form></main>"
                + "<footer><nav aria-label=\"" + words.languages() + "\"><p>" + languages + "</p></nav></footer>"
                + "</body></html>";
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .body(html);
    }

    /** The page's look: the shared stylesheet, in the shop's colour. */
    @GetMapping(value = STYLESHEET, produces = "text/css")
    ResponseEntity<String> stylesheet() {
        String colour = Optional.ofNullable(looks.current().colour())
                .filter(value -> value.matches("#[0-9a-fA-F]{6}"))
                .orElse("#1f3a5f");
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "css", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .body(new String(stylesheet, StandardCharsets.UTF_8) + ":root { --brand: " + colour + "; }\n");
    }

    /**
     * The language picked on the form itself, else the console's as its authorization request named it, else the
     * first the browser accepts.
     */
    private String language(HttpServletRequest request, HttpServletResponse response) {
        String picked = request.getParameter("lang");
        if (picked != null && LANGUAGES.contains(picked)) {
            return picked;
        }
        SavedRequest authorization = requests.getRequest(request, response);
        String asked = Optional.ofNullable(authorization)
                .map(saved -> saved.getParameterValues("ui_locales"))
                .filter(values -> values.length > 0)
                .map(values -> values[0])
                .orElse(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        if (asked == null || asked.isBlank()) {
            return "en";
        }
        try {
            // ui_locales lists tags by preference, separated by spaces; Accept-Language by commas.
            String ranges = String.join(",", asked.trim().split("[\\s,]+"));
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(ranges), LANGUAGES);
            return tag == null ? "en" : tag;
        } catch (IllegalArgumentException unreadable) {
            return "en";
        }
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
