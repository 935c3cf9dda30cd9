package jp.hyoka.server.publicview;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AssessmentQueries;
import jp.hyoka.server.database.Page;
import jp.hyoka.server.database.PageRequest;
import jp.hyoka.server.graphql.ApiException;
import jp.hyoka.server.graphql.Connection;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;

import java.util.List;
import java.util.Optional;

/**
 * {@code publicAssessments} (public-listing.graphqls): what a municipality's website lists — its published
 * assessments, newest first, each as {@code publicAssessment} reads it. Anyone may call it (@access PUBLIC, also on
 * /graphql/public). Each document is folded from its events, so a page is at most {@link #MAX_PAGE}.
 */
@Singleton
public class PublicListingWiring implements GraphQlFeature {

    /** Each listed document is folded from its events: a page is kept small for anonymous callers. */
    static final int MAX_PAGE = 20;

    private final AssessmentQueries assessments;
    private final PublicViewWiring documents;

    public PublicListingWiring(AssessmentQueries assessments, PublicViewWiring documents) {
        this.assessments = assessments;
        this.documents = documents;
    }

    @Override
    public String sdlFile() {
        return "public-listing.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("publicAssessments", this::list));
    }

    private Connection list(DataFetchingEnvironment environment) {
        PageRequest request = Requests.page(environment, 10);
        if (request.size() > MAX_PAGE) {
            throw new ApiException(ApiException.BAD_USER_INPUT, "at most " + MAX_PAGE + " documents a page");
        }
        Optional<MunicipalityCode> municipality = MunicipalityCode.parse(environment.getArgument("municipalityCode"));
        if (municipality.isEmpty()) {
            // an invalid code names no municipality: nothing is published under it, as for an unknown one
            return Connection.of(new Page<>(List.of(), false, false), view -> view, () -> 0);
        }
        MunicipalityCode code = municipality.get();
        return Connection.of(assessments.listPublished(code, request),
                view -> documents.published(code, view.id()).orElse(null), () -> assessments.countPublished(code));
    }
}
