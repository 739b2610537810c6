package app.leadline.console;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Signs agents in on the subscription socket. Browsers cannot send an Authorization header with a WebSocket, so
 * the console sends its bearer token in the connection's first message ({@code {"Authorization": "Bearer …"}}); it
 * is checked like any token (signature, issuer, audience, expiry), and the agent is handed to the subscriptions of
 * that connection. A wrong token closes the connection; none leaves it anonymous (customers' subscriptions). An
 * agent's subscription ends when the token expires ({@link #whileSignedIn}): the console subscribes again with the
 * token it renewed, and a token that was not renewed stops hearing anything.
 */
@Component
class AgentSockets implements WebSocketGraphQlInterceptor {

    static final String AGENT = "agent";

    private final JwtDecoder tokens;
    private final JwtAuthenticationConverter agents;

    AgentSockets(JwtDecoder tokens, JwtAuthenticationConverter agents) {
        this.tokens = tokens;
        this.agents = agents;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        if (payload.get("Authorization") instanceof String header && header.startsWith("Bearer ")) {
            try {
                session.getAttributes().put(AGENT, agents.convert(tokens.decode(header.substring(7))));
            } catch (JwtException invalid) {
                return Mono.error(new IllegalArgumentException("The token is not valid"));
            }
        }
        return Mono.empty();
    }

    /**
     * The stream until the agent's token expires, then an {@link CredentialsExpiredException}, which the client
     * reads as {@code UNAUTHORIZED}.
     */
    static <T> Flux<T> whileSignedIn(Authentication agent, Flux<T> stream) {
        if (!(agent instanceof JwtAuthenticationToken jwt) || jwt.getToken().getExpiresAt() == null) {
            return stream;
        }
        Duration left = Duration.between(Instant.now(), jwt.getToken().getExpiresAt());
        Mono<T> expiry = Mono.delay(left.isNegative() ? Duration.ZERO : left)
                .then(Mono.error(new CredentialsExpiredException("The sign-in has expired; sign in again")));
        return stream.mergeWith(expiry);
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest socket
                && socket.getSessionInfo().getAttributes().get(AGENT) instanceof Authentication agent) {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(context -> context.put(AGENT, agent)).build());
        }
        return chain.next(request);
    }
}
