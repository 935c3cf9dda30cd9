package jp.hyoka.server.graphql;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.NonNullableFieldWasNullException;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import jp.hyoka.server.availability.ConnectionFailures;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.security.CallerResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Queries' execution, keeping the answers of {@link CacheableOperations} (a document read by id) and serving them
 * again while the document's version is the same: the whole of sample 000 is ~5,000 fields of graphql-java's work per
 * read, its version one short row-level-secured SELECT (infra/docs/read-path.md).
 * <p>
 * Runs after graphql-java parsed and validated the document and after every per-operation instrumentation (limits,
 * cost budget, operation name, metrics) began the operation, so those apply to a kept answer as to any other. Then,
 * for a cacheable operation of a signed-in caller: the version of what it names is read as that caller (its
 * municipality's scope: a document of another municipality is not seen, and nothing is served), and the answer kept
 * under the same key at that very version is served. Otherwise the operation executes; its answer is kept only when
 * it has no error, and only under the revision its root fetcher read the data at ({@link VersionedRoot#served}, the
 * revision the read's one snapshot saw), with the row version read before: never under a version the data was not
 * read at. The key ({@link CachedResponses.Key}) holds the municipality, the roles, the query text, the operation and
 * the variables; every node keeps its own and reads versions from the database, so two nodes stay correct.
 * <p>
 * Only for requests that accept data as JSON text ({@link #RAW_DATA} in the GraphQL context: the HTTP endpoint);
 * others (the WebSocket, in-process callers) get graphql-java's maps as before.
 */
final class ResponseCache extends AsyncExecutionStrategy {

    /** In the GraphQL context: {@code true} when the caller writes the result with Jackson (accepts {@link CachedData}). */
    static final String RAW_DATA = "hyoka.responseCache.rawData";
    /** In the GraphQL context: the revision the root field's fetcher served (VersionedRoot.served). */
    static final String SERVED_REVISION = "hyoka.responseCache.servedRevision";

    /** In the GraphQL context: the connection failure the version read met (failFast). */
    private static final String OUT_OF_REACH = "hyoka.responseCache.outOfReach";

    private static final Logger LOG = LoggerFactory.getLogger(ResponseCache.class);

    private final CacheableOperations operations;
    private final CachedResponses kept;
    private final KeptAnswers early;
    private final PerOperation<Optional<CacheableOperations.Plan>> plans = new PerOperation<>();

    /** @param metrics the same instance the instrumentation reports to (null without a registry) */
    ResponseCache(DataFetcherExceptionHandler errors, List<VersionedRoot> roots, long capacityChars,
                  GraphQlMetrics metrics) {
        super(errors);
        this.operations = new CacheableOperations(roots);
        this.kept = new CachedResponses(capacityChars);
        this.early = new KeptAnswers(kept, metrics);
    }

    /** The same kept answers, looked up before graphql-java (the HTTP endpoint's). */
    KeptAnswers early() {
        return early;
    }

    @Override
    public CompletableFuture<ExecutionResult> execute(ExecutionContext execution, ExecutionStrategyParameters parameters)
            throws NonNullableFieldWasNullException {
        if (!Boolean.TRUE.equals(execution.getGraphQLContext().get(RAW_DATA))) {
            return super.execute(execution, parameters);
        }
        Optional<CacheableOperations.Plan> plan = plan(execution);
        CallerResolver.Resolution resolution = execution.getGraphQLContext().get(CallerContext.KEY);
        Optional<Caller> caller = resolution == null ? Optional.empty() : resolution.asCaller();
        if (plan.isEmpty() || caller.isEmpty()) {
            return super.execute(execution, parameters);
        }
        Map<String, Object> variables = execution.getCoercedVariables().toMap();
        String id = plan.get().id(variables);
        if (id == null) {
            return super.execute(execution, parameters);
        }
        Optional<VersionedRoot.Version> version;
        KeptAnswers.VersionRead read = execution.getGraphQLContext().get(KeptAnswers.READ);
        try {
            // read before graphql-java for this very request (KeptAnswers): not read a second time
            version = read != null && read.of(plan.get().root(), id) ? read.version()
                    : plan.get().root().version(caller.get(), id);
        } catch (RuntimeException e) {
            LOG.debug("No version read for a kept answer: {}", e.toString());
            if (ConnectionFailures.poolGaveUp(e)) {
                // The root's fetcher fails with this failure at once (failFast) instead of waiting for a connection
                // a second time: the same SERVICE_UNAVAILABLE answer after one wait, not two. Only when the pool gave
                // up: after one broken connection (a restart, an idle cut) the fetcher's own fresh connection may work.
                execution.getGraphQLContext().put(OUT_OF_REACH, e);
            }
            return super.execute(execution, parameters);
        }
        if (version.isEmpty()) {               // nothing this caller may see: executed (it answers null), never kept
            return super.execute(execution, parameters);
        }
        CachedResponses.Key key = new CachedResponses.Key(caller.get().tenant(), caller.get().roles(),
                execution.getExecutionInput().getQuery(), execution.getExecutionInput().getOperationName(), variables);
        CachedResponses.KeptOperation operation = keptOperation(execution, plan.get(), id, variables);
        CachedResponses.Entry hit = kept.entry(key);
        if (hit != null && hit.version().equals(version.get())) {
            if (operation.direct() && !hit.operation().direct()) {
                // kept by a request whose variables were coerced (a default filled in): this one's were not, so
                // a request like it may be served before graphql-java from now on
                kept.upgrade(key, hit, operation);
            }
            return CompletableFuture.completedFuture(new ExecutionResultImpl(hit.data(), List.of()));
        }
        return super.execute(execution, parameters)
                .thenApply(result -> keep(execution, key, version.get(), operation, result));
    }

    /** What graphql-java decided about this operation, for serving its answer without it (KeptAnswers). */
    private static CachedResponses.KeptOperation keptOperation(ExecutionContext execution, CacheableOperations.Plan plan,
                                                               String id, Map<String, Object> variables) {
        CostLimits.Ticket ticket = execution.getGraphQLContext().get(CostLimits.KEY);
        boolean direct = ticket != null && execution.getExecutionInput().getRawVariables().toMap().equals(variables);
        return new CachedResponses.KeptOperation(plan.root(), id, ticket == null ? 0 : ticket.requested(),
                execution.getOperationDefinition().getName(), OperationNames.name(execution.getOperationDefinition()),
                direct);
    }

    /** Keeps an answer without errors read at the version's revision; returns it as the JSON text kept. */
    private ExecutionResult keep(ExecutionContext execution, CachedResponses.Key key, VersionedRoot.Version version,
                                 CachedResponses.KeptOperation operation, ExecutionResult result) {
        Object served = execution.getGraphQLContext().get(SERVED_REVISION);
        if (!result.getErrors().isEmpty() || (result.getExtensions() != null && !result.getExtensions().isEmpty())
                || !(result.getData() instanceof Map<?, ?>) || !(served instanceof Long revision)
                || revision != version.revision()) {
            return result;
        }
        CachedData data = CachedData.of(result.getData());
        kept.put(key, version, data, operation);
        return new ExecutionResultImpl(data, List.of());
    }

    /**
     * For the instrumentation: the root field's fetcher of an operation whose version read found the database out of
     * reach fails with that failure (handled as any fetcher's: SERVICE_UNAVAILABLE); any other fetcher as given.
     */
    static DataFetcher<?> failFast(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters) {
        RuntimeException outOfReach = parameters.getExecutionContext().getGraphQLContext().get(OUT_OF_REACH);
        if (outOfReach == null || parameters.getExecutionStepInfo().getPath().getLevel() != 1) {
            return fetcher;
        }
        return environment -> {
            throw outOfReach;
        };
    }

    private Optional<CacheableOperations.Plan> plan(ExecutionContext execution) {
        Optional<CacheableOperations.Plan> known = plans.get(execution);
        if (known != null) {
            return known;
        }
        Optional<CacheableOperations.Plan> plan = operations.plan(execution.getGraphQLSchema(),
                execution.getDocument(), execution.getOperationDefinition(), execution.getFragmentsByName());
        plans.remember(execution, plan);
        return plan;
    }

    int kept() {
        return kept.count();
    }
}
