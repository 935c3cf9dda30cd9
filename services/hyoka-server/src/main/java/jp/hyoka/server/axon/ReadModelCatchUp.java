package jp.hyoka.server.axon;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.MunicipalityCode;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.concurrent.TimeUnit;

/**
 * Read-your-writes: a mutation returns only once the read models show the revision it wrote, so a client that
 * reads right after a successful mutation sees its own change. The events are committed before this wait starts;
 * the wait is short because the tracking processor is woken by the local commit.
 *
 * <p>The read models are polled with a growing pause (2 ms up to 50 ms), and a wait on this node is also woken as
 * soon as the read-model processor commits a batch here ({@link #batchCommitted()}, called through
 * {@link #commitListener()}). Why: with polling alone a wait overshot the processor by up to the last pause, and
 * an imported document (hundreds of events, projected in a few tens of milliseconds) waited about twice as long
 * as its projection took (bulk-import benchmark, BENCHMARKS.md row 4). Another node's processor wakes it through
 * a PostgreSQL notification ({@code ClusterNotifications}); the polling remains for when a notification is lost.
 */
@Singleton
public class ReadModelCatchUp {

    private static final String LISTENING = ReadModelCatchUp.class.getName() + ".listening";

    private final ProjectedRevisions queries;
    private final Duration timeout;
    private final Object progress = new Object();
    /** Batches the read-model processor has committed on this node (guarded by {@code progress}). */
    private long batchesCommitted;
    /** Told of every committed batch, on this node or another (live updates); each must return at once. */
    private final List<Runnable> commitWatchers = new CopyOnWriteArrayList<>();

    public ReadModelCatchUp(ProjectedRevisions queries, @Value("${hyoka.read-your-writes.timeout:5s}") Duration timeout) {
        this.queries = queries;
        this.timeout = timeout;
    }

    /** @return false if the read models did not reach the revision in time (the write itself stands). */
    public boolean await(MunicipalityCode tenant, AssessmentId id, long revision) {
        return await(() -> queries.revision(tenant, id), revision);
    }

    /**
     * The same for any aggregate whose read model tells its revision (a platform aggregate such as a shared
     * component, which belongs to no municipality).
     */
    public boolean await(LongSupplier projectedRevision, long revision) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = Duration.ofMillis(2).toNanos();
        while (true) {
            long seen = batchesCommitted();        // read before the query, so no commit after it goes unnoticed
            if (projectedRevision.getAsLong() >= revision) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            if (!awaitBatchAfter(seen, Math.min(pause, left))) {
                return false;                      // interrupted (shutting down): stop waiting, the write stands
            }
            pause = Math.min(pause * 2, Duration.ofMillis(50).toNanos());
        }
    }

    /** The read-model processor committed a batch on this node: every waiting mutation looks again at once. */
    public void batchCommitted() {
        synchronized (progress) {
            batchesCommitted++;
            progress.notifyAll();
        }
        commitWatchers.forEach(Runnable::run);
    }

    /**
     * {@code watcher} runs after every read-model batch committed on any node (here: after the commit; elsewhere: when
     * its notification arrives). It runs on the processor's or the notification listener's thread: it must only
     * signal, never read or block. A lost notification is not repeated: watchers that must not miss a change poll too.
     */
    public void watchCommits(Runnable watcher) {
        commitWatchers.add(watcher);
    }

    /** For the read-model processor: after each batch it commits, {@link #batchCommitted()} and then tell the others. */
    public MessageHandlerInterceptor<EventMessage<?>> commitListener(Runnable notifyOtherNodes) {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                    throws Exception {
                UnitOfWork<?> batch = unitOfWork.root();
                if (batch.resources().putIfAbsent(LISTENING, Boolean.TRUE) == null) {
                    batch.afterCommit(committed -> {
                        batchCommitted();
                        notifyOtherNodes.run();
                    });
                }
                return chain.proceed();
            }
        };
    }

    private long batchesCommitted() {
        synchronized (progress) {
            return batchesCommitted;
        }
    }

    /** @return false if interrupted */
    private boolean awaitBatchAfter(long seen, long nanos) {
        synchronized (progress) {
            long until = System.nanoTime() + nanos;
            long left = nanos;
            while (batchesCommitted == seen && left > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                left = until - System.nanoTime();
            }
            return true;
        }
    }
}
