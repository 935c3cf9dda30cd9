package jp.hyoka.server.components;

import jp.hyoka.domain.assessment.AdoptionMerge;
import jp.hyoka.domain.components.ComponentVersion;
import jp.hyoka.domain.components.text.MergeChunk;
import jp.hyoka.domain.components.text.MergeResult;

import java.util.List;

/** The three-way view of a proposal: the domain's {@link AdoptionMerge}, what adoption will store, as GraphQL shows it. */
record ProposalMerge(String baseText, String newText, String localText, MergeResult result) {

    /** One part of the merge as GraphQL shows it. */
    record Chunk(boolean conflict, String text, String base, String ours, String theirs) {
    }

    static ProposalMerge of(ComponentUseQueries.UseRow use, ComponentVersion followed, ComponentVersion proposed) {
        AdoptionMerge merge = AdoptionMerge.of(use.mode(), use.slotValues(), use.rendering(), use.text(), followed,
                proposed, null);
        return new ProposalMerge(merge.baseText(), merge.newText(), merge.localText(), merge.result());
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
}
