package app.leadline.platform;

import graphql.GraphQLContext;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.dataloader.DataLoaderRegistry;
import org.springframework.graphql.ExecutionGraphQlRequest;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.util.function.SingletonSupplier;
import reactor.core.publisher.Mono;

/**
 * Runs requests as Spring for GraphQL does, registering the data loaders (the console's {@code @BatchMapping} fields)
 * only for a document that names one of their fields. Spring registers them for every request once any exist, and
 * graphql-java, given any, counts every field of every level to know when to send their batches; a tracking request
 * asks for none of them and runs without that. A document that merely mentions such a name, in a comment say, gets
 * the loaders and is run as before. A loader whose name is not a {@code Type.field} (none today) would mean every
 * request gets them.
 */
final class DataLoadersWhenAsked implements ExecutionGraphQlService {

    private final ExecutionGraphQlService withLoaders;
    private final ExecutionGraphQlService without;
    /** The fields that take a data loader, known at the first request (the loaders are registered with the schema). */
    private final Supplier<Set<String>> batchedFields;

    DataLoadersWhenAsked(GraphQlSource source, BatchLoaderRegistry loaders) {
        DefaultExecutionGraphQlService service = new DefaultExecutionGraphQlService(source);
        service.addDataLoaderRegistrar(loaders);
        this.withLoaders = service;
        this.without = new DefaultExecutionGraphQlService(source);
        this.batchedFields = SingletonSupplier.of(() -> fieldsOf(loaders));
    }

    private static Set<String> fieldsOf(BatchLoaderRegistry loaders) {
        DataLoaderRegistry registry = DataLoaderRegistry.newRegistry().build();
        loaders.registerDataLoaders(registry, GraphQLContext.newContext().build());
        // A name without a field in it stands for the empty string, which every document contains.
        return registry.getKeys().stream()
                .map(name -> name.substring(name.lastIndexOf('.') + 1))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Mono<ExecutionGraphQlResponse> execute(ExecutionGraphQlRequest request) {
        return (asksForBatchedField(request.getDocument()) ? withLoaders : without).execute(request);
    }

    boolean asksForBatchedField(String document) {
        for (String field : batchedFields.get()) {
            if (document.contains(field)) {
                return true;
            }
        }
        return false;
    }
}
