package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.AdaptComponentText;
import jp.hyoka.domain.assessment.command.AddRepeatEntry;
import jp.hyoka.domain.assessment.command.AdoptComponentVersion;
import jp.hyoka.domain.assessment.command.ChangeComponentMode;
import jp.hyoka.domain.assessment.command.DeclineComponentProposal;
import jp.hyoka.domain.assessment.command.DeferComponentProposal;
import jp.hyoka.domain.assessment.command.InsertComponent;
import jp.hyoka.domain.assessment.command.AnswerItem;
import jp.hyoka.domain.assessment.command.AssessmentCommand;
import jp.hyoka.domain.assessment.command.ClearAnswer;
import jp.hyoka.domain.assessment.command.ClosePublicComment;
import jp.hyoka.domain.assessment.command.OpenPublicComment;
import jp.hyoka.domain.assessment.command.RecordThirdPartyReview;
import jp.hyoka.domain.assessment.command.SubmitToCommission;
import jp.hyoka.domain.assessment.command.RecordAffairEnd;
import jp.hyoka.domain.assessment.command.ImportPastChanges;
import jp.hyoka.domain.assessment.command.MigrateFormRevision;
import jp.hyoka.domain.assessment.command.MoveRepeatEntry;
import jp.hyoka.domain.assessment.command.PublishVersion;
import jp.hyoka.domain.assessment.command.RedactPersonalData;
import jp.hyoka.domain.assessment.command.RemoveRepeatEntry;
import jp.hyoka.domain.assessment.command.StartAssessment;
import jp.hyoka.domain.assessment.command.StartNextVersion;
import jp.hyoka.domain.assessment.command.RestoreItemPublication;
import jp.hyoka.domain.assessment.command.WithholdItemFromPublication;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.Rejection;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tiny given/when/then harness for {@link AssessmentDecider}: {@code given} folds a history into state,
 * {@code when} runs one command, and the {@code then…} methods check the outcome.
 */
final class DeciderSpec {

    private final AssessmentDecider decider;
    private Assessment state;
    private List<AssessmentEvent> produced;
    private CommandRejected rejected;

    DeciderSpec(AssessmentDecider decider) {
        this.decider = decider;
    }

    /** A spec on the test forms of {@link AssessmentFixtures}. */
    static DeciderSpec onTestForms() {
        return new DeciderSpec(AssessmentFixtures.decider());
    }

    /** Folds a history into state; the first event must start the assessment. An empty history means no state. */
    static Assessment fold(AssessmentEvent... history) {
        Assessment folded = null;
        for (AssessmentEvent event : history) {
            folded = folded == null ? Assessment.begin((AssessmentStarted) event) : folded.evolve(event);
        }
        return folded;
    }

    /** A spec on the repeating-group forms of {@link RepeatFixtures} (重点項目 2024 and 2025). */
    static DeciderSpec onRepeatForms() {
        return new DeciderSpec(RepeatFixtures.decider());
    }

    /** A history followed by more events. */
    static AssessmentEvent[] concat(AssessmentEvent[] history, AssessmentEvent... more) {
        AssessmentEvent[] all = java.util.Arrays.copyOf(history, history.length + more.length);
        System.arraycopy(more, 0, all, history.length, more.length);
        return all;
    }

    /** The state the given history (and nothing else) folded into. */
    Assessment state() {
        return state;
    }

    DeciderSpec given(AssessmentEvent... history) {
        state = fold(history);
        return this;
    }

