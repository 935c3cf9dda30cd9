package jp.hyoka.server.components;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.server.database.Cursors;
import jp.hyoka.server.graphql.GlobalIds;

import java.util.Optional;

/**
 * A proposal's id: the global id of a {@code ComponentProposal} node, naming the document, the use and the version
 * proposed (a proposal is the pair of a use and a newer version, not a thing of its own). Ids issued before ids
 * became global ({@code proposal|…} cursors) are still read.
 */
public final class ProposalIds {

    static final String TYPE = "ComponentProposal";

    record Parts(AssessmentId assessmentId, String useId, int toVersion) {
    }

    private ProposalIds() {
    }

    /** The global id of the proposal of {@code toVersion} to a use: what node(id:) refetches. */
    public static String encode(AssessmentId assessmentId, String useId, int toVersion) {
        return GlobalIds.encode(TYPE, assessmentId.value() + "|" + toVersion + "|" + useId);
    }

    /** Empty for anything that is not a proposal id. */
    static Optional<Parts> decode(String id) {
        Optional<String> key = GlobalIds.decode(id).filter(global -> global.type().equals(TYPE))
                .map(GlobalIds.GlobalId::localKey)
                .or(() -> Cursors.decode(id == null ? "" : id).filter(plain -> plain.startsWith("proposal|"))
                        .map(plain -> plain.substring("proposal|".length())));
        return key.map(plain -> plain.split("\\|", 3))
                .filter(parts -> parts.length == 3 && parts[1].matches("[1-9][0-9]{0,8}"))
                .flatMap(parts -> AssessmentId.parse(parts[0])
                        .map(assessment -> new Parts(assessment, parts[2], Integer.parseInt(parts[1]))));
    }
}
