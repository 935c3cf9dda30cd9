package jp.hyoka.server.graphql.assessment;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.FormDefinition;
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
                .dataFetcher("answers", this::answers)
                .dataFetcher("answer", environment -> {
                    String itemId = environment.getArgument("itemId");
                    return answers(environment).stream()
                            .filter(node -> node.item().id().value().equals(itemId))
                            .findFirst().orElse(null);
                }));
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

    /** Answers in the order the form prints its items; answers to items the form lacks are not shown. */
    private List<ItemAnswerNode> answers(DataFetchingEnvironment environment) {
        AssessmentView view = view(environment);
        Caller caller = Requests.caller(environment);
        Map<String, AnswerView> byItem = queries.answers(caller.tenant(), view.id()).stream()
                .collect(Collectors.toMap(AnswerView::itemId, Function.identity()));
        Optional<FormDefinition> form = forms.find(view.form());
        return form.map(definition -> definition.items().stream()
                        .filter(item -> byItem.containsKey(item.id().value()))
                        .map(item -> new ItemAnswerNode(item, byItem.get(item.id().value())))
                        .toList())
                .orElse(List.of());
    }

    static AssessmentView view(DataFetchingEnvironment environment) {
        return environment.getSource();
    }

    static Optional<Item> item(FormDefinition form, String itemId) {
        return ItemId.isWellFormed(itemId) ? form.item(new ItemId(itemId)) : Optional.empty();
    }
}
