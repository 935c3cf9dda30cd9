package jp.hyoka.server.components;

import jp.hyoka.domain.assessment.ComponentUseMode;
import jp.hyoka.domain.components.ComponentText;
import jp.hyoka.domain.components.ComponentVersion;
import jp.hyoka.domain.components.text.MergeChunk;
import jp.hyoka.domain.components.text.MergeResult;
import jp.hyoka.domain.components.text.ThreeWayMerge;

import java.util.List;

/**
 * The three-way view of a proposal, computed as adoption will compute it (ComponentUseDecisions): the followed
 * version and the proposed one printed as the document prints them (its slot values, numbering and brackets), and
 * the document's section. A locked use has no local change, so its merge is the new version.
 */
record ProposalMerge(String baseText, String newText, String localText, MergeResult result) {

    /** One part of the merge as GraphQL shows it. */
    record Chunk(boolean conflict, String text, String base, String ours, String theirs) {
    }

    static ProposalMerge of(ComponentUseQueries.UseRow use, ComponentVersion followed, ComponentVersion proposed) {
        String base = ComponentText.renderKeepingSlots(followed, use.slotValues(), use.rendering());
        String theirs = ComponentText.renderKeepingSlots(proposed, declaredOnly(use, proposed), use.rendering());
        String ours = use.mode() == ComponentUseMode.LOCKED ? base : use.text();
        return new ProposalMerge(base, theirs, use.text(), ThreeWayMerge.merge(base, theirs, ours));
    }

    boolean clean() {
        return result.isClean();
    }

    int conflicts() {
        return result.conflicts().size();
    }

    String mergedText() {
        return result.isClean() ? result.text() : null;
    }

    List<Chunk> chunks() {
        return result.chunks().stream().map(chunk -> chunk instanceof MergeChunk.Conflict conflict
                ? new Chunk(true, null, conflict.base(), conflict.ours(), conflict.theirs())
                : new Chunk(false, ((MergeChunk.Merged) chunk).text(), null, null, null)).toList();
    }

    /** A slot the new version no longer has is not passed to it (rendering would refuse it). */
    private static java.util.Map<String, String> declaredOnly(ComponentUseQueries.UseRow use, ComponentVersion version) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        version.content().slots().forEach(slot -> {
            String value = use.slotValues().get(slot.name());
            if (value != null) {
                values.put(slot.name(), value);
            }
        });
        return values;
    }
}
