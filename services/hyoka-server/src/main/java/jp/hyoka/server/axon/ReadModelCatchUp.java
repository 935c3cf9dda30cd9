package jp.hyoka.server.axon;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.MunicipalityCode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.concurrent.TimeUnit;

/**
 * Read-your-writes: a mutation returns only once the read models show the revision it wrote, so a client that
 * reads right after a successful mutation sees its own change. The events are committed before this wait starts;
 * the wait is short because the tracking processor is woken by the local commit.
 *
 * <p>When the read-model processor runs on this node, the wait asks the database nothing: each batch the processor
 * commits here records, in memory, the highest sequence number it projected of each aggregate ({@link #projected}),
 * and wakes the waits; an assessment's revision is its last event's sequence number + 1
 * ({@code AssessmentDocumentProjection}), so a wait for an assessment ends as soon as a batch with its event is
 * committed (issue 22: the wait's polling — a transaction of three round trips every 2, 4, 8 … ms — was half of an
 * edit's round trips). When the processor runs on another node (its batches are not seen here), the read models are
 * queried: when that node's notification arrives ({@code ClusterNotifications}), and otherwise with a growing pause
 * (2 ms up to 50 ms; while this node's processor is the one projecting, as a fall-back only: after 50 ms, then after
 * twice as long each time, up to 800 ms).
 */
@Singleton
public class ReadModelCatchUp {

    private static final String LISTENING = ReadModelCatchUp.class.getName() + ".listening";
    private static final String PROJECTED = ReadModelCatchUp.class.getName() + ".projected";
    /** Aggregates whose projected sequence is remembered (the most recently projected); others are queried. */
    private static final int REMEMBERED = 10_000;
    /** How long after its last local batch this node's processor counts as the one projecting. */
    private static final long ACTIVE_NANOS = Duration.ofSeconds(5).toNanos();
    /**
     * How long a wait first goes without asking the read models, whatever the memory says; each such question doubles
     * it, up to {@link #LONGEST_FALL_BACK_NANOS}. Why growing: under load (16 editors, a processor behind) waits last
     * hundreds of ms and every batch wakes every waiter, so a fixed 50 ms had each waiter query the read models at
     * nearly every batch — several queries per edit, for an answer the batches' memory gives anyway (row 2's profile,
     * infra/docs/edit-path.md).
     */
    private static final long FALL_BACK_NANOS = Duration.ofMillis(50).toNanos();
    private static final long LONGEST_FALL_BACK_NANOS = Duration.ofMillis(800).toNanos();

