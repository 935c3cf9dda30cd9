package jp.hyoka.server.assessment;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.rejection.StaleRevision;
import jp.hyoka.server.assessment.Nodes.EditedNode;
import jp.hyoka.server.assessment.Nodes.HistoryNode;
import jp.hyoka.server.availability.ConnectionFailures;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.graphql.Results.ProblemNode;
import jp.hyoka.server.security.Caller;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every feature's mutations answer, from the outcome of a command: the edited assessment (already visible to
 * reads), EditNotYetVisible, or the typed Problem that explains why nothing was stored. The features' wiring
 * (editing, publication, importing) maps its inputs to a command and its outcome through here.
 */
@Singleton
public class AssessmentMutations {

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
     * An edit the read models were seen showing (read-your-writes) is answered without reading the assessment back
     * unless the client selects it; otherwise it is read now, to tell AssessmentEdited from EditNotYetVisible.
     */
    public Object node(Caller caller, EditOutcome outcome) {
        if (outcome instanceof EditOutcome.Edited edited) {
            if (edited.visible()) {
                return new EditedNode(readOnce(() -> queries.find(caller.tenant(), edited.assessmentId())
                        .orElseThrow(() -> new IllegalStateException("assessment " + edited.assessmentId()
                                + " was seen at revision " + edited.revision() + " and is gone"))),
                        edited.revision(), edited.addedEntryId());
            }
            return stored(queries, caller, edited,
                    view -> new EditedNode(() -> view, edited.revision(), edited.addedEntryId()));
        }
        return problem(caller, (EditOutcome.Refused) outcome);
    }

    /**
     * A stored edit as the node {@code visible} makes of the assessment read back; EditNotYetVisible when the read
     * models do not show it yet or the database failed reading it back (the edit is stored either way).
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
        return view.map(visible)
                .orElseGet(() -> new Nodes.NotYetVisibleNode(edited.assessmentId().toString(), edited.revision()));
    }

    /** {@code read} at the first call only; later calls answer the same. */
    private static <T> Supplier<T> readOnce(Supplier<T> read) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = read.get();
                }
                return value;
            }
        };
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
