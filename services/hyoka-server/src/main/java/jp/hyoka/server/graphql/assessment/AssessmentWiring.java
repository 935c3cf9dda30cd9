package jp.hyoka.server.graphql.assessment;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.Completeness;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Section;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.server.assessment.AnswerView;
import jp.hyoka.server.assessment.AssessmentQueries;
import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.graphql.ApiException;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.graphql.assessment.Nodes.AnswerNode;
import jp.hyoka.server.graphql.assessment.Nodes.ItemAnswerNode;
import jp.hyoka.server.security.Caller;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reading assessments: one by id, the tenant's list, and each assessment's answers in form order. */
@Singleton
public class AssessmentWiring implements GraphQlFeature {

    private final AssessmentQueries queries;
    private final ClasspathFormCatalog forms;
    private final AssessmentMutations mutations;

    public AssessmentWiring(AssessmentQueries queries, ClasspathFormCatalog forms, AssessmentMutations mutations) {
        this.queries = queries;
        this.forms = forms;
        this.mutations = mutations;
    }

    @Override
    public String sdlFile() {
        return "assessment.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("assessment", environment -> {
                    Caller caller = Requests.caller(environment);
                    return AssessmentId.parse(environment.getArgument("id"))
                            .flatMap(id -> queries.find(caller.tenant(), id))
                            .orElse(null);
                })
                .dataFetcher("assessments", environment -> {
                    Caller caller = Requests.caller(environment);
                    try {
                        return Nodes.connection(queries.list(caller.tenant(), Requests.pageSize(environment),
                                environment.getArgument("after")), view -> view);
                    } catch (IllegalArgumentException e) {
                        throw new ApiException(ApiException.BAD_USER_INPUT, e.getMessage());
                    }
                }));
        wiring.type("Assessment", type -> type
                .dataFetcher("id", environment -> view(environment).id().toString())
                .dataFetcher("kind", environment -> view(environment).form().kind())
                .dataFetcher("answers", environment -> document(environment).orderedAnswers())
                .dataFetcher("answer", environment -> {
                    String itemId = environment.getArgument("itemId");
                    return document(environment).orderedAnswers().stream()
                            .filter(node -> node.item().id().value().equals(itemId) && node.entries().isEmpty())
                            .findFirst().orElse(null);
                })
                .dataFetcher("repeatEntries", environment -> document(environment).allEntries())
                .dataFetcher("completeness", environment -> completeness(environment)));
        wiring.type("RepeatEntry", type -> type
                .dataFetcher("entryId", environment -> environment.<DocumentView.EntryNode>getSource().entryId()));
        wiring.type("ItemAnswer", type -> type
                .dataFetcher("value", environment -> {
                    ItemAnswerNode node = environment.getSource();
                    return new AnswerNode(node.answer().answer(), node.item());
                })
                .dataFetcher("revision", environment -> environment.<ItemAnswerNode>getSource().answer().revision())
                .dataFetcher("answeredAt", environment -> environment.<ItemAnswerNode>getSource().answer().answeredAt())
                .dataFetcher("answeredBy", environment -> environment.<ItemAnswerNode>getSource().answer().answeredBy()));
        AnswerValueWiring.wire(wiring);
        mutations.wire(wiring);
    }

    /** The document on its form revision, read once per request and assessment (answers and entries). */
    private DocumentView document(DataFetchingEnvironment environment) {
        AssessmentView view = view(environment);
        Map<String, DocumentView> loaded = environment.getGraphQlContext()
                .computeIfAbsent("hyoka.documents", key -> new java.util.concurrent.ConcurrentHashMap<>());
        return loaded.computeIfAbsent(view.id() + "@" + view.revision(), key -> {
            Caller caller = Requests.caller(environment);
            FormDefinition form = forms.find(view.form()).orElseThrow();
            return new DocumentView(form, queries.answers(caller.tenant(), view.id()),
                    queries.entries(caller.tenant(), view.id()));
        });
    }

    private Map<String, Object> completeness(DataFetchingEnvironment environment) {
        FormDefinition form = forms.find(view(environment).form()).orElseThrow();
        DocumentView document = document(environment);
        List<Map<String, Object>> gaps = new java.util.ArrayList<>();
        int unanswered = 0;
        for (Completeness.Gap gap : document.gaps()) {
            unanswered += gap.unansweredItems().size();
            Section section = form.sections().stream().filter(s -> s.id().equals(gap.sectionId())).findFirst().orElseThrow();
            Map<String, Object> node = new HashMap<>();
            node.put("section", section);
            node.put("block", section.blocks().stream().filter(b -> b.id().equals(gap.blockId())).findFirst().orElse(null));
            node.put("entries", document.entryNodes(entriesGroup(form, section, gap), gap.entries()));
            node.put("unansweredItems", gap.unansweredItems().stream().map(id -> form.item(id).orElseThrow()).toList());
            node.put("group", gap.groupId() == null ? null : form.group(gap.groupId()).orElseThrow());
            node.put("entryCount", gap.groupId() == null ? null : gap.entryCount());
            node.put("minimum", gap.groupId() == null ? null : gap.minimum());
            gaps.add(node);
        }
        return Map.of("complete", gaps.isEmpty(), "unansweredCount", unanswered, "gaps", gaps);
    }

    /** The group whose chain the gap's entry path follows: the block's or section's, or the missing group's parent. */
    private static String entriesGroup(FormDefinition form, Section section, Completeness.Gap gap) {
        if (gap.groupId() != null) {
            List<String> chain = form.chain(gap.groupId());
            return chain.size() > 1 ? chain.get(chain.size() - 2) : null;
        }
        return section.blocks().stream().filter(b -> b.id().equals(gap.blockId())).findFirst()
                .map(b -> b.repeat() != null ? b.repeat() : section.repeat()).orElse(section.repeat());
    }

    static AssessmentView view(DataFetchingEnvironment environment) {
        return environment.getSource();
    }

    static Optional<Item> item(FormDefinition form, String itemId) {
        return ItemId.isWellFormed(itemId) ? form.item(new ItemId(itemId)) : Optional.empty();
    }
}
