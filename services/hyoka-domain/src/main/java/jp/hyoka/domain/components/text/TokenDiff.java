package jp.hyoka.domain.components.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The changes that turn one token list into another, as hunks against the first, from a longest common
 * subsequence.
 *
 * <p>Why written here and not java-diff-utils: the domain module may have no dependencies (maven-enforcer). Why an
 * LCS table and not Myers: the texts are a few dozen sentences (a long boilerplate block has about 30), so the
 * O(n·m) table costs nothing, and it is the easiest algorithm to check by reading. Ties are broken the same way
 * every time (a deletion before an insertion), so the result is deterministic.
 */
final class TokenDiff {

    private TokenDiff() {
    }

    /** The hunks, in base order, disjoint and never adjacent (adjacent changes form one hunk). */
    static List<Hunk> hunks(List<String> base, List<String> changed) {
        int prefix = 0;
        while (prefix < base.size() && prefix < changed.size() && base.get(prefix).equals(changed.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < base.size() - prefix && suffix < changed.size() - prefix
                && base.get(base.size() - 1 - suffix).equals(changed.get(changed.size() - 1 - suffix))) {
            suffix++;
        }
        List<Hunk> hunks = new ArrayList<>();
        for (Hunk hunk : middleHunks(base.subList(prefix, base.size() - suffix),
                changed.subList(prefix, changed.size() - suffix))) {
            hunks.add(new Hunk(hunk.start() + prefix, hunk.end() + prefix, hunk.replacement()));
        }
        return hunks;
    }

    /**
     * The LCS walk. The common prefix and suffix are cut off first, so the table covers only the changed middle: a
     * local edit of one sentence in a long text costs a small table.
     */
    private static List<Hunk> middleHunks(List<String> base, List<String> changed) {
        int n = base.size();
        int m = changed.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = base.get(i).equals(changed.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Hunk> hunks = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && base.get(i).equals(changed.get(j))) {
                i++;
                j++;
                continue;
            }
            int baseStart = i;
            int changedStart = j;
            while ((i < n || j < m) && !(i < n && j < m && base.get(i).equals(changed.get(j)))) {
                if (j >= m || (i < n && common[i + 1][j] >= common[i][j + 1])) {
                    i++;
                } else {
                    j++;
                }
            }
            hunks.add(new Hunk(baseStart, i, changed.subList(changedStart, j)));
        }
        return hunks;
    }
}
