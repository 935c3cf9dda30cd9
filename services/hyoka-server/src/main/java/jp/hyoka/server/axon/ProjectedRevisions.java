package jp.hyoka.server.axon;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.MunicipalityCode;

/** What read-your-writes waits on: the revision the read models show for an aggregate (0 when absent). */
public interface ProjectedRevisions {

    long revision(MunicipalityCode tenant, AssessmentId id);
}
