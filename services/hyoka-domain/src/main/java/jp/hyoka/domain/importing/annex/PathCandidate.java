package jp.hyoka.domain.importing.annex;

import java.util.Objects;

/**
 * A place of the form a 項目 path may name, with its score and the evidence for it ("label 具体的な方法 at the end;
 * block 4 ≠ 3"), so that an author can choose among ambiguous candidates.
 *
 * @param id    an item id, or a block/section id for a {@link PathTargetKind#BLOCK}/{@link PathTargetKind#SECTION}
 * @param score higher is better; only comparable within one resolution
 * @param why   the evidence, for people
 */
public record PathCandidate(String id, double score, String why) {

    public PathCandidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(why, "why");
    }
}
