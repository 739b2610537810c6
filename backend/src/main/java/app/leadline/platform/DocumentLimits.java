package app.leadline.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphQLException;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The limits on what one document may ask: how deep its fields go, how many it asks (each field once, however
 * deep, {@code __typename} not counted) and how many are aliased. They are checked with the document's parsing and
 * validation, before anything runs, and the verdict is kept per document and operation: clients send the same few
 * documents (kept parsed and validated by the document cache). A verdict holds for every request of the document
 * unless a field is skipped or included by a directive ({@code @skip}, {@code @include}, whose condition may be a
 * variable): such documents are checked at each request, with its variables.
 *
 * <p>Being no instrumentation, the limits leave graphql-java one instrumentation (the observations) that it calls
 * directly; a chain of two would build a list of contexts at every field of every request.
 */
final class DocumentLimits {

    private final int maxDepth;
    private final int maxComplexity;
    private final int maxAliases;

    /** Per document (kept by identity, as long as the document cache keeps it): what is known of it. */
    private final Cache<Document, Verdicts> verdicts =
            Caffeine.newBuilder().weakKeys().build();

    /**
     * Whether a document's verdict depends on the request (a field under {@code @skip} or {@code @include}), and
     * otherwise the refusal per operation name, found at its first request.
     */
    private record Verdicts(boolean perRequest, Map<String, Optional<AbortExecutionException>> byOperation) {}

    DocumentLimits(int maxDepth, int maxComplexity, int maxAliases) {
        this.maxDepth = maxDepth;
        this.maxComplexity = maxComplexity;
        this.maxAliases = maxAliases;
    }

    /** Why the request's operation of {@code document} may not run, if it may not. */
    Optional<AbortExecutionException> refusal(GraphQLSchema schema, Document document, ExecutionInput input) {
        Verdicts known = verdicts.get(document, parsed -> new Verdicts(conditional(parsed), new ConcurrentHashMap<>()));
        String operation = Optional.ofNullable(input.getOperationName()).orElse("");
        try {
            if (known.perRequest()) {
                return check(schema, document, input);
            }
            Optional<AbortExecutionException> verdict = known.byOperation().get(operation);
            if (verdict == null) {
                verdict = check(schema, document, input);
                known.byOperation().put(operation, verdict);
            }
            return verdict;
        } catch (GraphQLException unrunnable) {
            // No such operation, or variables that do not fit it: running it fails the same way, before anything
            // runs, and says why. Nothing is kept of such a request.
            return Optional.empty();
        }
    }

    /** Walks the operation as the request would run it (its variables decide its arguments and directives). */
    private Optional<AbortExecutionException> check(GraphQLSchema schema, Document document, ExecutionInput input) {
        int aliases = aliases(document);
        if (aliases > maxAliases) {
            return Optional.of(new TooManyAliases(aliases, maxAliases));
        }
        Measure measure = new Measure();
        QueryTraverser.newQueryTraverser()
                .schema(schema)
                .document(document)
                .operationName(input.getOperationName())
                .variables(input.getVariables())
                .build()
                .visitPreOrder(measure);
        if (measure.depth > maxDepth) {
            return Optional.of(
                    new AbortExecutionException("maximum query depth exceeded " + measure.depth + " > " + maxDepth));
        }
        if (measure.fields > maxComplexity) {
            return Optional.of(new AbortExecutionException(
                    "maximum query complexity exceeded " + measure.fields + " > " + maxComplexity));
        }
        return Optional.empty();
    }

    /** The deepest field's depth (a root field is 1) and the fields asked, {@code __typename} not counted. */
    private static final class Measure extends QueryVisitorStub {

        int depth;
        int fields;

        @Override
        public void visitField(QueryVisitorFieldEnvironment field) {
            int length = 1;
            for (QueryVisitorFieldEnvironment parent = field.getParentEnvironment();
                    parent != null;
                    parent = parent.getParentEnvironment()) {
                length++;
            }
            depth = Math.max(depth, length);
            if (!field.isTypeNameIntrospectionField()) {
                fields++;
            }
        }
    }

    /** The aliased fields in the whole document, each counted where it is written. */
    private static int aliases(Document document) {
        int aliases = 0;
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                aliases += aliases(operation.getSelectionSet());
            } else if (definition instanceof FragmentDefinition fragment) {
                aliases += aliases(fragment.getSelectionSet());
            }
        }
        return aliases;
    }

    private static int aliases(SelectionSet selections) {
        if (selections == null) {
            return 0;
        }
        int aliases = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                aliases += (field.getAlias() == null ? 0 : 1) + aliases(field.getSelectionSet());
            } else if (selection instanceof InlineFragment fragment) {
                aliases += aliases(fragment.getSelectionSet());
            }
        }
        return aliases;
    }

    /**
     * Refuses a document with more aliased fields than allowed ({@code TOO_MANY_ALIASES}). Each alias runs its field
     * again — {@code a1: trackOrder(…) a2: trackOrder(…) …}, or {@code __typename} under a hundred names — so aliases
     * multiply one request's work in a way the depth and complexity limits do not see.
     */
    static final class TooManyAliases extends AbortExecutionException {

        TooManyAliases(int aliases, int maxAliases) {
            super("The document has " + aliases + " aliased fields; at most " + maxAliases + " are allowed.");
        }

        @Override
        public Map<String, Object> getExtensions() {
            return Map.of("code", "TOO_MANY_ALIASES");
        }
    }

    /** Whether a selection anywhere in the document is skipped or included by a directive. */
    private static boolean conditional(Document document) {
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation && conditional(operation.getSelectionSet())) {
                return true;
            }
            if (definition instanceof FragmentDefinition fragment && conditional(fragment.getSelectionSet())) {
                return true;
            }
        }
        return false;
    }

    private static boolean conditional(SelectionSet selections) {
        if (selections == null) {
            return false;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof DirectivesContainer<?> directed && conditional(directed.getDirectives())) {
                return true;
            }
            if (selection instanceof Field field && conditional(field.getSelectionSet())) {
                return true;
            }
            if (selection instanceof InlineFragment fragment && conditional(fragment.getSelectionSet())) {
                return true;
            }
        }
        return false;
    }

    private static boolean conditional(List<Directive> directives) {
        return directives.stream()
                .anyMatch(directive -> directive.getName().equals("skip")
                        || directive.getName().equals("include"));
    }
}
