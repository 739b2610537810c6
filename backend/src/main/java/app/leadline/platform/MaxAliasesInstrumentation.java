package app.leadline.platform;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Definition;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.Map;

/**
 * Refuses a document with more aliased fields than allowed ({@code TOO_MANY_ALIASES}). Each alias runs its field
 * again — {@code a1: trackOrder(…) a2: trackOrder(…) …}, or {@code __typename} under a hundred names — so aliases
 * multiply one request's work in a way the depth and complexity limits do not see.
 */
final class MaxAliasesInstrumentation extends SimplePerformantInstrumentation {

    private final int maxAliases;

    MaxAliasesInstrumentation(int maxAliases) {
        this.maxAliases = maxAliases;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        int aliases = 0;
        for (Definition<?> definition :
                parameters.getExecutionContext().getDocument().getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                aliases += aliases(operation.getSelectionSet());
            } else if (definition instanceof FragmentDefinition fragment) {
                aliases += aliases(fragment.getSelectionSet());
            }
        }
        if (aliases > maxAliases) {
            throw new TooManyAliases(aliases, maxAliases);
        }
        return super.beginExecuteOperation(parameters, state);
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

    /** Answered as a GraphQL error with {@code extensions.code} {@code TOO_MANY_ALIASES}; nothing runs. */
    static final class TooManyAliases extends AbortExecutionException {

        TooManyAliases(int aliases, int maxAliases) {
            super("The document has " + aliases + " aliased fields; at most " + maxAliases + " are allowed.");
        }

        @Override
        public Map<String, Object> getExtensions() {
            return Map.of("code", "TOO_MANY_ALIASES");
        }
    }
}
