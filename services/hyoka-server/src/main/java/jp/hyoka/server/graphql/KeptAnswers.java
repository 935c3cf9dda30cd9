package jp.hyoka.server.graphql;

import jp.hyoka.server.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link ResponseCache}'s kept answers, looked up before graphql-java runs (infra/docs/read-path.md, round 6): on a
 * hit, the request is answered without the parse cache's lookup, the variables' coercion, the instrumentations'
 * state, the execution context and the strategy around the kept answer.
 * <p>
 * Only what graphql-java would answer the same way is served here. The endpoint calls this after everything that runs
 * before graphql-java today (the token verified by the security filter, the rate limit, the request's JSON, the
 * persisted or trusted document, the caller resolved from the verified token); then:
 * <ul>
 * <li>the key is the one {@link ResponseCache} keeps under: the caller's municipality and roles (role access is
 * decided by them), the query text, the operation name as requested and the request's variables. An answer was kept
 * only after graphql-java parsed and validated that text, chose that operation, passed the depth and field limits
 * and found it cacheable ({@link CacheableOperations}), all of which follow from the key; it is served here only if
 * the variables that kept it were already as coerced ({@code direct}), so that equal raw variables coerce to the
 * same;</li>
 * <li>the version is read now, under the caller's scope (one round trip, as in ResponseCache): another
 * municipality's document is not seen, an edit on any node changes it. Served only when it is the kept answer's;
 * otherwise what was read goes on to graphql-java's execution ({@link #READ}), which does not read it again;</li>
 * <li>the cost: the kept operation's requested price is taken from the caller's budget; over the maximum or
 * throttled, nothing is taken here and graphql-java's execution refuses it as always (the same error);</li>
 * <li>the request's deadline, the metrics (the same timer, {@link GraphQlMetrics#servedKept}) and the operation's
 * name in the request's log and span, as for any other query.</li>
 * </ul>
 * Anything else (no entry, not direct, past the deadline, another version, the version read failing, the budget
 * refusing) is a miss: the request is executed by graphql-java exactly as without this class.
 */
final class KeptAnswers {

    /** In the GraphQL context: the version read for this request before graphql-java ({@link VersionRead}). */
    static final String READ = "hyoka.keptAnswers.read";

    private static final Logger LOG = LoggerFactory.getLogger(KeptAnswers.class);

    private final CachedResponses kept;
    /** Null when the server has no meter registry (then graphql-java's execution has no metrics either). */
    private final GraphQlMetrics metrics;
    private final AtomicLong served = new AtomicLong();

    KeptAnswers(CachedResponses kept, GraphQlMetrics metrics) {
        this.kept = kept;
        this.metrics = metrics;
    }

    /**
     * The version of {@code root}'s {@code id} read for this request, or the failure that read met (thrown again by
     * {@link #version()}, so that ResponseCache handles it as its own read's).
     */
    record VersionRead(VersionedRoot root, String id, Optional<VersionedRoot.Version> read, RuntimeException failure) {

        boolean of(VersionedRoot otherRoot, String otherId) {
            return root == otherRoot && id.equals(otherId);
        }

        Optional<VersionedRoot.Version> version() {
            if (failure != null) {
                throw failure;
            }
            return read;
        }
    }

    /** The outcome: a kept answer to send ({@code served}, else null) and the version read on the way, if any. */
    record Lookup(Served served, VersionRead read) {
        static final Lookup MISS = new Lookup(null, null);
    }

    /** A kept answer served: its data, and the operation's name for the request's log. */
    record Served(CachedData data, String observedName) {
    }

    /**
     * Looks the request's kept answer up for {@code caller} (a verified caller acting for a municipality).
     *
     * @param document the query text the request runs (sent, or found by its hash)
     * @param ticket   the request's cost ticket: the price is taken from it on a hit
     */
    Lookup lookup(GraphQlRequest request, String document, Caller caller, CostLimits.Ticket ticket, CostBudget budget,
                  long deadline) {
        long started = System.nanoTime();
        CachedResponses.Entry entry = kept.entry(new CachedResponses.Key(caller.tenant(), caller.roles(), document,
                request.operationName(), request.variables()));
        if (entry == null || !entry.operation().direct() || started - deadline > 0) {
            return Lookup.MISS;
        }
        CachedResponses.KeptOperation operation = entry.operation();
        VersionRead read;
        try {
            read = new VersionRead(operation.root(), operation.id(), operation.root().version(caller,
                    operation.id()), null);
        } catch (RuntimeException e) {
            LOG.debug("No version read before graphql-java: {}", e.toString());
            return new Lookup(null, new VersionRead(operation.root(), operation.id(), null, e));
        }
        if (!read.read().map(entry.version()::equals).orElse(false)
                || !ticket.takeKnownQuery(budget, operation.requestedCost())) {
            return new Lookup(null, read);
        }
        if (metrics != null) {
            metrics.servedKept(operation.name(), started);
        }
        served.incrementAndGet();
        return new Lookup(new Served(entry.data(), operation.observedName()), read);
    }

    /** How many requests were answered here (for tests). */
    long served() {
        return served.get();
    }
}
