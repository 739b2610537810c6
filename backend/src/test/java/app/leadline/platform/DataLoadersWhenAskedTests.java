package app.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.instrumentation.dataloader.EmptyDataLoaderRegistryInstance;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import reactor.core.publisher.Flux;

/**
 * A request gets the data loaders when its document asks for a field that takes one, and runs without them (so
 * without graphql-java's counting of fields for them) when it does not.
 */
class DataLoadersWhenAskedTests {

    private final DataLoadersWhenAsked service;

    DataLoadersWhenAskedTests() {
        DefaultBatchLoaderRegistry loaders = new DefaultBatchLoaderRegistry();
        loaders.forTypePair(String.class, String.class)
                .withName("Supplier.punctuality")
                .registerBatchLoader(
                        (keys, environment) -> Flux.fromIterable(keys).map(key -> key + " is on time"));
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type.dataFetcher("supplier", environment -> "BALTIC"))
                .type(
                        "Query",
                        type -> type.dataFetcher(
                                "loaders",
                                environment -> environment
                                        .getDataLoaderRegistry()
                                        .getKeys()
                                        .size()))
                .type(
                        "Query",
                        type -> type.dataFetcher(
                                "batched",
                                environment -> environment.getDataLoaderRegistry()
                                        != EmptyDataLoaderRegistryInstance.EMPTY_DATALOADER_REGISTRY))
                .type(
                        "Supplier",
                        type -> type.dataFetcher(
                                "punctuality",
                                environment -> environment
                                        .getDataLoader("Supplier.punctuality")
                                        .load(environment.getSource())))
                .type("Supplier", type -> type.dataFetcher("code", environment -> environment.getSource()))
                .build();
        GraphQLSchema schema = new SchemaGenerator()
                .makeExecutableSchema(
                        new SchemaParser()
                                .parse("type Query { supplier: Supplier, loaders: Int, batched: Boolean }"
                                        + " type Supplier { code: String, punctuality: String }"),
                        wiring);
        // With the observations, as in the application: Spring's own would give every request a registry.
        service = new DataLoadersWhenAsked(
                GraphQlSource.builder(schema)
                        .instrumentation(
                                List.of(new RequestObservations(ObservationRegistry.create(), null, null, null)))
                        .build(),
                loaders);
    }

    private Map<String, Object> run(String document) {
        ExecutionGraphQlResponse response = service.execute(
                        new DefaultExecutionGraphQlRequest(document, null, null, null, "1", null))
                .block();
        assertThat(response.getErrors()).isEmpty();
        return response.getData();
    }

    @Test
    void aDocumentAskingForABatchedFieldGetsItsLoader() {
        assertThat(run("{ supplier { code punctuality } loaders batched }"))
                .isEqualTo(Map.of(
                        "supplier",
                        Map.of("code", "BALTIC", "punctuality", "BALTIC is on time"),
                        "loaders",
                        1,
                        "batched",
                        true));
    }

    /** graphql-java counts fields to send batches unless a request has its own empty registry, observed or not. */
    @Test
    void aDocumentAskingForNoneRunsWithoutLoaders() {
        assertThat(run("{ supplier { code } loaders batched }"))
                .isEqualTo(Map.of("supplier", Map.of("code", "BALTIC"), "loaders", 0, "batched", false));
    }

    @Test
    void theLoadersFieldsAreKnownByTheirNamesInTheDocument() {
        assertThat(service.asksForBatchedField("query Track($t: String!) { trackOrder(token: $t) { number } }"))
                .isFalse();
        assertThat(service.asksForBatchedField("fragment F on Supplier { punctuality { share } }"))
                .isTrue();
    }
}
