package jp.hyoka.server.graphql.assessment;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.server.assessment.AssessmentQueries;
import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.graphql.ApiException;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.graphql.assessment.Nodes.AnswerNode;
import jp.hyoka.server.graphql.assessment.Nodes.HistoryNode;
import jp.hyoka.server.security.Caller;

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
        wiring.type("HistoryEntry", type -> type
                .dataFetcher("revision", environment -> node(environment).entry().revision())
                .dataFetcher("event", environment -> node(environment).entry().eventType())
                .dataFetcher("itemId", environment -> node(environment).entry().itemId())
                .dataFetcher("item", environment -> node(environment).item().orElse(null))
                .dataFetcher("before", environment -> answer(node(environment), true))
                .dataFetcher("after", environment -> answer(node(environment), false))
                .dataFetcher("reason", environment -> node(environment).entry().reason())
                .dataFetcher("actor", environment -> node(environment).entry().actor())
                .dataFetcher("at", environment -> node(environment).entry().at()));
    }

    private static HistoryNode node(graphql.schema.DataFetchingEnvironment environment) {
        return environment.getSource();
    }

    private static AnswerNode answer(HistoryNode node, boolean before) {
        var answer = before ? node.entry().oldAnswer() : node.entry().newAnswer();
        return answer == null ? null : new AnswerNode(answer, node.item().orElse(null));
    }
}
