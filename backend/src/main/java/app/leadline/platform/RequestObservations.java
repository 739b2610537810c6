package app.leadline.platform;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.dataloader.EmptyDataLoaderRegistryInstance;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.graphql.observation.DataFetcherObservationConvention;
import org.springframework.graphql.observation.DataLoaderObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Spring's observations of GraphQL requests, data fetchers and data loaders, as Spring Boot would set them up, except
 * for a request that runs without data loaders ({@link DataLoadersWhenAsked}). Spring gives every request a registry
 * of its own to observe its loaders, even a request with none; graphql-java, given any registry but its own empty
 * one, counts every field of every level to know when to send batches. A request without loaders keeps the empty one,
 * and there is no loader to observe.
 */
final class RequestObservations extends GraphQlObservationInstrumentation {

    RequestObservations(
            ObservationRegistry registry,
            ExecutionRequestObservationConvention requests,
            DataFetcherObservationConvention dataFetchers,
            DataLoaderObservationConvention dataLoaders) {
        super(registry, requests, dataFetchers, dataLoaders);
    }

    @Override
    public ExecutionInput instrumentExecutionInput(
            ExecutionInput input, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return input.getDataLoaderRegistry() == EmptyDataLoaderRegistryInstance.EMPTY_DATALOADER_REGISTRY
                ? input
                : super.instrumentExecutionInput(input, parameters, state);
    }
}
