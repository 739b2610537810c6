package app.leadline.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The limits on what one document may ask (depth, complexity, aliases), each an instrumentation that walks the
 * operation before it runs, checked once per document and operation rather than at every request. Clients send the
 * same few documents (kept parsed and validated by the document cache), and the walks of the tracking query took a
 * sixth of a tracking request's processor time. A verdict holds for every request of the document unless a field is
 * skipped or included by a directive ({@code @skip}, {@code @include}, whose condition may be a variable): such
 * documents are checked at each request, with its variables, as before.
 */
final class DocumentLimits extends SimplePerformantInstrumentation {

    private final List<Instrumentation> limits;

    /** Per document (kept by identity, as long as the document cache keeps it): what is known of it. */
    private final Cache<Document, Verdicts> verdicts =
            Caffeine.newBuilder().weakKeys().build();

    /**
     * Whether a document's verdict depends on the request (a field under {@code @skip} or {@code @include}), and
     * otherwise the refusal per operation name, found at its first request.
     */
    private record Verdicts(boolean perRequest, Map<String, Optional<AbortExecutionException>> byOperation) {}

    DocumentLimits(List<Instrumentation> limits) {
        this.limits = List.copyOf(limits);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        Verdicts known = verdicts.get(
                parameters.getExecutionContext().getDocument(),
                document -> new Verdicts(conditional(document), new ConcurrentHashMap<>()));
        if (known.perRequest()) {
            check(parameters);
        } else {
            String operation = Optional.ofNullable(
                            parameters.getExecutionContext().getExecutionInput().getOperationName())
                    .orElse("");
            known.byOperation()
                    .computeIfAbsent(operation, name -> refusal(parameters))
                    .ifPresent(refused -> {
                        throw refused;
                    });
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private Optional<AbortExecutionException> refusal(InstrumentationExecuteOperationParameters parameters) {
        try {
            check(parameters);
            return Optional.empty();
        } catch (AbortExecutionException refused) {
            return Optional.of(refused);
        }
    }

    /** Runs each limit as graphql-java would, in order; the first one exceeded throws. */
    private void check(InstrumentationExecuteOperationParameters parameters) {
        for (Instrumentation limit : limits) {
            // The limits keep nothing between requests; their state (if any) is made anew for each check, as
            // graphql-java makes it for each request (complete at once: none of them waits for anything).
            CompletableFuture<InstrumentationState> made = limit.createStateAsync(null);
            InstrumentationState own = made == null ? null : made.join();
            limit.beginExecuteOperation(parameters, own);
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
