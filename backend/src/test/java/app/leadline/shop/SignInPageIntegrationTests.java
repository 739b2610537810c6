package app.leadline.shop;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.Clients;
import app.leadline.support.ConsoleBrowser;
import app.leadline.support.LeadlineIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An agent signs in on the shop's own page, in the console's language: the one the console's authorization request
 * names, else the browser's; a wrong password is said there too.
 */
@LeadlineIntegrationTest
class SignInPageIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    ShopLooks looks;

    @Test
    void theFormSpeaksTheLanguageTheConsoleAskedForUnderTheShopsName() {
        ConsoleBrowser browser = clients.consoleBrowser();
        browser.authorize(Map.of("ui_locales", "da en"));

        HttpResponse<String> form = browser.open("/login", "de-DE,de;q=0.9");

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("<html lang=\"da\">", "<h1>Log ind på konsollen</h1>", "Brugernavn", "Adgangskode")
                .contains("<span class=\"shop\">" + looks.current().name() + "</span>")
                .contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"");
        // The agent can still sign in from it.
        assertThat(browser.signIn("agent", "agent")).isPresent();
    }

    @Test
    void withoutTheConsolesWordTheBrowsersLanguageIsUsedAndAWrongPasswordIsSaidInIt() {
        ConsoleBrowser browser = clients.consoleBrowser();
        assertThat(browser.open("/login", "pl-PL,pl;q=0.9,en;q=0.5").body())
                .contains("<html lang=\"pl\">", "Zaloguj się do konsoli");

        HttpResponse<String> refused = browser.submitSignIn("agent", "not the password");
        assertThat(refused.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        assertThat(browser.open("/login?error", "de").body())
                .contains(
                        "<html lang=\"de\">",
                        "role=\"alert\" id=\"sign-in-error\">Benutzername oder Passwort ist nicht richtig.")
                // The name is filled in again; only the password is asked for. Both point at the refusal.
                .contains("name=\"username\" autocomplete=\"username\" required aria-invalid=\"true\""
                        + " aria-describedby=\"sign-in-error\" value=\"agent\"")
                .contains("name=\"password\" autocomplete=\"current-password\" required aria-invalid=\"true\""
                        + " aria-describedby=\"sign-in-error\" autofocus");
        assertThat(browser.open("/login", "fr").body()).contains("<html lang=\"en\">", "Sign in to the console");
    }

    @Test
    void anAgentWhoOpenedTheFormByItselfGoesToTheConsoleNotTheCustomersPage() {
        ConsoleBrowser browser = clients.consoleBrowser();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(browser.open("/login", "da").body());
        assertThat(csrf.find()).isTrue();

        HttpResponse<String> signedIn = browser.post(
                "/login",
                ConsoleBrowser.form(Map.of("username", "agent", "password", "agent", "_csrf", csrf.group(1))),
                null);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/console"));
    }

    @Test
    void theLanguagePickedOnTheFormWinsOverTheConsolesAndTheBrowsers() {
        ConsoleBrowser browser = clients.consoleBrowser();
        browser.authorize(Map.of("ui_locales", "da"));

        String form = browser.open("/login?lang=pl", "de").body();

        assertThat(form).contains("<html lang=\"pl\">", "Zaloguj się do konsoli");
        assertThat(form)
                .contains("<a href=\"/login?lang=da\" lang=\"da\" hreflang=\"da\">Dansk</a>")
                .contains("<a aria-current=\"page\" lang=\"pl\">Polski</a>");
        assertThat(browser.open("/login?lang=xx", "de").body()).contains("<html lang=\"da\">");
    }

    @Test
    void theStylesheetCarriesTheShopsColour() {
        clients.http()
                .get()
                .uri("/sign-in.css")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(css ->
                        assertThat(css).contains("--brand: " + looks.current().colour()));
    }
}
