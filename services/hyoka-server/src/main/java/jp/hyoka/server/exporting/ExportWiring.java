package jp.hyoka.server.exporting;

import jp.hyoka.server.assessment.AssessmentIds;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.security.Caller;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** Exporting an assessment to the published tab-separated format, a printable page or its PDF, now or as of a moment. */
@Singleton
public class ExportWiring implements GraphQlFeature {

    private final DocumentExports exports;

    public ExportWiring(DocumentExports exports) {
        this.exports = exports;
    }

    @Override
    public String sdlFile() {
        return "exporting.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("exportDocument", environment -> {
            Caller caller = Requests.caller(environment);
            Instant asOf = environment.getArgument("asOf");
            Instant moment = asOf == null ? Instant.now() : asOf;
            DocumentExports.Format format = DocumentExports.Format.valueOf(environment.getArgument("format").toString());
            boolean forThePublic = Boolean.TRUE.equals(environment.getArgument("public"));
            return AssessmentIds.parse(environment.getArgument("assessmentId"))
                    .flatMap(id -> exports.export(caller.tenant(), id, format, moment, forThePublic))
                    .orElse(CompletableFuture.completedFuture(null));
        }));
    }
}
