package jp.hyoka.server.publication;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AnswerKey;
import jp.hyoka.domain.assessment.Assessment;
import jp.hyoka.domain.assessment.AssessmentDecider;
import jp.hyoka.domain.assessment.ComponentUses;
import jp.hyoka.domain.assessment.ItemDifference;
import jp.hyoka.domain.assessment.command.ChangeExplanation;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.rules.reassessment.ReassessmentNeed;
import jp.hyoka.domain.rules.reassessment.ReassessmentRule;
import jp.hyoka.domain.rules.threshold.DocumentThreshold;
import jp.hyoka.domain.rules.threshold.FormThresholdAnswers;
import jp.hyoka.domain.rules.threshold.MandatoryLevel;
import jp.hyoka.server.assessment.AssessmentMutations;
import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.assessment.DocumentStates;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.security.Caller;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The publication cycle through GraphQL: an assessment's version and status, the changes publishing would list,
 * and the publish / start-next-version mutations.
 */
@Singleton
public class PublicationWiring implements GraphQlFeature {

    private final Publishing editing;
    private final AssessmentMutations mutations;
    private final DocumentStates states;
    private final AssessmentDecider decider;

    public PublicationWiring(Publishing editing, AssessmentMutations mutations, DocumentStates states,
                             AssessmentDecider decider) {
        this.editing = editing;
        this.mutations = mutations;
        this.states = states;
        this.decider = decider;
    }

    @Override
    public String sdlFile() {
        return "publication.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Assessment", type -> type
                .dataFetcher("version", environment -> view(environment).version())
                .dataFetcher("status", environment -> view(environment).published() ? "PUBLISHED" : "DRAFT")
                .dataFetcher("publishedOn", environment -> view(environment).publishedOn())
                .dataFetcher("pendingChanges", this::pendingChanges)
                .dataFetcher("reassessment", this::reassessment));
        wiring.type("Reassessment", type -> type.dataFetcher("importantItemIds",
                environment -> ((ReassessmentNeed) environment.getSource()).importantItems()));
        wiring.type("PendingChange", type -> type
                .dataFetcher("item", environment -> change(environment).item())
                .dataFetcher("entryIds", environment -> change(environment).entries())
                .dataFetcher("itemPath", environment -> change(environment).itemPath())
                .dataFetcher("before", environment -> change(environment).beforeText())
                .dataFetcher("after", environment -> change(environment).afterText())
                .dataFetcher("defaultTiming", environment -> pending(environment).suggested()
                        .map(suggested -> suggested.timing().name())
                        .orElse(change(environment).item().importantChange()
                                ? SubmissionTiming.BEFORE.name() : SubmissionTiming.AFTER.name()))
                .dataFetcher("suggestedExplanation", environment -> pending(environment).suggested()
                        .map(ComponentUses.AdoptionDefault::explanation).orElse(null)));
        wiring.type("Mutation", type -> type
                .dataFetcher("publishVersion", environment -> {
                    Caller caller = Requests.caller(environment);
                    Map<String, Object> input = environment.getArgument("input");
                    return mutations.node(caller, editing.publish(caller, (String) input.get("assessmentId"),
                            AssessmentMutations.revision(input), (LocalDate) input.get("publishedOn"),
                            explanations(input), (String) input.get("reason")), environment);
                })
                // redaction edits the assessment like the mutations here
                .dataFetcher("redactPersonalData", environment -> {
                    Caller caller = Requests.caller(environment);
                    Map<String, Object> input = environment.getArgument("input");
                    return mutations.node(caller, editing.redact(caller, (String) input.get("assessmentId"),
                            AssessmentMutations.revision(input), (String) input.get("text"),
                            (String) input.get("reason")), environment);
                })
                .dataFetcher("startNextVersion", environment -> {
                    Caller caller = Requests.caller(environment);
                    Map<String, Object> input = environment.getArgument("input");
                    return mutations.node(caller, editing.startNextVersion(caller, (String) input.get("assessmentId"),
                            AssessmentMutations.revision(input), (String) input.get("reason")), environment);
                }));
    }

    /** A pending change, and what an adopted shared-component version suggests for its row. */
    record PendingNode(ItemDifference change, Optional<ComponentUses.AdoptionDefault> suggested) {
    }

    /** Folded from the assessment's events: the read models do not keep the last published answers. */
    private List<PendingNode> pendingChanges(DataFetchingEnvironment environment) {
        Caller caller = Requests.caller(environment);
        return states.current(caller.tenant(), view(environment).id())
                .map(folded -> decider.pendingChanges(folded.state()).stream()
                        .map(change -> new PendingNode(change, folded.state().components().adoptionDefault(
                                new AnswerKey(change.item().id(), change.entries())))).toList())
                .orElse(List.of());
    }

    /**
     * Decided by the domain from the pending changes to items marked 重要な変更, and from the しきい値判断 the draft's
     * answers give against the published version's (a rise makes it a re-assessment).
     */
    private ReassessmentNeed reassessment(DataFetchingEnvironment environment) {
        AssessmentView assessment = view(environment);
        List<String> important = pendingChanges(environment).stream().map(PendingNode::change)
                .filter(change -> change.item().importantChange()).map(change -> change.item().id().value())
                .distinct().toList();
        FormKind kind = assessment.form().kind();
        Optional<Assessment> state = states.current(Requests.caller(environment).tenant(), assessment.id())
                .map(folded -> folded.state());
        return ReassessmentRule.decide(kind, assessment.version() > 1, important,
                state.flatMap(folded -> level(kind, folded.lifecycle().publishedAnswers())),
                state.flatMap(folded -> level(kind, folded.answers())));
    }

    private static Optional<MandatoryLevel> level(FormKind kind, Map<AnswerKey, Answer> answers) {
        return DocumentThreshold.check(FormThresholdAnswers.of(kind,
                itemId -> Optional.ofNullable(answers.get(new AnswerKey(new ItemId(itemId), List.of()))))).level();
    }

    private static PendingNode pending(DataFetchingEnvironment environment) {
        return environment.getSource();
    }

    @SuppressWarnings("unchecked")
    private static List<ChangeExplanation> explanations(Map<String, Object> input) {
        List<ChangeExplanation> explanations = new ArrayList<>();
        Object given = input.get("explanations");
        for (Map<String, Object> explanation : given == null ? List.<Map<String, Object>>of()
                : (List<Map<String, Object>>) given) {
            String itemId = (String) explanation.get("itemId");
            Object timing = explanation.get("timing");
            explanations.add(new ChangeExplanation(ItemId.isWellFormed(itemId) ? new ItemId(itemId) : null,
                    AssessmentMutations.ids(explanation, "entryIds"),
                    timing == null ? null : SubmissionTiming.valueOf(timing.toString()),
                    (String) explanation.get("explanation")));
        }
        return explanations;
    }

    private static AssessmentView view(DataFetchingEnvironment environment) {
        return environment.getSource();
    }

    private static ItemDifference change(DataFetchingEnvironment environment) {
        return pending(environment).change();
    }
}
