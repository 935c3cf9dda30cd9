package jp.hyoka.server.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.OperationDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every executed GraphQL request as the timer {@code hyoka.graphql.requests} (tags: operation name, operation type,
 * outcome ok/error) and each error in its result as {@code hyoka.graphql.errors} (tags: operation, code: the
 * error's {@code extensions.code}, else graphql-java's classification). Typed problems in a payload (a stale
 * revision) are data, not errors: the command metrics count those.
 *
 * <p>Operation names are chosen by clients, so they are bounded: a name is used only once its document has
 * validated (it is then a GraphQL name), and after {@link #MAX_OPERATION_NAMES} distinct names the rest count as
 * {@code other}, so that no client can grow the metrics without limit. {@code anonymous}: an unnamed operation;
 * {@code none}: the document did not parse or validate.
 */
final class GraphQlMetrics extends SimplePerformantInstrumentation {

    static final int MAX_OPERATION_NAMES = 200;

    private final MeterRegistry registry;
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    /**
     * The timers already registered, by their tags (bounded like the names: at most 201 × 4 × 2): building and
     * registering a timer per request (its tags sorted, the registry's lookup) showed in the read path's profile.
     */
    private final Map<Tagged, Timer> timers = new ConcurrentHashMap<>();

    private record Tagged(String operation, String type, String outcome) {
    }

    GraphQlMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** What one execution learns on its way. */
    private static final class Measured implements InstrumentationState {
        final long started = System.nanoTime();
        volatile String operation = "none";
        volatile String type = "none";
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Measured();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
        Measured measured = (Measured) state;
        measured.operation = bounded(operation.getName());
        measured.type = operation.getOperation().name().toLowerCase();
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(
            ExecutionResult result, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        Measured measured = (Measured) state;
        timers.computeIfAbsent(new Tagged(measured.operation, measured.type,
                        result.getErrors().isEmpty() ? "ok" : "error"), this::timer)
                .record(Duration.ofNanos(System.nanoTime() - measured.started));
        for (GraphQLError error : result.getErrors()) {
            Counter.builder("hyoka.graphql.errors")
                    .description("Errors in GraphQL results, by operation and code")
                    .tags("operation", measured.operation, "code", code(error))
                    .register(registry)
                    .increment();
        }
        return CompletableFuture.completedFuture(result);
    }

    /**
     * A query answered before graphql-java ({@link KeptAnswers}: a kept answer, no error) counted as its execution
     * would have been: the same timer, from {@code startedNanos}.
     *
     * @param operationName the operation's own name in the document, null when anonymous
     */
    void servedKept(String operationName, long startedNanos) {
        timers.computeIfAbsent(new Tagged(bounded(operationName), "query", "ok"), this::timer)
                .record(Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    private Timer timer(Tagged tagged) {
        return Timer.builder("hyoka.graphql.requests")
                .description("GraphQL requests executed, by operation")
                .tags("operation", tagged.operation(), "type", tagged.type(), "outcome", tagged.outcome())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    private String bounded(String clientName) {
        if (clientName == null) {
            return "anonymous";
        }
        String name = OperationNames.capped(clientName);
        if (names.contains(name)) {
            return name;
        }
        if (names.size() >= MAX_OPERATION_NAMES) {
            return "other";
        }
        names.add(name);
        return name;
    }

    /** Our codes (ApiException, ApiErrorHandler) are few and fixed; so are graphql-java's classifications. */
    private static String code(GraphQLError error) {
        Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
        if (code != null) {
            return code.toString();
        }
        return error.getErrorType() == null ? "UNKNOWN" : error.getErrorType().toString();
    }
}
