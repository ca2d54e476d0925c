package org.carelog.infra.graphql;

import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Field;
import graphql.language.Node;
import graphql.validation.ValidationError;
import java.util.List;
import java.util.Map;
import org.carelog.api.common.ErrorCode;

/** Refuses a document with more aliased fields than allowed, before it is executed. */
class AliasLimitInstrumentation extends SimplePerformantInstrumentation {

    private final int maxAliases;

    AliasLimitInstrumentation(int maxAliases) {
        this.maxAliases = maxAliases;
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(
            InstrumentationValidationParameters parameters, InstrumentationState state) {
        int aliases = count(parameters.getDocument());
        if (aliases > maxAliases) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .message("The request uses " + aliases + " aliases; at most " + maxAliases + " are allowed")
                    .extensions(Map.of("code", ErrorCode.VALIDATION.name()))
                    .build()));
        }
        return SimpleInstrumentationContext.noOp();
    }

    private static int count(Node<?> node) {
        int own = node instanceof Field field && field.getAlias() != null ? 1 : 0;
        int children = 0;
        for (Node<?> child : node.getChildren()) {
            children += count(child);
        }
        return own + children;
    }
}
