package jp.hyoka.server.assessment;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.server.graphql.GlobalIds;

import java.util.Optional;

/**
 * An assessment's id as the API shows it: the global id of an {@code Assessment} node, in {@code Assessment.id} and
 * in every {@code assessmentId} field of other types. Every input that names an assessment goes through
 * {@link #parse}, which takes the global id and, for clients that stored ids before they became global, the bare
 * UUID ({@code Assessment.uuid}; integration events and exports name assessments by it).
 */
public final class AssessmentIds {

    public static final String TYPE = "Assessment";

    private AssessmentIds() {
    }

    public static String global(AssessmentId id) {
        return GlobalIds.encode(TYPE, id.toString());
    }

    public static Optional<AssessmentId> parse(String id) {
        return id == null ? Optional.empty() : AssessmentId.parse(GlobalIds.localKey(id, TYPE));
    }
}
