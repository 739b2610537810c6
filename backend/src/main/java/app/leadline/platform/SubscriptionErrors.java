package app.leadline.platform;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Why a subscription ended, for errors raised while it runs (a token that expired, a request refused): the client
 * reads the same {@code extensions.code} as for a query, where Spring would otherwise say only
 * {@code INTERNAL_ERROR}.
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex) {
        if (ex instanceof RequestRefused refused) {
            return error(ErrorType.BAD_REQUEST, refused.code(), refused.getMessage());
        }
        if (ex instanceof AuthenticationException) {
            return error(ErrorType.UNAUTHORIZED, "UNAUTHORIZED", ex.getMessage());
        }
        if (ex instanceof AccessDeniedException) {
            return error(ErrorType.FORBIDDEN, "FORBIDDEN", ex.getMessage());
        }
        return null;
    }

    private static GraphQLError error(ErrorType type, String code, String message) {
        return GraphqlErrorBuilder.newError()
                .errorType(type)
                .message(message)
                .extensions(Map.of("code", code))
                .build();
    }
}
