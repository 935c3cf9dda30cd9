package jp.hyoka.server.assessment;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.server.assessment.AssessmentQueries;
import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.assessment.Nodes.AnswerNode;
import jp.hyoka.server.assessment.Nodes.ItemAnswerNode;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.graphql.ApiException;
import jp.hyoka.server.graphql.Connection;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.graphql.Selections;
import jp.hyoka.server.graphql.VersionedRoot;
import jp.hyoka.server.security.Caller;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reading assessments: one by id, the tenant's list, and each assessment's answers in form order. */
@Singleton
public class AssessmentWiring implements GraphQlFeature {

    /** Asked for beneath {@code assessment}: the document's answers and entries are read with its row, in one batch. */
    private static final Set<String> DOCUMENT_FIELDS = Set.of("answers", "answer", "repeatEntries", "completeness");

    private final AssessmentQueries queries;
    private final ClasspathFormCatalog forms;

    public AssessmentWiring(AssessmentQueries queries, ClasspathFormCatalog forms) {
        this.queries = queries;
        this.forms = forms;
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
                    Optional<AssessmentId> id = AssessmentIds.parse(environment.getArgument("id"));
                    if (!Selections.asksForAny(environment, DOCUMENT_FIELDS)) {
                        return id.flatMap(found -> queries.find(caller.tenant(), found)).map(view -> {
                            VersionedRoot.served(environment, view.revision());
                            return view;
                        }).orElse(null);
                    }
                    // The document's fields are asked for: its row, answers and entries in one read.
                    return id.flatMap(found -> queries.findWhole(caller.tenant(), found)).map(whole -> {
                        documents(environment).put(key(whole.view()), new DocumentView(whole.view().id(),
                                form(whole.view()), whole.answers(), whole.entries()));
                        VersionedRoot.served(environment, whole.view().revision());
                        return whole.view();
                    }).orElse(null);
                })
                .dataFetcher("assessments", environment -> {
                    Caller caller = Requests.caller(environment);
                    try {
                        return Connection.of(queries.list(caller.tenant(), Requests.page(environment, 20)),
                                view -> view, () -> queries.count(caller.tenant()));
                    } catch (IllegalArgumentException e) {
                        throw new ApiException(ApiException.BAD_USER_INPUT, e.getMessage());
                    }
                }));
        wiring.type("Assessment", type -> type
                .dataFetcher("id", environment -> AssessmentIds.global(view(environment).id()))
                .dataFetcher("uuid", environment -> view(environment).id().toString())
                .dataFetcher("kind", environment -> view(environment).form().kind())
                .dataFetcher("answers", environment -> document(environment).orderedAnswers())
                .dataFetcher("answer", environment -> {
                    String itemId = environment.getArgument("itemId");
                    List<Object> entryIds = environment.getArgumentOrDefault("entryIds", List.of());
                    List<String> entries = entryIds.stream().map(Object::toString).toList();
                    return document(environment).orderedAnswers().stream()
                            .filter(node -> node.item().id().value().equals(itemId)
                                    && node.answer().entries().equals(entries))
                            .findFirst().orElse(null);
                })
                .dataFetcher("repeatEntries", environment -> document(environment).allEntries())
                .dataFetcher("completeness", environment -> document(environment).completeness()));
        wiring.type("RepeatEntry", type -> type
                .dataFetcher("id", environment -> environment.<DocumentView.EntryNode>getSource().id())
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
    }

    /** The document on its form revision, read once per request and assessment (answers and entries). */
    private DocumentView document(DataFetchingEnvironment environment) {
        AssessmentView view = view(environment);
        return documents(environment).computeIfAbsent(key(view), key -> document(Requests.caller(environment), view));
    }

    private static Map<String, DocumentView> documents(DataFetchingEnvironment environment) {
        return environment.getGraphQlContext().computeIfAbsent("hyoka.documents",
                key -> new java.util.concurrent.ConcurrentHashMap<>());
    }

    private static String key(AssessmentView view) {
        return view.id() + "@" + view.revision();
    }

    private FormDefinition form(AssessmentView view) {
        return forms.find(view.form()).orElseThrow();
    }

    DocumentView document(Caller caller, AssessmentView view) {
        return new DocumentView(view.id(), form(view), queries.answers(caller.tenant(), view.id()),
                queries.entries(caller.tenant(), view.id()));
    }

    static AssessmentView view(DataFetchingEnvironment environment) {
        return environment.getSource();
    }

    public static Optional<Item> item(FormDefinition form, String itemId) {
        return ItemId.isWellFormed(itemId) ? form.item(new ItemId(itemId)) : Optional.empty();
    }
}
