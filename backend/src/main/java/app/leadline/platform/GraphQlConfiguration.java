package app.leadline.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import io.micrometer.observation.ObservationRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.observation.DataFetcherObservationConvention;
import org.springframework.graphql.observation.DataLoaderObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.util.unit.DataSize;

/** GraphQL hardening (depth, complexity and alias limits, no field suggestions) and the ISO-8601 date scalars. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    private static final Pattern SUGGESTION = Pattern.compile("\\s*Did you mean .*$");

    /**
     * Validation messages name fields that exist when a client guesses wrong ("Did you mean ..."). Outside
     * development that is a map of the schema for anyone probing it, so the suggestion is cut.
     */
    @Bean
    WebGraphQlInterceptor fieldSuggestionsInterceptor(GraphQlLimits limits) {
        return (request, chain) -> chain.next(request)
                .map(response -> limits.fieldSuggestions() ? response : withoutSuggestions(response));
    }

    private static WebGraphQlResponse withoutSuggestions(WebGraphQlResponse response) {
        if (response.getErrors().isEmpty()) {
            return response;
        }
        return response.transform(builder -> builder.errors(response.getErrors().stream()
                .map(error -> (GraphQLError) GraphqlErrorBuilder.newError()
                        .message(SUGGESTION.matcher(error.getMessage()).replaceAll(""))
                        .locations(error.getLocations())
                        .path(error.getParsedPath())
                        .errorType(error.getErrorType())
                        .extensions(error.getExtensions())
                        .build())
                .toList()));
    }

    /**
     * Parsing and validating a document costs more than running it: clients send the same few documents with
     * different variables, so the checked document is kept (bounded, so that odd documents cannot grow it). The
     * limits on depth, complexity and aliases are checked at the same step, before anything runs
     * ({@link DocumentLimits}).
     */
    @Bean
    GraphQlSourceBuilderCustomizer documentCache(GraphQlLimits limits, ObjectProvider<GraphQlSource> source) {
        Cache<String, PreparsedDocumentEntry> documents =
                Caffeine.newBuilder().maximumSize(1_000).build();
        DocumentLimits checks = new DocumentLimits(limits.maxDepth(), limits.maxComplexity(), limits.maxAliases());
        // The schema the documents are checked against: the GraphQL source's, known once it is built.
        Supplier<GraphQLSchema> schema =
                SingletonSupplier.of(() -> source.getObject().schema());
        PreparsedDocumentProvider provider = (input, parseAndValidate) -> {
            PreparsedDocumentEntry checked = documents.get(input.getQuery(), query -> parseAndValidate.apply(input));
            return CompletableFuture.completedFuture(
                    checked.hasErrors()
                            ? checked
                            : checks.refusal(schema.get(), checked.getDocument(), input)
                                    .map(PreparsedDocumentEntry::new)
                                    .orElse(checked));
        };
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
    }

    /**
     * Spring for GraphQL hands graphql-java its instrumentations as a chain, even a chain of one, and graphql-java
     * consults it at every field of every request. When there is one (the observations), graphql-java gets it itself.
     */
    @Bean
    GraphQlSourceBuilderCustomizer singleInstrumentationUnchained(ObjectProvider<Instrumentation> instrumentations) {
        return builder -> {
            List<Instrumentation> all = instrumentations.orderedStream().toList();
            if (all.size() == 1) {
                builder.configureGraphQl(graphQl -> graphQl.instrumentation(all.get(0)));
            }
        };
    }

    /**
     * The observations Spring Boot would set up, leaving a request without data loaders graphql-java's empty registry
     * ({@link RequestObservations}).
     */
    @Bean
    GraphQlObservationInstrumentation graphQlObservationInstrumentation(
            ObservationRegistry registry,
            ObjectProvider<ExecutionRequestObservationConvention> requests,
            ObjectProvider<DataFetcherObservationConvention> dataFetchers,
            ObjectProvider<DataLoaderObservationConvention> dataLoaders) {
        return new RequestObservations(
                registry, requests.getIfAvailable(), dataFetchers.getIfAvailable(), dataLoaders.getIfAvailable());
    }

    /** Runs requests, with the data loaders for those that ask for a field that takes one ({@link DataLoadersWhenAsked}). */
    @Bean
    ExecutionGraphQlService executionGraphQlService(GraphQlSource source, BatchLoaderRegistry loaders) {
        return new DataLoadersWhenAsked(source, loaders);
    }

    @Bean
    RuntimeWiringConfigurer dateScalars() {
        return wiring -> wiring.scalar(scalar(
                        "Date", "An ISO-8601 calendar date, e.g. 2026-12-24.", LocalDate.class, LocalDate::parse))
                .scalar(scalar(
                        "DateTime",
                        "An ISO-8601 instant in UTC, e.g. 2026-11-23T14:05:00Z.",
                        Instant.class,
                        Instant::parse));
    }

    private static <T> GraphQLScalarType scalar(
            String name, String description, Class<T> type, Function<String, T> parse) {
        return GraphQLScalarType.newScalar()
                .name(name)
                .description(description)
                .coercing(new Coercing<T, String>() {
                    @Override
                    public String serialize(Object value) {
                        if (type.isInstance(value)) {
                            return value.toString();
                        }
                        throw new CoercingSerializeException("Not a " + name + ": " + value);
                    }

                    @Override
                    public T parseValue(Object input) {
                        try {
                            return parse.apply(String.valueOf(input));
                        } catch (DateTimeParseException e) {
                            throw new CoercingParseValueException("Not an ISO-8601 " + name + ": " + input);
                        }
                    }

                    @Override
                    public T parseLiteral(Object input) {
                        if (input instanceof StringValue string) {
                            try {
                                return parse.apply(string.getValue());
                            } catch (DateTimeParseException e) {
                                throw new CoercingParseLiteralException(
                                        "Not an ISO-8601 " + name + ": " + string.getValue());
                            }
                        }
                        throw new CoercingParseLiteralException("Expected an ISO-8601 " + name + " string");
                    }
                })
                .build();
    }

    /**
     * Limits on what one GraphQL request may ask for.
     *
     * @param maxAliases the most aliased fields one document may hold: each alias runs its field once more
     * @param maxRequestSize the largest request body from a caller with a token (a shop's batch of orders)
     * @param maxAnonymousRequestSize the largest request body from a caller without a token (customers)
     * @param fieldSuggestions whether validation errors may suggest field names (development only)
     */
    @ConfigurationProperties("leadline.graphql")
    record GraphQlLimits(
            Integer maxDepth,
            Integer maxComplexity,
            Integer maxAliases,
            DataSize maxRequestSize,
            DataSize maxAnonymousRequestSize,
            boolean fieldSuggestions) {
        GraphQlLimits {
            maxDepth = maxDepth == null ? 10 : maxDepth;
            maxComplexity = maxComplexity == null ? 300 : maxComplexity;
            maxAliases = maxAliases == null ? 20 : maxAliases;
            maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(4) : maxRequestSize;
            maxAnonymousRequestSize =
                    maxAnonymousRequestSize == null ? DataSize.ofKilobytes(64) : maxAnonymousRequestSize;
        }
    }
}
