package jp.hyoka.server.subscriptions;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AssessmentQueries;
import jp.hyoka.server.axon.ReadModelCatchUp;
import jp.hyoka.server.database.TenantScopedReads;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The source of every live update: one feed per subscribed assessment (per municipality and assessment) and one per
 * municipality for proposals, shared by all their subscribers on this node.
 *
 * <p>How an update made on any node gets here: every read-model batch committed on any node wakes
 * {@link ReadModelCatchUp} (locally after the commit; on the other nodes through the PostgreSQL notification
 * {@code hyoka_read_models_committed} that {@code ClusterNotifications} already sends and listens to on a connection
 * of its own). A wake only schedules a delivery round on this class's own thread, so neither the processor nor the
 * listener nor Netty's event loop ever waits for it. A round re-reads, for each feed, what was committed after what
 * it last delivered, from the read models, scoped to the feed's municipality (row-level security), and pushes it to
 * the feed's subscribers. Rounds coalesce (a burst of batches costs one round, never a queue of them); a round also
 * runs every {@code hyoka.subscriptions.poll-interval} (2 s), so a lost notification delays an update, never loses it.
 */
@Singleton
public class LiveFeeds {

    private static final Logger LOG = LoggerFactory.getLogger(LiveFeeds.class);

    /** Something a subscriber can receive: it reads what is new since the last round and hands it on. */
    interface Feed {
        /** Reads what is new and hands it to every subscriber. */
        void deliver();

        /** Nobody listens any more: the feed is forgotten. */
        boolean idle();
    }

    private final AssessmentQueries assessments;
    private final ClasspathFormCatalog forms;
    private final TenantScopedReads reads;
    private final Map<Object, Feed> feeds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "hyoka-live-feeds");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean due = new AtomicBoolean();

    public LiveFeeds(AssessmentQueries assessments, ClasspathFormCatalog forms, TenantScopedReads reads,
                     ReadModelCatchUp catchUp,
                     @Value("${hyoka.subscriptions.poll-interval:2s}") Duration pollInterval) {
        this.assessments = assessments;
        this.forms = forms;
        this.reads = reads;
        catchUp.watchCommits(this::wake);
        worker.scheduleWithFixedDelay(this::wake, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The changes of {@code id} from now on; empty if it is not an assessment of {@code tenant} (or none at all). */
    Optional<Flux<AssessmentChanged>> assessmentChanged(MunicipalityCode tenant, AssessmentId id) {
        return assessments.find(tenant, id).map(current -> subscribe(new AssessmentKey(tenant, id),
                key -> new AssessmentFeed(assessments, forms, tenant, id, current.revision())));
    }

    /** Proposals raised for {@code tenant}'s documents from now on. */
    Flux<ProposalRaised> proposalRaised(MunicipalityCode tenant) {
        return subscribe(new ProposalKey(tenant), key -> ProposalFeed.from(reads, tenant));
    }

    @SuppressWarnings("unchecked")
    private <T> Flux<T> subscribe(Object key, Function<Object, Subscribers<T>> create) {
        return Flux.create(sink -> {
            Subscribers<T> subscribers = (Subscribers<T>) feeds.compute(key, (k, existing) -> {
                Subscribers<T> feed = existing == null ? create.apply(k) : (Subscribers<T>) existing;
                feed.add(sink);
                return feed;
            });
            sink.onDispose(() -> subscribers.remove(sink));
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    /** Some batch committed somewhere: a round soon (one, however many wakes come before it starts). */
    void wake() {
        if (due.compareAndSet(false, true)) {
            try {
                worker.execute(this::deliver);
            } catch (RuntimeException rejected) {
                due.set(false);                                 // shutting down
            }
        }
    }

    private void deliver() {
        due.set(false);
        feeds.forEach((key, feed) -> {
            try {
                if (feeds.computeIfPresent(key, (k, current) -> current.idle() ? null : current) != null) {
                    feed.deliver();
                }
            } catch (RuntimeException e) {
                // The database away, say: the feed keeps its position, the next round tries again.
                LOG.warn("Live updates: could not read what is new for {}: {}", key, e.toString());
            }
        });
    }

    /** Someone on this node follows {@code id} (tests: an update made before this would not be sent). */
    boolean following(MunicipalityCode tenant, AssessmentId id) {
        return following(new AssessmentKey(tenant, id));
    }

    /** Someone on this node follows {@code tenant}'s proposals. */
    boolean followingProposals(MunicipalityCode tenant) {
        return following(new ProposalKey(tenant));
    }

    private boolean following(Object key) {
        Feed feed = feeds.get(key);
        return feed != null && !feed.idle();
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
    }

    private record AssessmentKey(MunicipalityCode tenant, AssessmentId id) {
    }

    private record ProposalKey(MunicipalityCode tenant) {
    }
}
