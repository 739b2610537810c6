package app.leadline.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;

/**
 * The embedded authorization server's answers to clients that are not authenticated, in the JSON of RFC 6749
 * §5.2: {@code invalid_client} with 401.
 */
final class OAuth2ErrorAnswers {

    private static final OAuth2ErrorHttpMessageConverter JSON = new OAuth2ErrorHttpMessageConverter();

    private OAuth2ErrorAnswers() {}

    /** A request to the token, revocation or introspection endpoint that carries no client authentication. */
    static void clientMissing(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        write(
                response,
                HttpStatus.UNAUTHORIZED,
                new OAuth2Error(
                        OAuth2ErrorCodes.INVALID_CLIENT,
                        "Client authentication is required (a public client sends its client_id and code_verifier).",
                        "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2"));
    }

    private static void write(HttpServletResponse response, HttpStatus status, OAuth2Error error) throws IOException {
        ServletServerHttpResponse answer = new ServletServerHttpResponse(response);
        answer.setStatusCode(status);
        answer.getHeaders().setCacheControl("no-store");
        JSON.write(error, null, answer);
    }
}
