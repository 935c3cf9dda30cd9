package jp.hyoka.domain.components.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges a municipality's adapted text with a new version of its component (issue 16, "three-way view"): the base
 * version, the new version ({@code theirs}) and the local text ({@code ours}) are split into sentences and lines
 * ({@link TextTokens}); each side's changes against the base are hunks ({@link TokenDiff}). Hunks of the two sides
 * that overlap ({@link Hunk#overlaps}), directly or through a chain, form one region: changed the same way on both
 * sides it is merged, otherwise it is a conflict showing the region's base, ours and theirs. Everything else is
 * taken from whichever side changed it. Where a local insertion borders a component change, the insertion comes
 * first if it is at the change's start, after it if at its end.
 */
public final class ThreeWayMerge {

    private ThreeWayMerge() {
    }

    public static MergeResult merge(String baseVersion, String newVersion, String localText) {
        List<String> base = TextTokens.of(baseVersion);
        List<SidedHunk> hunks = new ArrayList<>();
        localChanges(base, TextTokens.of(localText)).forEach(hunk -> hunks.add(new SidedHunk(hunk, true)));
        TokenDiff.hunks(base, TextTokens.of(newVersion)).forEach(hunk -> hunks.add(new SidedHunk(hunk, false)));
        hunks.sort(Comparator.comparingInt((SidedHunk sided) -> sided.hunk().start())
                .thenComparingInt(sided -> sided.hunk().end()).thenComparing(sided -> !sided.ours()));
        Chunks chunks = new Chunks();
        int next = 0;
        int index = 0;
        while (index < hunks.size()) {
            List<SidedHunk> region = new ArrayList<>(List.of(hunks.get(index++)));
            int start = region.get(0).hunk().start();
            int end = region.get(0).hunk().end();
            while (index < hunks.size() && hunks.get(index).hunk().overlaps(start, end)) {
                end = Math.max(end, hunks.get(index).hunk().end());
                region.add(hunks.get(index++));
            }
            chunks.merged(String.join("", base.subList(next, start)));
            String ours = apply(base, start, end, region, true);
            String theirs = apply(base, start, end, region, false);
            String baseText = String.join("", base.subList(start, end));
            if (ours.equals(theirs) || theirs.equals(baseText)) {
                chunks.merged(ours);
            } else if (ours.equals(baseText)) {
                chunks.merged(theirs);
            } else {
                chunks.conflict(new MergeChunk.Conflict(baseText, ours, theirs));
            }
            next = end;
        }
        chunks.merged(String.join("", base.subList(next, base.size())));
        return new MergeResult(chunks.list);
    }

    /** The same, with the local text kept as its difference against the base version (adapted mode). */
    public static MergeResult merge(String baseVersion, String newVersion, TextDifference localChange) {
        return merge(baseVersion, newVersion, localChange.applyTo(baseVersion));
    }

    /**
     * The local text's changes against the base, found on the tokens' matching form ({@link MatchingText}: markup,
     * spacing, numbering and bracket styles ignored), each carrying the local tokens as written. Why: a copy taken
     * over from a published document rarely has the version's markup (旭川市 and 横浜市 print one paragraph where the
     * version has a &lt;p&gt; per point); compared exactly, every token would differ and any new version would
     * conflict with the whole text. A change of formatting only is no change, so there the new version's text wins.
     */
    static List<Hunk> localChanges(List<String> base, List<String> local) {
        List<String> baseForm = base.stream().map(MatchingText::of).toList();
        List<String> localForm = local.stream().map(MatchingText::of).toList();
        List<Hunk> changes = new ArrayList<>();
        int shift = 0;                                      // local index = base index + shift, between hunks
        for (Hunk hunk : TokenDiff.hunks(baseForm, localForm)) {
            int from = hunk.start() + shift;
            List<String> written = local.subList(from, from + hunk.replacement().size());
            shift += hunk.replacement().size() - (hunk.end() - hunk.start());
            if (!String.join("", baseForm.subList(hunk.start(), hunk.end()))
                    .equals(String.join("", hunk.replacement()))) {
                changes.add(new Hunk(hunk.start(), hunk.end(), List.copyOf(written)));
            }
        }
        return changes;
    }

    /** The region [start, end) of the base with one side's hunks in it applied. */
    private static String apply(List<String> base, int start, int end, List<SidedHunk> region, boolean ours) {
        StringBuilder text = new StringBuilder();
        int next = start;
        for (SidedHunk sided : region) {
            if (sided.ours() == ours) {
                text.append(String.join("", base.subList(next, sided.hunk().start())));
                sided.hunk().replacement().forEach(text::append);
                next = sided.hunk().end();
            }
        }
        return text.append(String.join("", base.subList(next, end))).toString();
    }

    private record SidedHunk(Hunk hunk, boolean ours) {
    }

    /** Chunks in order, consecutive agreed text joined into one. */
    private static final class Chunks {
        private final List<MergeChunk> list = new ArrayList<>();

        void merged(String text) {
            if (text.isEmpty()) {
                return;
            }
            int last = list.size() - 1;
            if (last >= 0 && list.get(last) instanceof MergeChunk.Merged merged) {
                list.set(last, new MergeChunk.Merged(merged.text() + text));
            } else {
                list.add(new MergeChunk.Merged(text));
            }
        }

        void conflict(MergeChunk.Conflict conflict) {
            list.add(conflict);
        }
    }
}