    private final ProjectedRevisions queries;
    private final Duration timeout;
    private final Object progress = new Object();
    /** Batches the read-model processor has committed on this node (guarded by {@code progress}). */
    private long batchesCommitted;
    /** Batches committed on other nodes, as far as their notifications told (guarded by {@code progress}). */
    private long batchesCommittedElsewhere;
    /** When this node's processor last committed a batch (guarded by {@code progress}). */
    private long lastLocalBatch = System.nanoTime() - ACTIVE_NANOS;
    /** Aggregate identifier → highest sequence number projected by this node's processor (guarded by {@code progress}). */
    private final Map<String, Long> projectedSequences = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    };
    /** Told of every committed batch, on this node or another (live updates); each must return at once. */
    private final List<Runnable> commitWatchers = new CopyOnWriteArrayList<>();

    public ReadModelCatchUp(ProjectedRevisions queries, @Value("${hyoka.read-your-writes.timeout:5s}") Duration timeout) {
        this.queries = queries;
        this.timeout = timeout;
    }

    /** @return false if the read models did not reach the revision in time (the write itself stands). */
    public boolean await(MunicipalityCode tenant, AssessmentId id, long revision) {
        return await(() -> queries.revision(tenant, id) >= revision, id.value().toString(), revision - 1);
    }

    /**
     * The same for any aggregate whose read model tells its revision (a platform aggregate such as a shared
     * component, which belongs to no municipality).
     */
    public boolean await(LongSupplier projectedRevision, long revision) {
        return await(() -> projectedRevision.getAsLong() >= revision, null, -1);
    }

    /**
     * @param readable  asks the read models whether they show the revision
     * @param aggregate null, or the aggregate whose event with sequence number {@code sequence} makes its read models
     *                  show the revision (then this node's batches answer without a query)
     */
    boolean await(BooleanSupplier readable, String aggregate, long sequence) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean here = aggregate != null && projectingHere();
        long pause = Duration.ofMillis(here ? 50 : 2).toNanos();
        // This node's batch will tell, unless the aggregate is not remembered (evicted, projected before a restart or
        // a rebuild's switch, or on another node): then only the database can, so it is asked at once.
        boolean query = !here || projectedSequence(aggregate) < 0;
        long lastQuery = System.nanoTime();
        long fallBack = FALL_BACK_NANOS;
        while (true) {
            Wake seen = wake();                    // read before looking, so no commit after it goes unnoticed
            if (aggregate != null && projectedSequence(aggregate) >= sequence) {
                return true;
            }
            // Whatever woke the wait, the database is asked at least every fallBack: the memory is a shortcut.
            boolean fellBack = !query && System.nanoTime() - lastQuery >= fallBack;
            if (query || fellBack) {
                lastQuery = System.nanoTime();
                if (fellBack) {
                    fallBack = Math.min(fallBack * 2, LONGEST_FALL_BACK_NANOS);
                }
                if (readable.getAsBoolean()) {
                    return true;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                // The fall-back's gap grows, so the last question may be long before the deadline: one more, so a
                // revision readable by now is never reported as not visible.
                return !query && !fellBack && readable.getAsBoolean();
            }
            Wake woken = awaitWakeAfter(seen, Math.min(pause, left));
            if (woken == null) {
                return false;                      // interrupted (shutting down): stop waiting, the write stands
            }
            // A batch of this node's processor is known above without a query; anything else is asked of the database.
            query = aggregate == null || woken.batchesElsewhere != seen.batchesElsewhere
                    || woken.batches == seen.batches;
            pause = Math.min(pause * 2, Duration.ofMillis(here ? 200 : 50).toNanos());
        }
    }

    /**
     * The read-model processor committed a batch on this node, which projected {@code projected} (its domain events):
     * every waiting mutation looks again at once.
     */
    void batchCommitted(List<DomainEventMessage<?>> projected) {
        synchronized (progress) {
            if (System.nanoTime() - lastLocalBatch >= ACTIVE_NANOS) {
                projectedSequences.clear();         // idle or another node's for a while: what it remembers may be old
            }
            for (DomainEventMessage<?> event : projected) {
                projectedSequences.merge(event.getAggregateIdentifier(), event.getSequenceNumber(), Math::max);
            }
            batchesCommitted++;
            lastLocalBatch = System.nanoTime();
            progress.notifyAll();
        }
        commitWatchers.forEach(Runnable::run);
    }

    /** Forgets what this node's processor projected: the read models were swapped (a rebuild's switch). */
    public void forgetProjected() {
        synchronized (progress) {
            projectedSequences.clear();
            progress.notifyAll();
        }
    }

    /** Another node's read-model processor committed a batch (its notification): waits query the read models now. */
    public void batchCommittedElsewhere() {
        synchronized (progress) {
            batchesCommittedElsewhere++;
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

    /** For the read-model processor: after each batch it commits, {@link #batchCommitted} and then tell the others. */
    public MessageHandlerInterceptor<EventMessage<?>> commitListener(Runnable notifyOtherNodes) {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                    throws Exception {
                UnitOfWork<?> batch = unitOfWork.root();
                List<DomainEventMessage<?>> projected = batch.getOrComputeResource(PROJECTED, key -> new ArrayList<>());
                if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event) {
                    projected.add(event);
                }
                if (batch.resources().putIfAbsent(LISTENING, Boolean.TRUE) == null) {
                    batch.afterCommit(committed -> {
                        batchCommitted(projected);
                        notifyOtherNodes.run();
                    });
                }
                return chain.proceed();
            }
        };
    }

    private record Wake(long batches, long batchesElsewhere) {
    }

    private Wake wake() {
        synchronized (progress) {
            return new Wake(batchesCommitted, batchesCommittedElsewhere);
        }
    }

    private boolean projectingHere() {
        synchronized (progress) {
            return System.nanoTime() - lastLocalBatch < ACTIVE_NANOS;
        }
    }

    private long projectedSequence(String aggregate) {
        synchronized (progress) {
            return projectedSequences.getOrDefault(aggregate, -1L);
        }
    }

    /** @return the counts once either differs from {@code seen} or {@code nanos} passed; null if interrupted */
    private Wake awaitWakeAfter(Wake seen, long nanos) {
        synchronized (progress) {
            long until = System.nanoTime() + nanos;
            long left = nanos;
            while (batchesCommitted == seen.batches && batchesCommittedElsewhere == seen.batchesElsewhere && left > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
                left = until - System.nanoTime();
            }
            return new Wake(batchesCommitted, batchesCommittedElsewhere);
        }
    }
}
