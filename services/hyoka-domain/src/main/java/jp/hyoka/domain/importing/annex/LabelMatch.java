package jp.hyoka.domain.importing.annex;

import java.util.Set;

/**
 * How an item's label appears in a 項目 path: its similarity (1.0 exact, fuzzy below) and whether it ends the path
 * (then it names the item) or sits inside it, followed by other words (then it is more likely context).
 */
record LabelMatch(double similarity, boolean atEnd) {

    static final LabelMatch NONE = new LabelMatch(0, false);
    /** How much a path that writes only the start or the end of a label ("所属長", "確認方法") counts as the label. */
    private static final double ABBREVIATED = 0.8;

    /**
     * @param compact  the path's compact text, as compared with labels
     * @param headings section and block titles: a path that is only a title names that, not an item
     */
    static LabelMatch of(String label, ParsedPath path, LabelSimilarity.Text compact, Set<String> headings) {
        return of(label, compact.labelId(label), path, compact, headings);
    }

    /**
     * {@link #of(String, ParsedPath, LabelSimilarity.Text, Set)} of a label whose id in the index of {@code compact}
     * is known ({@link LabelSimilarity.Labels#id}, -1 when it is not indexed): no look-up of the label per call.
     */
    static LabelMatch of(String label, int labelId, ParsedPath path, LabelSimilarity.Text compact,
                         Set<String> headings) {
        if (label.isEmpty()) {
            return NONE;
        }
        for (String quoted : path.quoted()) {
            if (LabelSimilarity.dice(quoted, label) >= 0.8) {
                return new LabelMatch(LabelSimilarity.dice(quoted, label), true);
            }
        }
        double end = compact.atEnd(labelId, label);
        if (end == 1.0 || end >= 0.6 && label.length() >= 5) {
            return new LabelMatch(end, true);
        }
        String words = path.compact();
        if (words.length() >= 2 && words.length() < label.length() && !headings.contains(words)
                && (label.endsWith(words) || label.startsWith(words))) {
            return new LabelMatch(ABBREVIATED, true);
        }
        if (label.length() >= 8) {
            double within = compact.within(labelId, label);
            if (within >= 0.8) {
                return new LabelMatch(within, false);
            }
        }
        return NONE;
    }

    /**
     * Whether {@link #of} can find the label in the path at all, told without comparing them: false only where
     * {@code of} gives {@link #NONE}. A match at the end needs the path to end with the label's last character
     * ({@link LabelSimilarity#atEnd}), an abbreviation to be the label's start or end, and a match inside the path a
     * bound of {@link LabelSimilarity.Text#within} of 0.8 at least. Most items of a form pass none of these for a
     * given path, so the resolver does not score them.
     *
     * @param labelId the label's id in the index of {@code compact} ({@link LabelSimilarity.Labels#id}), or -1
     */
    static boolean possible(String label, int labelId, ParsedPath path, LabelSimilarity.Text compact) {
        if (label.isEmpty()) {
            return false;
        }
        if (!path.quoted().isEmpty()) {
            return true;
        }
        String words = compact.value();
        if (!words.isEmpty() && words.charAt(words.length() - 1) == label.charAt(label.length() - 1)) {
            return true;                                    // at the end, or abbreviated by the label's end
        }
        if (words.length() >= 2 && words.length() < label.length() && label.startsWith(words)) {
            return true;                                    // abbreviated by the label's start
        }
        return label.length() >= 8 && (labelId < 0 || compact.withinBound(labelId, label) >= 0.8);
    }

    /** Exact at the end: 4 and a bonus for long labels; fuzzy at the end: 4·sim − 1.5; inside the path: 1.5·sim. */
    double score(String label) {
        if (similarity == 0) {
            return 0;
        }
        if (!atEnd) {
            return 1.5 * similarity;
        }
        return 4 * similarity - (similarity < 1.0 ? 1.5 : 0) + Math.min(label.length(), 20) / 20.0;
    }
}
