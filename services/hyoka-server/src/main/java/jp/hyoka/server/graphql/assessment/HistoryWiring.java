package jp.hyoka.server.graphql.assessment;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.Item;
import jp.hyoka.server.assessment.AssessmentQueries;
import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.assessment.HistoryEntry;
import jp.hyoka.server.assessment.ReadModels;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.graphql.ApiException;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.graphql.assessment.Nodes.AnswerNode;
import jp.hyoka.server.graphql.assessment.Nodes.HistoryNode;
import jp.hyoka.server.security.Caller;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An assessment's audit trail: every event, oldest first, with before and after values. */
@Singleton
public class HistoryWiring implements GraphQlFeature {

    private final AssessmentQueries queries;
    private final ClasspathFormCatalog forms;

    public HistoryWiring(AssessmentQueries queries, ClasspathFormCatalog forms) {
        this.queries = queries;
        this.forms = forms;
    }

    @Override
    public String sdlFile() {
        return "history.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Assessment", type -> type.dataFetcher("history", environment -> {
            Caller caller = Requests.caller(environment);
            AssessmentView view = environment.getSource();
            FormDefinition form = forms.find(view.form()).orElseThrow();
            try {
                return Nodes.connection(queries.history(caller.tenant(), view.id(), Requests.pageSize(environment),
                        environment.getArgument("after")), entry -> HistoryNode.of(entry, form));
            } catch (IllegalArgumentException e) {
                throw new ApiException(ApiException.BAD_USER_INPUT, e.getMessage());
            }
        }));
        wiring.type("Query", type -> type.dataFetcher("auditTrail", environment -> {
            Caller caller = Requests.caller(environment);
            try {
                return Nodes.connection(queries.auditTrail(caller.tenant(), filter(environment),
                                Requests.pageSize(environment), environment.getArgument("after")),
                        line -> HistoryNode.of(line.entry(), forms.find(line.form()).orElseThrow()));
            } catch (IllegalArgumentException e) {
                throw new ApiException(ApiException.BAD_USER_INPUT, e.getMessage());
            }
        }));
        wiring.type("HistoryEntry", type -> type
                .dataFetcher("assessmentId", environment -> node(environment).entry().assessmentId().toString())
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
                .dataFetcher("formChanges", environment -> formChanges(node(environment).entry(), forms))
                .dataFetcher("reason", environment -> node(environment).entry().reason())
                .dataFetcher("actor", environment -> node(environment).entry().actor())
                .dataFetcher("at", environment -> node(environment).entry().at()));
    }

    /** An assessment id that names nothing filters to nothing rather than to everything. */
    private static AssessmentQueries.AuditFilter filter(DataFetchingEnvironment environment) {
        Map<String, Object> filter = environment.getArgumentOrDefault("filter", Map.of());
        Object assessment = filter.get("assessmentId");
        if (assessment != null && AssessmentId.parse(assessment.toString()).isEmpty()) {
            throw new ApiException(ApiException.BAD_USER_INPUT, "filter.assessmentId: not an assessment id");
        }
        return new AssessmentQueries.AuditFilter((String) filter.get("userId"), (String) filter.get("itemId"),
                assessment == null ? null : AssessmentId.parse(assessment.toString()).orElseThrow(),
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

    /**
     * The FormChange rows of a migration's history line, as GraphQL FormChange objects; "before" answers read
     * against the revision migrated from, "after" answers against the one migrated to.
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> formChanges(HistoryEntry entry, ClasspathFormCatalog forms) {
        Object changes = entry.detail().get("changes");
        if (!(changes instanceof List<?> list)) {
            return List.of();
        }
        Optional<FormDefinition> from = form(forms, entry.detail().get("from"));
        Optional<FormDefinition> to = form(forms, entry.detail().get("to"));
        return list.stream().map(change -> {
            Map<String, Object> raw = (Map<String, Object>) change;
            String itemId = (String) raw.get("itemId");
            Map<String, Object> node = new HashMap<>();
            node.put("kind", raw.get("kind"));
            node.put("itemId", itemId);
            node.put("entryIds", raw.getOrDefault("entries", List.of()));
            node.put("before", answer(raw.get("before"), from, itemId));
            node.put("after", answer(raw.get("after"), to, itemId));
            node.put("detail", raw.get("detail"));
            return node;
        }).toList();
    }

    private static Optional<FormDefinition> form(ClasspathFormCatalog forms, Object ref) {
        if (!(ref instanceof String text) || !text.contains("@")) {
            return Optional.empty();
        }
        String[] parts = text.split("@", 2);
        return forms.find(new FormRef(FormKind.valueOf(parts[0]), parts[1]));
    }

    private static AnswerNode answer(Object raw, Optional<FormDefinition> form, String itemId) {
        if (raw == null) {
            return null;
        }
        Item item = form.flatMap(definition -> AssessmentWiring.item(definition, itemId)).orElse(null);
        return new AnswerNode(ReadModels.answerFrom(raw), item);
    }

    private static HistoryNode node(graphql.schema.DataFetchingEnvironment environment) {
        return environment.getSource();
    }

    private static AnswerNode answer(HistoryNode node, boolean before) {
        var answer = before ? node.entry().oldAnswer() : node.entry().newAnswer();
        return answer == null ? null : new AnswerNode(answer, node.item().orElse(null));
    }
}
