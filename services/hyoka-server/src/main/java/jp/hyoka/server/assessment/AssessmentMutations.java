package jp.hyoka.server.assessment;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.rejection.StaleRevision;
import graphql.schema.DataFetchingEnvironment;
import jp.hyoka.server.assessment.Nodes.EditedNode;
import jp.hyoka.server.assessment.Nodes.HistoryNode;
import jp.hyoka.server.availability.ConnectionFailures;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.graphql.Results.ProblemNode;
import jp.hyoka.server.graphql.Selections;
import jp.hyoka.server.security.Caller;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What every feature's mutations answer, from the outcome of a command: the edited assessment (already visible to
 * reads), EditNotYetVisible, or the typed Problem that explains why nothing was stored. The features' wiring
 * (editing, publication, importing) maps its inputs to a command and its outcome through here.
 */
@Singleton
public class AssessmentMutations {

    /** The fields of AssessmentEdited that read the assessment (formChanges needs its id and form). */
    private static final Set<String> ASSESSMENT_FIELDS = Set.of("assessment", "formChanges");

    private final AssessmentQueries queries;
    private final ClasspathFormCatalog forms;

    public AssessmentMutations(AssessmentQueries queries, ClasspathFormCatalog forms) {
        this.queries = queries;
        this.forms = forms;
    }

    @SuppressWarnings("unchecked")
    public static List<String> ids(Map<String, Object> input, String field) {
        Object ids = input.get(field);
        return ids == null ? List.of() : ((List<Object>) ids).stream().map(Object::toString).toList();
    }

    public static long revision(Map<String, Object> input) {
        return ((Number) input.get("expectedRevision")).longValue();
    }

    /**
     * What a mutation field answers for {@code outcome}, given what its client selected: the assessment is read now if
     * the selection asks for it ({@link #node(Caller, EditOutcome, boolean)}). The selection is read from the document
     * ({@link Selections}), not from graphql-java's normalized selection set, which built the whole operation's
     * normalized form for this one question: ~6 % of an edit's request-thread CPU in row 2's profile
     * (infra/docs/edit-path.md). A field of that name under another member of the result's union counts too: the
     * answer may be yes for nothing (one read more), never no for a selected assessment.
     */
    public Object node(Caller caller, EditOutcome outcome, DataFetchingEnvironment environment) {
        return node(caller, outcome, Selections.asksForAny(environment, ASSESSMENT_FIELDS));
    }

    /**
     * An edit the read models were seen showing (read-your-writes) is answered without reading the assessment back
     * when the client selects nothing of it. Otherwise it is read now, before the answer's type is decided: a read
     * that finds nothing or meets a database outage answers EditNotYetVisible (the edit is stored), never a field
     * error under an AssessmentEdited whose type was already given.
     */
    public Object node(Caller caller, EditOutcome outcome, boolean assessmentSelected) {
        if (outcome instanceof EditOutcome.Edited edited) {
            if (edited.visible() && !assessmentSelected) {
                return new EditedNode(() -> queries.find(caller.tenant(), edited.assessmentId())
                        .orElseThrow(() -> new IllegalStateException("assessment " + edited.assessmentId()
                                + " was not asked for and is read")), edited.revision(), edited.addedEntryId());
            }
            return stored(queries, caller, edited,
                    view -> new EditedNode(() -> view, edited.revision(), edited.addedEntryId()));
        }
        return problem(caller, (EditOutcome.Refused) outcome);
    }

    /**
     * A stored edit as the node {@code visible} makes of the assessment read back; EditNotYetVisible when the read
     * models do not show it (or show an earlier revision) or the database failed reading it back (the edit is stored
     * either way).
     */
    public static Object stored(AssessmentQueries queries, Caller caller, EditOutcome.Edited edited,
                                Function<AssessmentView, Object> visible) {
        Optional<AssessmentView> view;
        try {
            view = queries.find(caller.tenant(), edited.assessmentId());
        } catch (RuntimeException e) {
            if (!ConnectionFailures.causedBy(e)) {
                throw e;
            }
            view = Optional.empty();
        }
        return view.filter(found -> found.revision() >= edited.revision()).map(visible)
                .orElseGet(() -> new Nodes.NotYetVisibleNode(edited.assessmentId().toString(), edited.revision()));
    }

    /** A refusal as its Problem node; a stale revision lists what changed since, on the assessment's form. */
    public ProblemNode problem(Caller caller, EditOutcome.Refused refused) {
        List<HistoryNode> changes = refused.changesSince().isEmpty() ? List.of()
                : refused.changesSince().stream().map(entry -> HistoryNode.of(entry, formOf(caller, refused))).toList();
        return new ProblemNode(refused.rejection(), changes);
    }

    private FormDefinition formOf(Caller caller, EditOutcome.Refused refused) {
        String id = ((StaleRevision) refused.rejection()).assessmentId();
        return AssessmentIds.parse(id)
                .flatMap(assessmentId -> queries.find(caller.tenant(), assessmentId))
                .flatMap(view -> forms.find(view.form()))
                .orElseThrow();
    }
}
