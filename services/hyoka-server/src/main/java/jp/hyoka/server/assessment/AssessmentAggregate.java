package jp.hyoka.server.assessment;

import jp.hyoka.domain.assessment.Assessment;
import jp.hyoka.domain.assessment.AssessmentDecider;
import jp.hyoka.domain.assessment.command.AdaptComponentText;
import jp.hyoka.domain.assessment.command.AddRepeatEntry;
import jp.hyoka.domain.assessment.command.AdoptComponentVersion;
import jp.hyoka.domain.assessment.command.ChangeComponentMode;
import jp.hyoka.domain.assessment.command.DeclineComponentProposal;
import jp.hyoka.domain.assessment.command.DeferComponentProposal;
import jp.hyoka.domain.assessment.command.InsertComponent;
import jp.hyoka.domain.assessment.command.AnswerItem;
import jp.hyoka.domain.assessment.command.ClearAnswer;
import jp.hyoka.domain.assessment.command.ImportDocument;
import jp.hyoka.domain.assessment.command.ImportPastChanges;
import jp.hyoka.domain.assessment.command.MigrateFormRevision;
import jp.hyoka.domain.assessment.command.MoveRepeatEntry;
import jp.hyoka.domain.assessment.command.PublishVersion;
import jp.hyoka.domain.assessment.command.RedactPersonalData;
import jp.hyoka.domain.assessment.command.RemoveRepeatEntry;
import jp.hyoka.domain.assessment.command.StartAssessment;
import jp.hyoka.domain.assessment.command.StartNextVersion;
import jp.hyoka.domain.assessment.command.RestoreItemPublication;
import jp.hyoka.domain.assessment.command.ClosePublicComment;
import jp.hyoka.domain.assessment.command.OpenPublicComment;
import jp.hyoka.domain.assessment.command.RecordThirdPartyReview;
import jp.hyoka.domain.assessment.command.SubmitToCommission;
import jp.hyoka.domain.assessment.command.RecordAffairEnd;
import jp.hyoka.domain.assessment.command.WithholdItemFromPublication;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.server.axon.DirectlyReplayed;
import jp.hyoka.server.axon.WholeCommands;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;

import java.util.ArrayList;
import java.util.List;

/**
 * Axon's view of a 評価書: routes commands to the pure {@link AssessmentDecider} and folds events with
 * {@link Assessment#evolveAll}. No business rule lives here. Command handlers answer the revision after the command,
 * which is what a client sends as {@code expectedRevision} next time. A snapshot of it is its folded state
 * ({@link AssessmentSnapshotJson}), stored with the revision {@value #SNAPSHOT_SHAPE}. A load from the store folds
 * the events through {@link #replay}, what the two event-sourcing handlers below do, without Axon's dispatch.
 */
@Revision(AssessmentAggregate.SNAPSHOT_SHAPE)
public class AssessmentAggregate implements DirectlyReplayed {

    /**
     * The shape of a stored snapshot. Raise it whenever a snapshot of the old shape would fold into a different state
     * than replaying the events does: a field added to {@link Assessment} or to what it holds, a change to
     * {@code evolveAll}, an event upcaster. Snapshots of another shape are then passed over (the aggregate is replayed
     * from its events and snapshotted anew): {@link AssessmentAxonModule#snapshotFilter()}.
     */
    static final String SNAPSHOT_SHAPE = "1";

    @AggregateIdentifier
    private String id;
    private final FoldedState state = new FoldedState();

    protected AssessmentAggregate() {
        // for Axon: state is rebuilt from events
    }

    /** An assessment restored from a snapshot of its state. */
    AssessmentAggregate(Assessment snapshot) {
        id = snapshot.id().toString();
        state.begin(snapshot);
    }

    /** The state a snapshot holds: every event applied so far, folded (also what a benchmark's load ends with). */
    public Assessment snapshot() {
        return state();
    }

    @CommandHandler
    public AssessmentAggregate(StartAssessment command, AssessmentDecider decider) {
        apply(decider.start(command));
    }

    /** A published document taken over: a new assessment, its answers and its past in one commit. */
    @CommandHandler
    public AssessmentAggregate(ImportDocument command, AssessmentDecider decider) {
        apply(decider.importDocument(command));
    }

    @CommandHandler
    public long handle(AnswerItem command, AssessmentDecider decider) {
        return decided(decider.answer(state(), command));
    }

    @CommandHandler
    public long handle(ClearAnswer command, AssessmentDecider decider) {
        return decided(decider.clear(state(), command));
    }

    @CommandHandler
    public long handle(AddRepeatEntry command, AssessmentDecider decider) {
        return decided(decider.addEntry(state(), command));
    }

    @CommandHandler
    public long handle(MoveRepeatEntry command, AssessmentDecider decider) {
        return decided(decider.moveEntry(state(), command));
    }

    @CommandHandler
    public long handle(RemoveRepeatEntry command, AssessmentDecider decider) {
        return decided(decider.removeEntry(state(), command));
    }

