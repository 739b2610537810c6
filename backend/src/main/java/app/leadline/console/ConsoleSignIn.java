package app.leadline.console;

import app.leadline.platform.LeadlineProperties;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Serves the console page and tells it where agents sign in: the embedded authorization server by default, or
 * the configured OIDC provider ({@code leadline.console.authorization-endpoint}, {@code token-endpoint},
 * {@code client-id}, and {@code end-session-endpoint} where it has one).
 */
@Controller
class ConsoleSignIn {

    private final Map<String, String> settings;

    ConsoleSignIn(
            LeadlineProperties leadline,
            @Value("${leadline.console.authorization-endpoint:}") String authorizationEndpoint,
            @Value("${leadline.console.token-endpoint:}") String tokenEndpoint,
            @Value("${leadline.console.client-id:leadline-console}") String clientId,
            @Value("${leadline.console.scope:openid profile}") String scope,
            @Value("${leadline.console.end-session-endpoint:}") String endSessionEndpoint) {
        boolean embedded = authorizationEndpoint.isBlank();
        this.settings = Map.of(
                "authorizationEndpoint",
                embedded ? leadline.link("/oauth2/authorize") : authorizationEndpoint,
                // Signing out ends the agent's session at the sign-in server too (OIDC RP-initiated logout), so that
                // the next agent at the desk is asked for their own password; a provider without one gives "".
                "endSessionEndpoint",
                embedded ? leadline.link("/connect/logout") : endSessionEndpoint,
                "postLogoutRedirectUri",
                leadline.link("/console"),
                "tokenEndpoint",
                tokenEndpoint.isBlank() ? leadline.link("/oauth2/token") : tokenEndpoint,
                "clientId",
                clientId,
                "scope",
                scope,
                "redirectUri",
                leadline.link("/console/callback"));
    }

    @GetMapping({"/console", "/console/", "/console/callback"})
    String page() {
        return "forward:/index.html";
    }

    @GetMapping("/console/sign-in.json")
    @ResponseBody
    Map<String, String> signIn() {
        return settings;
    }
}
