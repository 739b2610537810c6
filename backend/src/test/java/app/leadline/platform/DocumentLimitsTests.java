package app.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.execution.AbortExecutionException;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentLimitsTests {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator()
            .makeExecutableSchema(
                    new SchemaParser()
                            .parse("type Query { part(id: ID!): Part } type Part { name: String part: Part }"),
                    RuntimeWiring.MOCKED_WIRING);

    /** Depth 3, complexity 3, no aliases. */
    private final DocumentLimits limits = new DocumentLimits(3, 3, 0);

    @Test
    void aDocumentWithinTheLimitsMayRun() {
        assertThat(refusal("{ part(id: 1) { part { name } } }", null, Map.of())).isEmpty();
    }

    @Test
    void fieldsNestedDeeperThanAllowedAreRefused() {
        assertThat(refusal("{ part(id: 1) { part { part { name } } } }", null, Map.of()))
                .map(Throwable::getMessage)
                .contains("maximum query depth exceeded 4 > 3");
    }

    @Test
    void complexityCountsEveryFieldAskedButTheTypeName() {
        assertThat(refusal("{ part(id: 1) { name __typename part { __typename } } }", null, Map.of()))
                .isEmpty();
        assertThat(refusal("{ part(id: 1) { name __typename part { name } } }", null, Map.of()))
                .map(Throwable::getMessage)
                .contains("maximum query complexity exceeded 4 > 3");
    }

    @Test
    void eachOperationOfADocumentHasItsOwnVerdict() {
        String document =
                "query Shallow { part(id: 1) { name } } query Deep { part(id: 1) { part { part { name } } } }";

        assertThat(refusal(document, "Shallow", Map.of())).isEmpty();
        assertThat(refusal(document, "Deep", Map.of())).isPresent();
        assertThat(refusal(document, "Shallow", Map.of())).isEmpty();
    }

    @Test
    void fieldsUnderADirectiveCountWhenTheRequestsVariablesIncludeThem() {
        String document =
                "query($deep: Boolean!, $id: ID!) { part(id: $id) { part { part @include(if: $deep) { name } } } }";

        assertThat(refusal(document, null, Map.of("deep", false, "id", "1"))).isEmpty();
        assertThat(refusal(document, null, Map.of("deep", true, "id", "1"))).isPresent();
        assertThat(refusal(document, null, Map.of("deep", false, "id", "1"))).isEmpty();
    }

    @Test
    void aRequestThatCannotRunIsLeftToFailWhereItRuns() {
        String document = "query($id: ID!) { part(id: $id) { part { part { name } } } }";

        assertThat(refusal(document, null, Map.of())).isEmpty();
        assertThat(refusal(document, "Other", Map.of("id", "1"))).isEmpty();
        assertThat(refusal(document, null, Map.of("id", "1"))).isPresent();
    }

    @Test
    void aliasesAreCountedWhereverTheyAreWritten() {
        assertThat(refusal("{ p: part(id: 1) { name } }", null, Map.of()))
                .get()
                .isInstanceOf(DocumentLimits.TooManyAliases.class)
                .extracting(AbortExecutionException::getExtensions)
                .isEqualTo(Map.of("code", "TOO_MANY_ALIASES"));
    }

    private final Map<String, Document> parsed = new java.util.HashMap<>();

    /** The refusal, with the document parsed once per text as the document cache keeps it. */
    private Optional<AbortExecutionException> refusal(
            String document, String operationName, Map<String, Object> variables) {
        return limits.refusal(
                SCHEMA,
                parsed.computeIfAbsent(document, Parser::parse),
                ExecutionInput.newExecutionInput(document)
                        .operationName(operationName)
                        .variables(variables)
                        .build());
    }
}