    @CommandHandler
    public long handle(MigrateFormRevision command, AssessmentDecider decider) {
        return decided(decider.migrate(state(), command));
    }

    @CommandHandler
    public long handle(ImportPastChanges command, AssessmentDecider decider) {
        return decided(decider.importPast(state(), command));
    }

    @CommandHandler
    public long handle(PublishVersion command, AssessmentDecider decider) {
        return decided(decider.publish(state(), command));
    }

    @CommandHandler
    public long handle(RedactPersonalData command, AssessmentDecider decider) {
        return decided(decider.redact(state(), command));
    }

    @CommandHandler
    public long handle(WithholdItemFromPublication command, AssessmentDecider decider) {
        return decided(decider.withholdFromPublication(state(), command));
    }

    @CommandHandler
    public long handle(RestoreItemPublication command, AssessmentDecider decider) {
        return decided(decider.restorePublication(state(), command));
    }

    @CommandHandler
    public long handle(OpenPublicComment command, AssessmentDecider decider) {
        return decided(decider.openPublicComment(state(), command));
    }

    @CommandHandler
    public long handle(ClosePublicComment command, AssessmentDecider decider) {
        return decided(decider.closePublicComment(state(), command));
    }

    @CommandHandler
    public long handle(RecordThirdPartyReview command, AssessmentDecider decider) {
        return decided(decider.recordThirdPartyReview(state(), command));
    }

    @CommandHandler
    public long handle(SubmitToCommission command, AssessmentDecider decider) {
        return decided(decider.submitToCommission(state(), command));
    }

    @CommandHandler
    public long handle(RecordAffairEnd command, AssessmentDecider decider) {
        return decided(decider.recordAffairEnd(state(), command));
    }

    @CommandHandler
    public long handle(StartNextVersion command, AssessmentDecider decider) {
        return decided(decider.startNextVersion(state(), command));
    }

    @CommandHandler
    public long handle(InsertComponent command, AssessmentDecider decider) {
        return decided(decider.insertComponent(state(), command));
    }

    @CommandHandler
    public long handle(AdaptComponentText command, AssessmentDecider decider) {
        return decided(decider.adaptComponentText(state(), command));
    }

    @CommandHandler
    public long handle(ChangeComponentMode command, AssessmentDecider decider) {
        return decided(decider.changeComponentMode(state(), command));
    }

    @CommandHandler
    public long handle(AdoptComponentVersion command, AssessmentDecider decider) {
        return decided(decider.adoptComponentVersion(state(), command));
    }

    @CommandHandler
    public long handle(DeclineComponentProposal command, AssessmentDecider decider) {
        return decided(decider.declineComponentProposal(state(), command));
    }

    @CommandHandler
    public long handle(DeferComponentProposal command, AssessmentDecider decider) {
        return decided(decider.deferComponentProposal(state(), command));
    }

    @EventSourcingHandler
    void on(AssessmentStarted event) {
        id = event.assessmentId().toString();
        state.begin(Assessment.begin(event));
    }

    /** Every later event folds the same way (the domain's evolve knows each of them), when the state is needed. */
    @EventSourcingHandler
    void on(AssessmentEvent event) {
        if (!(event instanceof AssessmentStarted)) {
            state.add(event);
        }
    }

    /** The handlers' types: every assessment event (the start's own handler being the more specific). */
    @Override
    public boolean replays(Class<?> payloadType) {
        return AssessmentEvent.class.isAssignableFrom(payloadType);
    }

    /** What Axon's dispatch does: the start to its own handler, every other event to the general one. */
    @Override
    public void replay(Object event) {
        if (event instanceof AssessmentStarted started) {
            on(started);
        } else {
            on((AssessmentEvent) event);
        }
    }

    private Assessment state() {
        return state.get();
    }

    /** Each event says where it stands in the command, so read models can move from command to command. */
    private static void apply(List<AssessmentEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            AggregateLifecycle.apply(events.get(i), WholeCommands.positionInCommand(i, events.size()));
        }
    }

    /** Applies what the decider decided and answers the revision the assessment is now at. */
    private long decided(List<AssessmentEvent> events) {
        apply(events);
        return state().revision();
    }

    /**
     * The assessment's state, folded when a decision needs it: events applied or loaded since are kept and then folded
     * all at once. Why: an import applies hundreds of events in one command, and folding them one at a time copied the
     * whole document for each (bulk-import benchmark, BENCHMARKS.md row 4); loading such a stream is the same.
     * Equal when the folded states are equal, so Axon's test fixture compares what the events mean, not when they
     * were folded.
     */
    static final class FoldedState {
        private Assessment folded;
        private final List<AssessmentEvent> unfolded = new ArrayList<>();

        void begin(Assessment started) {
            folded = started;
            unfolded.clear();
        }

        void add(AssessmentEvent event) {
            unfolded.add(event);
        }

        Assessment get() {
            if (!unfolded.isEmpty()) {
                folded = folded.evolveAll(unfolded);
                unfolded.clear();
            }
            return folded;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FoldedState that && java.util.Objects.equals(get(), that.get());
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hashCode(get());
        }
    }
}
