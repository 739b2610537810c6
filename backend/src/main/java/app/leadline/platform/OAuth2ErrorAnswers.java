package app.leadline.platform;

import app.leadline.platform.SignInThrottle.ClientMustWait;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;

/**
 * The embedded authorization server's answers to clients that are not authenticated, in the JSON of RFC 6749
 * §5.2: {@code invalid_client} with 401 (and a {@code WWW-Authenticate} challenge when the client tried HTTP
 * Basic), 429 with {@code Retry-After} while the client must wait after failed attempts.
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

    /** Client authentication that failed, or that must wait. */
    static void clientNotAuthenticated(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) throws IOException {
        SecurityContextHolder.clearContext();
        if (ex instanceof ClientMustWait wait) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.retryAfterSeconds()));
            write(response, HttpStatus.TOO_MANY_REQUESTS, wait.getError());
            return;
        }
        OAuth2Error error = ex instanceof OAuth2AuthenticationException oauth2
                ? oauth2.getError()
                : new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT);
        boolean invalidClient = OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode());
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (invalidClient && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"leadline\"");
        }
        write(response, invalidClient ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST, error);
    }

    private static void write(HttpServletResponse response, HttpStatus status, OAuth2Error error) throws IOException {
        ServletServerHttpResponse answer = new ServletServerHttpResponse(response);
        answer.setStatusCode(status);
        answer.getHeaders().setCacheControl("no-store");
        JSON.write(error, null, answer);
    }
}
