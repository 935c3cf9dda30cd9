package jp.hyoka.server.graphql.assessment;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.importing.ImportRejected;
import jp.hyoka.server.assessment.AssessmentQueries;
import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.graphql.ApiException;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.graphql.assessment.Nodes.FileRejectedNode;
import jp.hyoka.server.graphql.assessment.Nodes.ImportedNode;
import jp.hyoka.server.importing.ChangeAnnexImport;
import jp.hyoka.server.security.Caller;

import java.util.Base64;
import java.util.Map;

/** Importing published documents: the 変更箇所 annex taken over as an assessment's past. */
@Singleton
public class ImportWiring implements GraphQlFeature {

    private final ChangeAnnexImport annexImport;
    private final AssessmentQueries queries;
    private final AssessmentMutations mutations;

    public ImportWiring(ChangeAnnexImport annexImport, AssessmentQueries queries, AssessmentMutations mutations) {
        this.annexImport = annexImport;
        this.queries = queries;
        this.mutations = mutations;
    }

    @Override
    public String sdlFile() {
        return "importing.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", type -> type.dataFetcher("importChangeAnnex", environment -> {
            Caller caller = Requests.callerWithRole(environment, Caller.EDITOR);
            Map<String, Object> input = environment.getArgument("input");
            byte[] content;
            try {
                content = Base64.getDecoder().decode((String) input.get("contentBase64"));
            } catch (IllegalArgumentException e) {
                throw new ApiException(ApiException.BAD_USER_INPUT, "contentBase64 is not base64.");
            }
            try {
                return node(caller, annexImport.importAnnex(caller, (String) input.get("assessmentId"),
                        ((Number) input.get("expectedRevision")).longValue(), (String) input.get("fileName"), content,
                        (String) input.get("reason")));
            } catch (ImportRejected rejected) {
                return new FileRejectedNode(rejected.problem().code(), rejected.problem().message());
            }
        }));
        wiring.type("Assessment", type -> type.dataFetcher("pastChanges", environment -> {
            Caller caller = Requests.caller(environment);
            return queries.pastChanges(caller.tenant(), environment.<AssessmentView>getSource().id());
        }));
    }

    private Object node(Caller caller, ChangeAnnexImport.Result result) {
        if (result.outcome() instanceof EditOutcome.Edited edited) {
            return queries.find(caller.tenant(), edited.assessmentId())
                    .map(view -> (Object) new ImportedNode(view, edited.revision(), result.report()))
                    .orElseGet(() -> new Nodes.NotYetVisibleNode(edited.assessmentId().toString(), edited.revision()));
        }
        return mutations.problem(caller, (EditOutcome.Refused) result.outcome());
    }
}
