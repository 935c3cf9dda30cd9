package jp.hyoka.server.assessment;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import jp.hyoka.server.graphql.NodeType;
import jp.hyoka.server.graphql.Requests;

import java.util.Optional;

/** {@code Assessment} as a node: the current document, by its UUID, in the caller's municipality. */
@Singleton
public class AssessmentNodes extends NodeType {

    private final AssessmentQueries queries;

    public AssessmentNodes(AssessmentQueries queries) {
        super(AssessmentIds.TYPE, AssessmentView.class);
        this.queries = queries;
    }

    @Override
    public Optional<?> load(DataFetchingEnvironment environment, String localKey) {
        return jp.hyoka.domain.assessment.AssessmentId.parse(localKey)
                .flatMap(id -> queries.find(Requests.caller(environment).tenant(), id));
    }
}