    DeciderSpec when(AssessmentCommand command) {
        produced = null;
        rejected = null;
        try {
            if (command instanceof StartAssessment start) {
                produced = decider.start(start);
            } else if (command instanceof AnswerItem answer) {
                produced = decider.answer(requireState(), answer);
            } else if (command instanceof ClearAnswer clear) {
                produced = decider.clear(requireState(), clear);
            } else if (command instanceof AddRepeatEntry add) {
                produced = decider.addEntry(requireState(), add);
            } else if (command instanceof MoveRepeatEntry move) {
                produced = decider.moveEntry(requireState(), move);
            } else if (command instanceof RemoveRepeatEntry remove) {
                produced = decider.removeEntry(requireState(), remove);
            } else if (command instanceof MigrateFormRevision migrate) {
                produced = decider.migrate(requireState(), migrate);
            } else if (command instanceof ImportPastChanges importPast) {
                produced = decider.importPast(requireState(), importPast);
            } else if (command instanceof PublishVersion publish) {
                produced = decider.publish(requireState(), publish);
            } else if (command instanceof RedactPersonalData redact) {
                produced = decider.redact(requireState(), redact);
            } else if (command instanceof StartNextVersion next) {
                produced = decider.startNextVersion(requireState(), next);
            } else if (command instanceof InsertComponent insert) {
                produced = decider.insertComponent(requireState(), insert);
            } else if (command instanceof AdaptComponentText adapt) {
                produced = decider.adaptComponentText(requireState(), adapt);
            } else if (command instanceof ChangeComponentMode change) {
                produced = decider.changeComponentMode(requireState(), change);
            } else if (command instanceof AdoptComponentVersion adopt) {
                produced = decider.adoptComponentVersion(requireState(), adopt);
            } else if (command instanceof DeclineComponentProposal decline) {
                produced = decider.declineComponentProposal(requireState(), decline);
            } else if (command instanceof DeferComponentProposal defer) {
                produced = decider.deferComponentProposal(requireState(), defer);
            } else if (command instanceof WithholdItemFromPublication withhold) {
                produced = decider.withholdFromPublication(requireState(), withhold);
            } else if (command instanceof RestoreItemPublication restore) {
                produced = decider.restorePublication(requireState(), restore);
            } else if (command instanceof OpenPublicComment open) {
                produced = decider.openPublicComment(requireState(), open);
            } else if (command instanceof ClosePublicComment close) {
                produced = decider.closePublicComment(requireState(), close);
            } else if (command instanceof RecordThirdPartyReview review) {
                produced = decider.recordThirdPartyReview(requireState(), review);
            } else if (command instanceof SubmitToCommission submit) {
                produced = decider.submitToCommission(requireState(), submit);
            } else if (command instanceof RecordAffairEnd end) {
                produced = decider.recordAffairEnd(requireState(), end);
            } else {
                throw new IllegalArgumentException("no dispatch for " + command);
            }
        } catch (CommandRejected e) {
            rejected = e;
        }
        return this;
    }

    void thenEvents(AssessmentEvent... expected) {
        assertNotRejected();
        assertThat(produced).containsExactly(expected);
    }

    /** Asserts that exactly one event of the given type was produced, and returns it for closer inspection. */
    <E extends AssessmentEvent> E thenSingleEvent(Class<E> type) {
        assertNotRejected();
        assertThat(produced).hasSize(1).first().isInstanceOf(type);
        return type.cast(produced.get(0));
    }

    /** The events produced, for closer inspection. */
    List<AssessmentEvent> thenProduced() {
        assertNotRejected();
        return produced;
    }

    void thenNoEvents() {
        assertNotRejected();
        assertThat(produced).isEmpty();
    }

    <R extends Rejection> R thenRejected(Class<R> type) {
        assertThat(rejected).withFailMessage("expected %s but the command produced %s", type.getSimpleName(), produced)
                .isNotNull();
        assertThat(rejected.rejection()).isInstanceOf(type);
        return type.cast(rejected.rejection());
    }

    private void assertNotRejected() {
        assertThat(rejected).withFailMessage(() -> "command was rejected: " + rejected.rejection()).isNull();
    }

    private Assessment requireState() {
        if (state == null) {
            throw new IllegalStateException("given(...) needs an AssessmentStarted before an edit command");
        }
        return state;
    }
}
