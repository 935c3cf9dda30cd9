package jp.hyoka.server.history;

import jp.hyoka.server.assessment.AssessmentIds;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.Assessment;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.DocumentDiff;
import jp.hyoka.domain.assessment.ItemDifference;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.server.assessment.DocumentStates.Folded;
import jp.hyoka.server.assessment.DocumentStates;
import jp.hyoka.server.assessment.Nodes.AnswerNode;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.graphql.ApiException;
import jp.hyoka.server.graphql.Connection;
import jp.hyoka.server.graphql.NodeType;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.security.Caller;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The past of an assessment for auditors and editors alike: the document at any moment or revision, and diffs.
 * A snapshot is a node of its own (key {@code <assessment uuid>@<revision>}), never the live assessment's id: a
 * normalised client cache would otherwise overwrite the live document, revision included, with the snapshot.
 */
@Singleton
public class TimelineWiring extends NodeType {

    static final String SNAPSHOT = "AssessmentSnapshot";
    /** The default page of a past document's answers, rows or differences. */
    private static final int PAGE = 50;

    private final DocumentStates states;
    private final ClasspathFormCatalog forms;

    public TimelineWiring(DocumentStates states, ClasspathFormCatalog forms) {
        super(SNAPSHOT, Snapshot.class);
        this.states = states;
        this.forms = forms;
    }

    /** A folded assessment with its form, as the snapshot type's source. */
    record Snapshot(Folded folded, FormDefinition form) {
        Assessment state() {
            return folded.state();
        }
    }

    record Diff(long fromRevision, long toRevision, List<ItemDifference> changes) {
    }

    /** Wired by {@link HistoryWiring} (history.graphqls holds both). */
    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("assessmentAt", this::snapshot)
                .dataFetcher("assessmentDiff", this::diff));
        wiring.type("AssessmentSnapshot", type -> type
                .dataFetcher("id", environment -> id(
                        snapshot(environment).state().id() + "@" + snapshot(environment).state().revision()))
                .dataFetcher("assessmentId", environment -> AssessmentIds.global(snapshot(environment).state().id()))
                .dataFetcher("revision", environment -> snapshot(environment).state().revision())
                .dataFetcher("form", environment -> snapshot(environment).state().form())
                .dataFetcher("affairName", environment -> snapshot(environment).state().answer(Assessment.AFFAIR_NAME)
                        .map(answer -> ((TextAnswer) answer).text()).orElse(""))
                .dataFetcher("version", environment -> snapshot(environment).state().lifecycle().version())
                .dataFetcher("status", environment -> snapshot(environment).state().lifecycle().published()
                        ? "PUBLISHED" : "DRAFT")
                .dataFetcher("publishedOn", environment -> snapshot(environment).state().lifecycle().publishedOn())
                .dataFetcher("answers", environment -> answers(snapshot(environment)))
                .dataFetcher("answersConnection", environment -> Connection.ofList(answers(snapshot(environment)),
                        Requests.page(environment, PAGE), answer -> answer))
                .dataFetcher("pastChanges", environment -> snapshot(environment).folded().past())
                .dataFetcher("pastChangesConnection", environment -> Connection.ofList(
                        snapshot(environment).folded().past(), Requests.page(environment, PAGE), change -> change)));
        wiring.type("AssessmentDiff", type -> type
                .dataFetcher("changesConnection", environment -> Connection.ofList(
                        ((Diff) environment.getSource()).changes(), Requests.page(environment, PAGE),
                        change -> change)));
        wiring.type("SnapshotAnswer", type -> type
                .dataFetcher("item", environment -> difference(environment).item())
                .dataFetcher("entryIds", environment -> difference(environment).entries())
                .dataFetcher("value", environment -> new AnswerNode(difference(environment).after(),
                        difference(environment).item()))
                .dataFetcher("text", environment -> difference(environment).afterText()));
        wiring.type("ItemChange", type -> type
                .dataFetcher("item", environment -> difference(environment).item())
                .dataFetcher("entryIds", environment -> difference(environment).entries())
                .dataFetcher("before", environment -> value(difference(environment), true))
                .dataFetcher("after", environment -> value(difference(environment), false)));
    }

    /** Every answer is a difference from an empty document, listed in form order with its path. */
    private static List<ItemDifference> answers(Snapshot snapshot) {
        return DocumentDiff.between(snapshot.form(), Map.of(), Map.of(), snapshot.state().answers(),
                snapshot.state().entries());
    }

    private Snapshot snapshot(DataFetchingEnvironment environment) {
        if (environment.getSource() instanceof Snapshot snapshot) {
            return snapshot;
        }
        Caller caller = Requests.caller(environment);
        Instant asOf = environment.getArgument("asOf");
        Integer revision = environment.getArgument("revision");
        if ((asOf == null) == (revision == null)) {
            throw new ApiException(ApiException.BAD_USER_INPUT, "Give exactly one of asOf and revision.");
        }
        Optional<AssessmentId> id = AssessmentIds.parse(environment.getArgument("id"));
        Optional<Folded> folded = id.flatMap(assessment -> asOf != null ? states.asOf(caller.tenant(), assessment, asOf)
                : states.atRevision(caller.tenant(), assessment, revision));
        return folded.map(f -> new Snapshot(f, forms.find(f.state().form()).orElseThrow())).orElse(null);
    }

    @Override
    public Optional<?> load(DataFetchingEnvironment environment, String localKey) {
        Caller caller = Requests.caller(environment);
        return keyWithNumber(localKey, "@").flatMap(parts -> AssessmentId.parse(parts[0])
                .flatMap(id -> states.atRevision(caller.tenant(), id, Integer.parseInt(parts[1]))))
                .map(f -> new Snapshot(f, forms.find(f.state().form()).orElseThrow()));
    }

    private Diff diff(DataFetchingEnvironment environment) {
        Caller caller = Requests.caller(environment);
        int from = environment.getArgument("fromRevision");
        int to = environment.getArgument("toRevision");
        Optional<AssessmentId> id = AssessmentIds.parse(environment.getArgument("id"));
        Optional<Folded> before = id.flatMap(assessment -> states.atRevision(caller.tenant(), assessment, from));
        Optional<Folded> after = id.flatMap(assessment -> states.atRevision(caller.tenant(), assessment, to));
        if (before.isEmpty() || after.isEmpty()) {
            return null;
        }
        FormDefinition form = forms.find(after.get().state().form()).orElseThrow();
        return new Diff(from, to, DocumentDiff.between(form, before.get().state(), after.get().state()));
    }

    private static AnswerNode value(ItemDifference difference, boolean before) {
        var answer = before ? difference.before() : difference.after();
        return answer == null ? null : new AnswerNode(answer, difference.item());
    }

    private static ItemDifference difference(DataFetchingEnvironment environment) {
        return environment.getSource();
    }
}
