package jp.hyoka.server.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.ObjectValue;
import graphql.schema.idl.TypeInfo;
import graphql.language.VariableDefinition;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLSchema;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * graphql-java's depth and field-count limits, refusing with a code a client can act on (graphql-java's own errors
 * carry none): {@code QUERY_TOO_DEEP}, {@code QUERY_TOO_COMPLEX}. Checked before execution: nothing runs.
 * <p>
 * Walking the document, graphql-java resolves every field's arguments; an argument it cannot coerce (a
 * {@code @oneOf} input with a member written as {@code null} in the document, which graphql-java 22's validation
 * does not catch) throws a {@link GraphQLError} there that would escape execution as an internal failure. It is
 * answered as the request error it is instead (graphql-java's {@code ValidationError} classification), before any
 * field runs.
 */
final class DocumentLimits {

    static final String TOO_DEEP = "QUERY_TOO_DEEP";
    static final String TOO_COMPLEX = "QUERY_TOO_COMPLEX";

    private DocumentLimits() {
    }

    static Instrumentation maxDepth(int limit) {
        Passed passed = new Passed();
        return new MaxQueryDepthInstrumentation(limit) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                try {
                    return passed.unlessPassed(parameters, () -> super.beginExecuteOperation(parameters, state));
                } catch (RuntimeException e) {
                    throw requestError(e);
                }
            }

            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return refusal(TOO_DEEP, "The document is nested " + depth + " levels deep; at most " + maxDepth
                        + " are served. Nothing was run.");
            }
        };
    }

    static Instrumentation maxFields(int limit) {
        Passed passed = new Passed();
        return new MaxQueryComplexityInstrumentation(limit) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                return passed.unlessPassed(parameters, () -> super.beginExecuteOperation(parameters, state));
            }

            @Override
            protected AbortExecutionException mkAbortException(int fields, int maxFields) {
                return refusal(TOO_COMPLEX, "The document asks for " + fields + " fields (aliases count); at most "
                        + maxFields + " are served at once. Nothing was run; ask in several requests.");
            }
        };
    }

    /**
     * The operations of parsed documents (the same {@link Document} instance: {@code GraphQlFactory} caches them by
     * text) that passed a limit. Depth and field count depend on the document and the operation alone, unless the
     * variables can change the walk ({@link #dependsOnVariables}): such a document is checked every time. Walking a
     * document with graphql-java's {@code QueryTraverser} was 10 % of a few-field read's worker time
     * (infra/docs/read-path.md), for the same answer every time. A refused operation is not remembered.
     */
    static final class Passed {
        /** True: passed before, and nothing in it depends on the variables. */
        private final PerOperation<Boolean> passed = new PerOperation<>();

        /** Runs {@code check} unless the operation passed it before; remembers it if it passes now. */
        InstrumentationContext<ExecutionResult> unlessPassed(InstrumentationExecuteOperationParameters parameters,
                                                             Supplier<InstrumentationContext<ExecutionResult>> check) {
            ExecutionContext execution = parameters.getExecutionContext();
            if (passed.get(execution) == Boolean.TRUE) {
                return SimpleInstrumentationContext.noOp();
            }
            InstrumentationContext<ExecutionResult> checked = check.get();
            if (passed.get(execution) == null) {
                passed.remember(execution, !dependsOnVariables(execution.getDocument(), execution.getGraphQLSchema(),
                        Set.of()));
            }
            return checked;
        }

        /**
         * Whether walking the document could end differently with other variables: a {@code @skip} or
         * {@code @include} anywhere (they may leave fields out), a variable of an input object type, or a variable
         * inside an input object written in the document unless it is declared non-null ({@link #neverNull};
         * graphql-java checks {@code @oneOf} inputs, a member {@code null} or two given, while the depth walk
         * resolves the arguments: the walk must see each request's values to refuse them as request errors), or a
         * variable in the value of an argument named in {@code arguments}.
         */
        static boolean dependsOnVariables(Document document, GraphQLSchema schema, Set<String> arguments) {
            Set<String> neverNull = neverNull(document);
            boolean[] found = {false};
            new NodeTraverser().depthFirst(new NodeVisitorStub() {
                @Override
                public TraversalControl visitDirective(Directive node, TraverserContext<Node> context) {
                    return found(node.getName().equals("skip") || node.getName().equals("include"));
                }

                @Override
                public TraversalControl visitVariableDefinition(VariableDefinition node,
                                                                TraverserContext<Node> context) {
                    return found(schema.getType(TypeInfo.typeInfo(node.getType()).getName())
                            instanceof GraphQLInputObjectType);
                }

                @Override
                public TraversalControl visitArgument(Argument node, TraverserContext<Node> context) {
                    return found(arguments.contains(node.getName()) && mentionsVariable(node.getValue()));
                }

                @Override
                public TraversalControl visitVariableReference(VariableReference node, TraverserContext<Node> context) {
                    if (neverNull.contains(node.getName())) {
                        return TraversalControl.CONTINUE;  // a member it fills is given, whatever its value
                    }
                    for (TraverserContext<Node> parent = context.getParentContext(); parent != null;
                         parent = parent.getParentContext()) {
                        if (parent.thisNode() instanceof ObjectValue) {
                            return found(true);
                        }
                    }
                    return TraversalControl.CONTINUE;
                }

                private TraversalControl found(boolean dependent) {
                    found[0] |= dependent;
                    return dependent ? TraversalControl.QUIT : TraversalControl.CONTINUE;
                }
            }, document);
            return found[0];
        }

        /**
         * The variables every operation of the document declares non-null ({@code $id: ID!}): graphql-java refuses
         * a request that gives null for one before execution, so inside an input object written in the document such
         * a variable cannot make a {@code @oneOf} member null, and the walk ends the same for any of its values. Why
         * it matters: a mutation is written {@code input: {assessmentId: $id, ...}}, so without this every mutation
         * was walked three times per request (depth, field count, price: ~15 % of an edit's request-thread CPU in row
         * 2's profile, infra/docs/edit-path.md). A name declared nullable by any operation is not in the set.
         */
        private static Set<String> neverNull(Document document) {
            Set<String> nonNull = new HashSet<>();
            Set<String> nullable = new HashSet<>();
            for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                for (VariableDefinition variable : operation.getVariableDefinitions()) {
                    (variable.getType() instanceof NonNullType ? nonNull : nullable).add(variable.getName());
                }
            }
            nonNull.removeAll(nullable);
            return nonNull;
        }

        private static boolean mentionsVariable(Value<?> value) {
            if (value instanceof VariableReference) {
                return true;
            }
            if (value instanceof ArrayValue array) {
                return array.getValues().stream().anyMatch(Passed::mentionsVariable);
            }
            return value instanceof ObjectValue object
                    && object.getObjectFields().stream().anyMatch(field -> mentionsVariable(field.getValue()));
        }
    }

    /** An argument graphql-java could not coerce, as a request error; anything else is rethrown as it is. */
    private static RuntimeException requestError(RuntimeException failure) {
        return failure instanceof GraphQLError error && !(failure instanceof AbortExecutionException)
                ? new AbortExecutionException(List.of(error)) : failure;
    }

    private static AbortExecutionException refusal(String code, String message) {
        return refusal(code, message, Map.of());
    }

    /** An operation refused before any field ran: one error with {@code extensions.code} and {@code extensions}. */
    static AbortExecutionException refusal(String code, String message, Map<String, Object> extensions) {
        Map<String, Object> all = new LinkedHashMap<>(extensions);
        all.put("code", code);
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError().message(message)
                .extensions(all).build()));
    }
}
