package jp.hyoka.server.review;

import jp.hyoka.server.assessment.AssessmentIds;
import jp.hyoka.server.graphql.GlobalIds;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.rejection.AssessmentNotFound;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.Rejection;
import jp.hyoka.domain.rejection.ThreadNotFound;
import jp.hyoka.domain.review.ThreadAnchor;
import jp.hyoka.domain.review.ThreadId;
import jp.hyoka.domain.review.command.ReopenThread;
import jp.hyoka.domain.review.command.Reply;
import jp.hyoka.domain.review.command.ResolveThread;
import jp.hyoka.domain.review.command.ReviewThreadCommand;
import jp.hyoka.domain.review.command.StartThread;
import jp.hyoka.server.axon.ReadModelCatchUp;
import jp.hyoka.server.axon.RefusableCommands;
import jp.hyoka.server.axon.TimeOrderedIds;
import jp.hyoka.server.security.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sends the caller's thread commands to the thread's aggregate (the domain decides) and waits until the threads'
 * read model shows the result (read-your-writes), so that a query right after a mutation sees it. Refusals are
 * outcomes, not errors; a database outage is DatabaseUnavailable ({@link RefusableCommands}), which the mutation's
 * union reports.
 */
@Singleton
public class ReviewThreads {

    /** The thread after the command; or refused with a typed reason. */
    public sealed interface Outcome permits Changed, Refused {
    }

    public record Changed(ThreadId threadId) implements Outcome {
    }

    public record Refused(Rejection rejection) implements Outcome {
    }

    private final CommandGateway commands;
    private final ReviewThreadQueries queries;
    private final ReadModelCatchUp catchUp;
    private final Clock clock = Clock.systemUTC();
    private final TimeOrderedIds ids = new TimeOrderedIds(clock);

    public ReviewThreads(CommandGateway commands, ReviewThreadQueries queries, ReadModelCatchUp catchUp) {
        this.commands = commands;
        this.queries = queries;
        this.catchUp = catchUp;
    }

    public Outcome start(Caller caller, String assessmentId, String itemId, String entryId, String text) {
        Optional<AssessmentId> assessment = AssessmentIds.parse(assessmentId);
        if (assessment.isEmpty()) {
            return new Refused(new AssessmentNotFound(String.valueOf(assessmentId)));
        }
        if (itemId != null && !ItemId.isWellFormed(itemId)) {
            return new Refused(new InvalidInput("itemId", "'" + itemId + "' is not an item id"));
        }
        if (itemId == null && entryId != null) {
            return new Refused(new InvalidInput("entryId", "an entry is named only together with its item"));
        }
        ThreadAnchor anchor = new ThreadAnchor(itemId == null ? null : new ItemId(itemId), entryId);
        return send(caller, new StartThread(new ThreadId(ids.next()), assessment.get(), caller.tenant(), anchor, text,
                caller.actor(), clock.instant()));
    }

    public Outcome reply(Caller caller, String threadId, String text) {
        return identified(threadId, id -> send(caller, new Reply(id, caller.tenant(), text, caller.actor(),
                clock.instant())));
    }

    public Outcome resolve(Caller caller, String threadId) {
        return identified(threadId, id -> send(caller, new ResolveThread(id, caller.tenant(), caller.actor(),
                clock.instant())));
    }

    public Outcome reopen(Caller caller, String threadId) {
        return identified(threadId, id -> send(caller, new ReopenThread(id, caller.tenant(), caller.actor(),
                clock.instant())));
    }

    /** A malformed id is not the id of any thread. */
    private static Outcome identified(String threadId, Function<ThreadId, Outcome> then) {
        return ThreadId.parse(threadId == null ? null : GlobalIds.localKey(threadId, ReviewThreadNodes.TYPE)).map(then)
                .orElseGet(() -> new Refused(new ThreadNotFound(String.valueOf(threadId))));
    }

    private Outcome send(Caller caller, ReviewThreadCommand command) {
        RefusableCommands.Sent<ReviewThreadAggregate.Decided> sent = RefusableCommands.send(commands, command);
        if (sent instanceof RefusableCommands.Refused<ReviewThreadAggregate.Decided> refused) {
            return new Refused(refused.rejection());
        }
        long revision = ((RefusableCommands.Done<ReviewThreadAggregate.Decided>) sent).answer().revision();
        RefusableCommands.awaitVisible(catchUp, () -> queries.revision(caller.tenant(), command.threadId()), revision,
                command.threadId());
        return new Changed(command.threadId());
    }
}
