package app.leadline.platform;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/** Turns a {@link RequestRefused} into a GraphQL error with its code; other exceptions keep Spring's handling. */
@Component
class RequestRefusedResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof RequestRefused refused) {
            return GraphqlErrorBuilder.newError(env)
                    .errorType(ErrorType.BAD_REQUEST)
                    .message(refused.getMessage())
                    .extensions(Map.of("code", refused.code()))
                    .build();
        }
        return null;
    }
}
