package jp.hyoka.server.importing;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.assessment.ComponentUse;
import jp.hyoka.domain.importing.ImportRejected;
import jp.hyoka.server.assessment.AssessmentMutations;
import jp.hyoka.server.assessment.AssessmentQueries;
import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.graphql.ApiException;
import jp.hyoka.server.graphql.Connection;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.graphql.Results;
import jp.hyoka.server.importing.ChangeAnnexImport;
import jp.hyoka.server.importing.DocumentImport;
import jp.hyoka.server.importing.ImportNodes.FileRejectedNode;
import jp.hyoka.server.importing.ImportNodes.ImportedNode;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.security.Caller;

import java.util.Base64;
import java.util.Map;

/** Importing published documents: a whole 評価書 as a new assessment, or a 変更箇所 annex as an assessment's past. */
@Singleton
public class ImportWiring implements GraphQlFeature {

    private final ChangeAnnexImport annexImport;
    private final DocumentImport documentImport;
    private final AssessmentQueries queries;
    private final AssessmentMutations mutations;
    private final ImportQueries imports;
    private final ImportReports reports;

    public ImportWiring(ChangeAnnexImport annexImport, DocumentImport documentImport, AssessmentQueries queries,
                        AssessmentMutations mutations, ImportQueries imports, ImportReports reports) {
        this.annexImport = annexImport;
        this.documentImport = documentImport;
        this.queries = queries;
        this.mutations = mutations;
        this.imports = imports;
        this.reports = reports;
    }

    @Override
    public String sdlFile() {
        return "importing.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("ImportChangeAnnexResult", type -> type.typeResolver(Results.RESOLVER));
        wiring.type("ImportDocumentResult", type -> type.typeResolver(Results.RESOLVER));
        wiring.type("Mutation", type -> type.dataFetcher("importChangeAnnex", environment -> {
            Caller caller = Requests.caller(environment);
            Map<String, Object> input = environment.getArgument("input");
            byte[] content = content(input);
            try {
                return node(caller, annexImport.importAnnex(caller, (String) input.get("assessmentId"),
                        ((Number) input.get("expectedRevision")).longValue(), (String) input.get("fileName"), content,
                        (String) input.get("reason")));
            } catch (ImportRejected rejected) {
                return new FileRejectedNode(rejected.problem().code(), rejected.problem().message());
            }
        }));
        wiring.type("Mutation", type -> type.dataFetcher("importDocument", environment -> {
            Caller caller = Requests.caller(environment);
            Map<String, Object> input = environment.getArgument("input");
            byte[] content = content(input);
            Object kind = input.get("kind");
            try {
                return documentNode(caller, documentImport.importDocument(caller, (String) input.get("fileName"),
                        content, kind == null ? null : FormKind.valueOf(kind.toString()),
                        (String) input.get("affairName"), (String) input.get("reason")));
            } catch (ImportRejected rejected) {
                return new FileRejectedNode(rejected.problem().code(), rejected.problem().message());
            }
        }));
        // The uses an import linked, from the document's own events (folded once, when asked for).
        wiring.type("DocumentImported", type -> type.dataFetcher("linkedComponents", environment -> reports
                .linkedComponents(Requests.caller(environment).tenant(),
                        environment.<ImportNodes.DocumentImportedNode>getSource().assessment().id())));
        wiring.type("ImportReport", type -> type
                .dataFetcher("source", environment -> environment.<ImportReport>getSource().source())
                .dataFetcher("form", environment -> environment.<ImportReport>getSource().assessment().form().toString())
                .dataFetcher("unresolvedPaths", environment -> Connection.ofList(
                        environment.<ImportReport>getSource().unresolvedPaths(), Requests.page(environment, 20),
                        path -> path))
                .dataFetcher("html", environment -> ImportReportPage.render(environment.getSource())));
        wiring.type("UnresolvedPath", type -> type
                .dataFetcher("target", environment -> environment.<ImportReports.UnresolvedPath>getSource().outcome()));
        wiring.type("LinkedComponent", type -> type
                .dataFetcher("itemId", environment -> ((ComponentUse) environment.getSource()).itemId().value())
                .dataFetcher("entryIds", environment -> ((ComponentUse) environment.getSource()).entries())
                .dataFetcher("componentId", environment -> ((ComponentUse) environment.getSource()).componentId().value())
                .dataFetcher("mode", environment -> ((ComponentUse) environment.getSource()).mode().name()));
        wiring.type("Assessment", type -> type
                .dataFetcher("pastChanges", environment -> imports.pastChanges(Requests.caller(environment).tenant(),
                        environment.<AssessmentView>getSource().id()))
                .dataFetcher("pastChangesConnection", environment -> {
                    MunicipalityCode tenant = Requests.caller(environment).tenant();
                    AssessmentId id = environment.<AssessmentView>getSource().id();
                    return Connection.of(imports.pastChanges(tenant, id, Requests.page(environment, 20)),
                            change -> change, () -> imports.pastChangeCount(tenant, id));
                })
                .dataFetcher("unmappedContent", environment -> imports.unmappedContent(
                        Requests.caller(environment).tenant(), environment.<AssessmentView>getSource().id()))
                .dataFetcher("importedFrom", environment -> imports.importedFrom(
                        Requests.caller(environment).tenant(), environment.<AssessmentView>getSource().id())
                        .orElse(null))
                .dataFetcher("importReport", environment -> reports.report(Requests.caller(environment).tenant(),
                        environment.<AssessmentView>getSource()).orElse(null)));
    }

    private static byte[] content(Map<String, Object> input) {
        try {
            return Base64.getDecoder().decode((String) input.get("contentBase64"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiException.BAD_USER_INPUT, "contentBase64 is not base64.");
        }
    }

    private Object documentNode(Caller caller, DocumentImport.Result result) {
        if (result.outcome() instanceof EditOutcome.Edited edited) {
            return AssessmentMutations.stored(queries, caller, edited,
                    view -> new ImportNodes.DocumentImportedNode(view, edited.revision(), result.report()));
        }
        return mutations.problem(caller, (EditOutcome.Refused) result.outcome());
    }

    private Object node(Caller caller, ChangeAnnexImport.Result result) {
        if (result.outcome() instanceof EditOutcome.Edited edited) {
            return AssessmentMutations.stored(queries, caller, edited,
                    view -> new ImportedNode(view, edited.revision(), result.report()));
        }
        return mutations.problem(caller, (EditOutcome.Refused) result.outcome());
    }
}
