package jp.hyoka.server.components;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.server.database.Cursors;

import java.util.Optional;

/**
 * A proposal's id: opaque to clients, naming the document, the use and the version proposed (a proposal is the pair
 * of a use and a newer version, not a thing of its own).
 */
final class ProposalIds {

    record Parts(AssessmentId assessmentId, String useId, int toVersion) {
    }

    private ProposalIds() {
    }

    static String encode(AssessmentId assessmentId, String useId, int toVersion) {
        return Cursors.encode("proposal|" + assessmentId.value() + "|" + toVersion + "|" + useId);
    }

    /** Empty for anything that is not a proposal id. */
    static Optional<Parts> decode(String id) {
        return Cursors.decode(id == null ? "" : id).map(plain -> plain.split("\\|", 4))
                .filter(parts -> parts.length == 4 && parts[0].equals("proposal") && parts[2].matches("[1-9][0-9]{0,8}"))
                .flatMap(parts -> AssessmentId.parse(parts[1])
                        .map(assessment -> new Parts(assessment, parts[3], Integer.parseInt(parts[2]))));
    }
}
