package jp.hyoka.server.assessment;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.server.graphql.Requests;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Object links to an assessment from the types that name one ({@code HistoryEntry.assessment},
 * {@code ReviewThread.assessment}, {@code ComponentProposal.assessment}): the assessment as it is now, in the
 * caller's municipality, read once per request and assessment (a page of entries names few assessments).
 */
@Singleton
public class LinkedAssessments {

    private static final String CONTEXT_KEY = "hyoka.linked-assessments";

    private final AssessmentQueries queries;

    public LinkedAssessments(AssessmentQueries queries) {
        this.queries = queries;
    }

    /** The assessment, or null when the read models do not show it (yet). */
    public AssessmentView of(DataFetchingEnvironment environment, AssessmentId id) {
        Map<AssessmentId, Optional<AssessmentView>> read = environment.getGraphQlContext()
                .computeIfAbsent(CONTEXT_KEY, key -> new ConcurrentHashMap<>());
        return read.computeIfAbsent(id, key -> queries.find(Requests.caller(environment).tenant(), key)).orElse(null);
    }

    /** The assessment an id field shows (global or UUID); null for an id that names none. */
    public AssessmentView of(DataFetchingEnvironment environment, String id) {
        return AssessmentIds.parse(id).map(parsed -> of(environment, parsed)).orElse(null);
    }
}
