package jp.hyoka.server.history;

import jp.hyoka.server.assessment.AssessmentIds;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.rejection.StaleRevision;
import jp.hyoka.server.assessment.AssessmentQueries;
import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.assessment.FormChanges;
import jp.hyoka.server.assessment.HistoryEntry;
import jp.hyoka.server.assessment.LinkedAssessments;
import jp.hyoka.server.assessment.Nodes.AnswerNode;
import jp.hyoka.server.assessment.Nodes.HistoryNode;
import jp.hyoka.server.assessment.Nodes;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.graphql.ApiException;
import jp.hyoka.server.graphql.Connection;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.graphql.Results.ProblemNode;
import jp.hyoka.server.security.Caller;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An assessment's audit trail (every event, oldest first, with before and after values), the municipality's trail,
 * and the document at any moment or revision ({@link TimelineWiring}).
 */
@Singleton
public class HistoryWiring implements GraphQlFeature {

    private final AssessmentQueries queries;
    private final ClasspathFormCatalog forms;
    private final TimelineWiring timeline;
    private final AuditTrailQueries trail;
    private final LinkedAssessments linked;

    public HistoryWiring(AssessmentQueries queries, ClasspathFormCatalog forms, TimelineWiring timeline,
                         AuditTrailQueries trail, LinkedAssessments linked) {
        this.queries = queries;
        this.linked = linked;
        this.forms = forms;
        this.timeline = timeline;
        this.trail = trail;
    }

    @Override
    public String sdlFile() {
        return "history.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        timeline.wire(wiring);
        wiring.type("Assessment", type -> type.dataFetcher("history", environment -> {
            AssessmentView view = environment.getSource();
            return historySince(environment, view, 0);
        }));
        wiring.type("StaleRevision", type -> type.dataFetcher("changesSinceConnection", environment -> {
            Caller caller = Requests.caller(environment);
            StaleRevision stale = (StaleRevision) ((ProblemNode) environment.getSource()).rejection();
            AssessmentView view = AssessmentIds.parse(stale.assessmentId())
                    .flatMap(id -> queries.find(caller.tenant(), id)).orElseThrow();
            return historySince(environment, view, stale.expectedRevision());
        }));
        wiring.type("Query", type -> type.dataFetcher("auditTrail", environment -> {
            Caller caller = Requests.caller(environment);
            try {
                AuditTrailQueries.AuditFilter filter = filter(environment);
                return Connection.of(trail.auditTrail(caller.tenant(), filter, Requests.page(environment, 50)),
                        line -> HistoryNode.of(line.entry(), forms.find(line.form()).orElseThrow()),
                        () -> trail.count(caller.tenant(), filter));
            } catch (IllegalArgumentException e) {
                throw new ApiException(ApiException.BAD_USER_INPUT, e.getMessage());
            }
        }));
        wiring.type("HistoryEntry", type -> type
                .dataFetcher("id", environment -> HistoryNodes.id(node(environment).entry()))
                .dataFetcher("assessmentId", environment -> AssessmentIds.global(node(environment).entry().assessmentId()))
                .dataFetcher("assessment", environment -> linked.of(environment, node(environment).entry().assessmentId()))
                .dataFetcher("municipalityCode", environment -> Requests.caller(environment).tenant().value())
                .dataFetcher("command", environment -> node(environment).entry().command())
                .dataFetcher("revision", environment -> node(environment).entry().revision())
                .dataFetcher("event", environment -> node(environment).entry().eventType())
                .dataFetcher("itemId", environment -> node(environment).entry().itemId())
                .dataFetcher("item", environment -> node(environment).item().orElse(null))
                .dataFetcher("before", environment -> answer(node(environment), true))
                .dataFetcher("after", environment -> answer(node(environment), false))
                .dataFetcher("entryIds", environment -> node(environment).entry().entries())
                .dataFetcher("groupId", environment -> node(environment).entry().detail().get("groupId"))
                .dataFetcher("entryId", environment -> node(environment).entry().detail().get("entryId"))
                .dataFetcher("summary", environment -> summary(node(environment).entry()))
                .dataFetcher("formChanges", environment -> FormChanges.of(node(environment).entry(), forms))
                .dataFetcher("reason", environment -> node(environment).entry().reason())
                .dataFetcher("actor", environment -> node(environment).entry().actor())
                .dataFetcher("at", environment -> node(environment).entry().at()));
    }

    /** The assessment's edits after revision {@code since}, the page the field's first/after or last/before name. */
    private Connection historySince(DataFetchingEnvironment environment, AssessmentView view, long since) {
        Caller caller = Requests.caller(environment);
        FormDefinition form = forms.find(view.form()).orElseThrow();
        try {
            return Connection.of(queries.historySince(caller.tenant(), view.id(), since, Requests.page(environment, 50)),
                    entry -> HistoryNode.of(entry, form),
                    () -> queries.historyCountSince(caller.tenant(), view.id(), since));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiException.BAD_USER_INPUT, e.getMessage());
        }
    }

    /** An assessment id that names nothing filters to nothing rather than to everything. */
    private static AuditTrailQueries.AuditFilter filter(DataFetchingEnvironment environment) {
        Map<String, Object> filter = environment.getArgumentOrDefault("filter", Map.of());
        Object assessment = filter.get("assessmentId");
        if (assessment != null && AssessmentIds.parse(assessment.toString()).isEmpty()) {
            throw new ApiException(ApiException.BAD_USER_INPUT, "filter.assessmentId: not an assessment id");
        }
        return new AuditTrailQueries.AuditFilter((String) filter.get("userId"), (String) filter.get("itemId"),
                assessment == null ? null : AssessmentIds.parse(assessment.toString()).orElseThrow(),
                (Instant) filter.get("from"), (Instant) filter.get("to"));
    }

    /** A one-line account of entry events and migrations, for people reading the trail. */
    static String summary(HistoryEntry entry) {
        Map<String, Object> detail = entry.detail();
        return switch (entry.eventType()) {
            case "RepeatEntryAdded" -> "entry " + detail.get("entryId") + " of " + detail.get("groupId")
                    + " added at position " + detail.get("position");
            case "RepeatEntryMoved" -> "entry " + detail.get("entryId") + " of " + detail.get("groupId")
                    + " moved from position " + detail.get("fromPosition") + " to " + detail.get("toPosition");
            case "RepeatEntryRemoved" -> "entry " + detail.get("entryId") + " of " + detail.get("groupId")
                    + " removed from position " + detail.get("position");
            case "FormRevisionMigrated" -> "form " + detail.get("from") + " → " + detail.get("to") + ", "
                    + ((List<?>) detail.getOrDefault("changes", List.of())).size() + " changes";
            default -> null;
        };
    }

    private static HistoryNode node(graphql.schema.DataFetchingEnvironment environment) {
        return environment.getSource();
    }

    private static AnswerNode answer(HistoryNode node, boolean before) {
        var answer = before ? node.entry().oldAnswer() : node.entry().newAnswer();
        return answer == null ? null : new AnswerNode(answer, node.item().orElse(null));
    }
}
