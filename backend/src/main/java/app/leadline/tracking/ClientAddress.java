package app.leadline.tracking;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the client's address into the GraphQL context for rate limiting. Behind a proxy, set
 * {@code server.forward-headers-strategy} so that this is the customer's address, not the proxy's.
 */
@Component
class ClientAddress implements WebGraphQlInterceptor {

    static final String KEY = "clientAddress";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        InetSocketAddress remote = request instanceof WebSocketGraphQlRequest socket
                ? socket.getSessionInfo().getRemoteAddress()
                : request.getRemoteAddress();
        String address = Optional.ofNullable(remote)
                .map(InetSocketAddress::getAddress)
                .map(java.net.InetAddress::getHostAddress)
                .orElse("unknown");
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(context -> context.put(KEY, address)).build());
        return chain.next(request);
    }
}
