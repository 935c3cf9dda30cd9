package jp.hyoka.domain.components.text;

import java.util.List;

/**
 * The outcome of a {@link ThreeWayMerge}: the merged text in order, as agreed chunks and conflicts. Clean when
 * there is no conflict; otherwise the editor gives one {@link HunkResolution} per conflict, in order.
 */
public record MergeResult(List<MergeChunk> chunks) {

    public MergeResult {
        chunks = List.copyOf(chunks);
    }

    public boolean isClean() {
        return conflicts().isEmpty();
    }

    public List<MergeChunk.Conflict> conflicts() {
        return chunks.stream().filter(MergeChunk.Conflict.class::isInstance).map(MergeChunk.Conflict.class::cast)
                .toList();
    }

    /**
     * The merged text of a clean merge.
     *
     * @throws IllegalStateException when there are conflicts to resolve
     */
    public String text() {
        if (!isClean()) {
            throw new IllegalStateException(conflicts().size() + " conflict(s) to resolve");
        }
        return resolve(List.of());
    }

    /**
     * The final text, each conflict replaced by its resolution.
     *
     * @throws IllegalArgumentException when the number of resolutions is not the number of conflicts
     */
    public String resolve(List<HunkResolution> resolutions) {
        if (resolutions.size() != conflicts().size()) {
            throw new IllegalArgumentException(
                    "expected " + conflicts().size() + " resolution(s), got " + resolutions.size());
        }
        StringBuilder text = new StringBuilder();
        int next = 0;
        for (MergeChunk chunk : chunks) {
            if (chunk instanceof MergeChunk.Merged merged) {
                text.append(merged.text());
            } else if (chunk instanceof MergeChunk.Conflict conflict) {
                text.append(resolutions.get(next++).textFor(conflict));
            }
        }
        return text.toString();
    }
}
