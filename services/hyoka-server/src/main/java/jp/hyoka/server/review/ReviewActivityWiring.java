package jp.hyoka.server.review;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.graphql.Connection;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;

/**
 * {@code Assessment.reviewActivity} (review-activity.graphqls): the assessment's review history, each event with its
 * thread read lazily by id (a page of events names few threads).
 */
@Singleton
public class ReviewActivityWiring implements GraphQlFeature {

    private static final int DEFAULT_PAGE = 50;

    private final ReviewActivityQueries activity;
    private final ReviewThreadQueries threads;

    public ReviewActivityWiring(ReviewActivityQueries activity, ReviewThreadQueries threads) {
        this.activity = activity;
        this.threads = threads;
    }

    @Override
    public String sdlFile() {
        return "review-activity.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Assessment", type -> type.dataFetcher("reviewActivity", environment -> {
            MunicipalityCode tenant = Requests.caller(environment).tenant();
            AssessmentView assessment = environment.getSource();
            return Connection.of(activity.activity(tenant, assessment.id(), Requests.page(environment, DEFAULT_PAGE)),
                    row -> row, () -> activity.count(tenant, assessment.id()));
        }));
        wiring.type("ReviewActivity", type -> type
                .dataFetcher("thread", this::thread)
                .dataFetcher("by", environment -> row(environment).actor()));
    }

    private Object thread(DataFetchingEnvironment environment) {
        return threads.thread(Requests.caller(environment).tenant(), row(environment).threadId()).stream()
                .findFirst().map(ReviewThreadsWiring::node).orElse(null);
    }

    private static ReviewActivityQueries.ActivityRow row(DataFetchingEnvironment environment) {
        return environment.getSource();
    }
}
