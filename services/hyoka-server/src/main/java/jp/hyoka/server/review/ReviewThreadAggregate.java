package jp.hyoka.server.review;

import jp.hyoka.domain.review.ReviewThread;
import jp.hyoka.domain.review.ReviewThreadDecider;
import jp.hyoka.domain.review.command.ReopenThread;
import jp.hyoka.domain.review.command.Reply;
import jp.hyoka.domain.review.command.ResolveThread;
import jp.hyoka.domain.review.command.StartThread;
import jp.hyoka.domain.review.event.ReviewThreadEvent;
import jp.hyoka.domain.review.event.ThreadStarted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.List;

/**
 * Axon's view of a review thread, identified by its {@code ThreadId}: routes commands to the pure
 * {@link ReviewThreadDecider} and folds events with {@link ReviewThread#evolve}. Every handler may meet a thread that
 * does not exist ({@code CREATE_IF_MISSING}): the decider then sees {@code null} and starts it, or refuses with
 * {@code ThreadNotFound}; a refusal stores nothing.
 */
public class ReviewThreadAggregate {

    /** What a handler answers: how many events the thread now has (what read-your-writes waits for). */
    public record Decided(long revision) {
    }

    @AggregateIdentifier
    private String id;
    private ReviewThread state;
    private long revision;

    /** For Axon: state is rebuilt from events, and a command meeting no thread starts from this empty one. */
    public ReviewThreadAggregate() {
        // no state until the start is folded
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Decided handle(StartThread command, ReviewThreadDecider decider, ThreadDocuments documents) {
        return decided(decider.start(state, command, documents.outline(command.tenant(), command.assessmentId())));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Decided handle(Reply command, ReviewThreadDecider decider) {
        return decided(decider.reply(state, command));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Decided handle(ResolveThread command, ReviewThreadDecider decider) {
        return decided(decider.resolve(state, command));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Decided handle(ReopenThread command, ReviewThreadDecider decider) {
        return decided(decider.reopen(state, command));
    }

    private Decided decided(List<ReviewThreadEvent> events) {
        events.forEach(AggregateLifecycle::apply);
        return new Decided(revision);
    }

    @EventSourcingHandler
    void on(ReviewThreadEvent event) {
        id = event.threadId().toString();
        state = state == null ? ReviewThread.begin((ThreadStarted) event) : state.evolve(event);
        revision++;
    }
}
