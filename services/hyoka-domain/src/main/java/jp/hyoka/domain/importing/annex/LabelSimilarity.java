package jp.hyoka.domain.importing.annex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzy comparison of compact labels (DOMAIN.md §4.4 styles H and L: "情報連携ネットワークシステム" for
 * 情報提供ネットワークシステム, "他のシステムの接続", "再発防止の内容", "リスク対策は十分か"): the Dice coefficient of character
 * bigrams, 1.0 for equal texts.
 */
final class LabelSimilarity {

    private LabelSimilarity() {
    }

    static double dice(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        if (a.length() < 2 || b.length() < 2) {
            return 0.0;
        }
        int[] left = bigrams(a);
        int[] right = bigrams(b);
        Arrays.sort(left);
        Arrays.sort(right);
        return 2.0 * common(left, right) / (a.length() - 1 + b.length() - 1);
    }

    /** The size of the intersection of two multisets of bigrams, each given sorted. */
    private static int common(int[] left, int[] right) {
        int common = 0;
        for (int i = 0, j = 0; i < left.length && j < right.length; ) {
            if (left[i] == right[j]) {
                common++;
                i++;
                j++;
            } else if (left[i] < right[j]) {
                i++;
            } else {
                j++;
            }
        }
        return common;
    }

    /**
     * A text compared with many labels (a 項目 path with every label of a form): its bigrams are taken once, and
     * {@link #within(String)} remembers each label's result. Not thread-safe: one per path being resolved.
     */
    static final class Text {
        private final String value;
        private final Labels labels;
        private int[] distinctBigrams;
        private int[] sortedBigrams;
        private int[] shared;
        /** The ids of the indexed labels that share a bigram with this text ({@link #shared} above 0), in no order. */
        private int[] touched;
        /** {@link #within} and {@link #atEnd} of labels not indexed, made when first asked (most paths never do). */
        private Map<String, Double> within;
        private Map<String, Double> atEnd;
        /** By label id: {@link #within} and {@link #atEnd} of the indexed labels, where {@code *Known} is set. */
        private double[] withinById;
        private double[] atEndById;
        private boolean[] withinKnown;
        private boolean[] atEndKnown;
        private Map<Integer, Text> prefixes;

        Text(String value) {
            this(value, Labels.NONE);
        }

        /** @param labels labels this text will be compared with, indexed once for all texts (a form's labels) */
        Text(String value, Labels labels) {
            this.value = value;
            this.labels = labels;
        }

        String value() {
            return value;
        }

        /** The label's id in this text's index ({@link Labels#id}), or -1. */
        int labelId(String label) {
            return labels.id(label);
        }

        /** {@link LabelSimilarity#within(String, String)} of this text and the label. */
        double within(String label) {
            return within(labels.id(label), label);
        }

        /**
         * {@link #within(String)} of a label whose id in this text's index is known ({@link Labels#id}, -1 when it is
         * not indexed): remembered by id, without hashing the label.
         */
        double within(int id, String label) {
            if (id < 0) {
                if (within == null) {
                    within = new HashMap<>();
                }
                return within.computeIfAbsent(label, l -> LabelSimilarity.within(this, l, -1));
            }
            if (withinById == null) {
                withinById = new double[labels.size()];
                withinKnown = new boolean[labels.size()];
            }
            if (!withinKnown[id]) {
                withinById[id] = LabelSimilarity.within(this, label, id);
                withinKnown[id] = true;
            }
            return withinById[id];
        }

        /** {@link LabelSimilarity#atEnd(String, String)} of this text and the label (labels repeat over blocks). */
        double atEnd(String label) {
            return atEnd(labels.id(label), label);
        }

        /** {@link #atEnd(String)} of a label whose id is known, as {@link #within(int, String)}. */
        double atEnd(int id, String label) {
            if (id < 0) {
                if (atEnd == null) {
                    atEnd = new HashMap<>();
                }
                return atEnd.computeIfAbsent(label, l -> LabelSimilarity.atEnd(value, l));
            }
            if (atEndById == null) {
                atEndById = new double[labels.size()];
                atEndKnown = new boolean[labels.size()];
            }
            if (!atEndKnown[id]) {
                atEndById[id] = LabelSimilarity.atEnd(value, label, labels.wanted(id));
                atEndKnown[id] = true;
            }
            return atEndById[id];
        }

        /**
         * Whether {@link #within} of the text's first {@code length} characters and the label reaches {@code least}.
         * The prefix is compared only when this text's bigram counts allow it: the prefix has no bigram this text
         * lacks, so how many of the label's bigrams this text has bounds the prefix's Dice and shared share from
         * above (a path's prefixes are compared with the context labels of every item of the form).
         */
        boolean prefixWithin(int length, String label, double least) {
            return prefixWithin(length, labels.id(label), label, least);
        }

        /** {@link #prefixWithin(int, String, double)} of a label whose id is known ({@link Labels#id}, or -1). */
        boolean prefixWithin(int length, int indexed, String label, double least) {
            if (indexed >= 0 && label.length() >= 4 && length >= 2) {
                int present = shared()[indexed];
                double bound = length < label.length() ? 2.0 * present / (length - 1 + label.length() - 1)
                        : (double) present / (label.length() - 1);
                if (bound < least) {
                    return false;
                }
            }
            return prefix(length).within(label) >= least;
        }

        /**
         * An upper bound of {@link #within} of this text and the indexed label with this id ({@link Labels#id}), from
         * the index's count of the label's bigrams this text has, without comparing them: every bigram of the label
         * the text shares is among them, so neither the Dice of a shorter text nor the best window of a longer one can
         * exceed it, and a text that contains the label has all of them (bound 1). Used to rule labels out before
         * comparing (a path is compared with every item of the form).
         */
        double withinBound(int id, String label) {
            int length = value.length();
            if (label.length() < 2) {
                return 1.0;                                 // not indexed: nothing is bounded
            }
            int present = shared()[id];
            if (length < label.length()) {
                return length < 2 ? 0 : 2.0 * present / (length - 1 + label.length() - 1);
            }
            return (double) present / (label.length() - 1);
        }

        /** The text's first {@code length} characters, compared in turn with many labels (remembered by length). */
        Text prefix(int length) {
            if (length == value.length()) {
                return this;
            }
            if (prefixes == null) {
                prefixes = new HashMap<>();
            }
            return prefixes.computeIfAbsent(length, l -> new Text(value.substring(0, l)));
        }

        private int[] shared() {
            if (shared == null) {
                shared = new int[labels.size()];
                touched = labels.shared(distinctBigrams(), shared);
            }
            return shared;
        }

        /**
         * The ids of the indexed labels that have at least one bigram of this text: every other label's
         * {@link #withinBound} is 0 (a label of two characters or more, as every indexed label is).
         */
        int[] touched() {
            shared();
            return touched;
        }

        /** The text's bigrams with repetition, sorted (as {@link LabelSimilarity#dice} sorts them). */
        private int[] sortedBigrams() {
            if (sortedBigrams == null) {
                sortedBigrams = value.length() < 2 ? new int[0] : bigrams(value);
                Arrays.sort(sortedBigrams);
            }
            return sortedBigrams;
        }

        private int[] distinctBigrams() {
            if (distinctBigrams == null) {
                int[] all = value.length() < 2 ? new int[0] : bigrams(value);
                Arrays.sort(all);
                int distinct = 0;
                for (int i = 0; i < all.length; i++) {
                    if (i == 0 || all[i] != all[i - 1]) {
                        all[distinct++] = all[i];
                    }
                }
                distinctBigrams = Arrays.copyOf(all, distinct);
            }
            return distinctBigrams;
        }
    }

    /**
     * Labels indexed by bigram (an inverted index): for a text, how many of each label's bigrams the text has is
     * counted in one pass over the text's distinct bigrams, instead of searching the text for every bigram of every
     * label (a path is compared with every label of the form). The counts are those {@link #sharedBigrams} defines.
     */
    static final class Labels {
        static final Labels NONE = new Labels(List.of());

        private final Map<String, Integer> ids = new HashMap<>();
        /** bigram → the labels that have it, as pairs: label id, how many times the label has it */
        private final BigramTable postings;
        /** By label id: the label's bigrams with repetition, sorted (what {@link LabelSimilarity#dice} compares). */
        private final List<int[]> sorted = new ArrayList<>();
        /** By label id: what a text's windows are counted against ({@link #atEnd}, {@link #slidingDice}). */
        private final List<Wanted> wanted = new ArrayList<>();

        Labels(Collection<String> labels) {
            Map<Integer, List<int[]>> index = new HashMap<>();
            for (String label : labels) {
                if (label.length() < 2 || ids.containsKey(label)) {
                    continue;
                }
                int id = ids.size();
                ids.put(label, id);
                int[] bigrams = bigrams(label);
                Arrays.sort(bigrams);
                sorted.add(bigrams);
                wanted.add(Wanted.of(label));
                Map<Integer, Integer> counts = new HashMap<>();
                for (int bigram : bigrams(label)) {
                    counts.merge(bigram, 1, Integer::sum);
                }
                counts.forEach((bigram, count) -> index.computeIfAbsent(bigram, b -> new ArrayList<>())
                        .add(new int[]{id, count}));
            }
            postings = new BigramTable(index.size());
            index.forEach((bigram, having) -> {
                int[] pairs = new int[having.size() * 2];
                for (int i = 0; i < having.size(); i++) {
                    pairs[2 * i] = having.get(i)[0];
                    pairs[2 * i + 1] = having.get(i)[1];
                }
                postings.put(bigram, pairs);
            });
        }

        /** The label's id, or -1 when it is not indexed. */
        int id(String label) {
            return ids.getOrDefault(label, -1);
        }

        /** How many labels are indexed: ids run from 0 to this, exclusive. */
        int size() {
            return ids.size();
        }

        /** The sorted bigrams of the label with this id. */
        int[] sortedBigrams(int id) {
            return sorted.get(id);
        }

        /** The label's bigrams as {@link #atEnd} and {@link #slidingDice} count them, worked out once. */
        Wanted wanted(int id) {
            return wanted.get(id);
        }

        /**
         * Counts into {@code shared}, for each label id, how many of the label's bigrams (counted with repetition) are
         * among {@code present} (distinct bigrams); returns the ids whose count rose above 0.
         */
        int[] shared(int[] present, int[] shared) {
            int[] touched = new int[16];
            int count = 0;
            for (int bigram : present) {
                int[] pairs = postings.get(bigram);
                if (pairs != null) {
                    for (int i = 0; i < pairs.length; i += 2) {
                        int id = pairs[i];
                        if (shared[id] == 0) {
                            if (count == touched.length) {
                                touched = Arrays.copyOf(touched, count * 2);
                            }
                            touched[count++] = id;
                        }
                        shared[id] += pairs[i + 1];
                    }
                }
            }
            return Arrays.copyOf(touched, count);
        }
    }

    /** The character bigrams of a text (at least two characters long) as numbers, in text order. */
    private static int[] bigrams(String text) {
        int[] bigrams = new int[text.length() - 1];
        for (int i = 0; i + 2 <= text.length(); i++) {
            bigrams[i] = bigram(text, i);
        }
        return bigrams;
    }

    /**
     * How well the end of {@code text} spells {@code label}: 1.0 when it ends with it; otherwise only when both end
     * with the same character (a label is recognised by its last word: 十分か, 接続, 内容, 方法).
     */
    static double atEnd(String text, String label) {
        return atEnd(text, label, null);
    }

    /** {@link #atEnd(String, String)}, with the label's {@link Wanted} when it is known already (else null). */
    private static double atEnd(String text, String label, Wanted known) {
        if (text.endsWith(label)) {
            return 1.0;
        }
        if (text.isEmpty() || label.isEmpty() || text.charAt(text.length() - 1) != label.charAt(label.length() - 1)) {
            return 0;
        }
        if (label.length() < 2) {
            return 0;                                       // dice of a suffix (two characters or more) with it
        }
        // The Dice coefficient of the label with each suffix of the text from label length - 2 to + 2 characters,
        // as dice(suffix, label) computes it (no suffix equals the label: the text does not end with it); the
        // suffixes grow one bigram at a time, so their shared bigrams are counted on, not each time anew.
        Wanted wanted = known != null ? known : Wanted.of(label);
        int[] seen = new int[wanted.kinds()];
        int common = 0;
        double best = 0;
        int longest = Math.min(label.length() + 2, text.length());
        for (int length = 2; length <= longest; length++) {
            int at = text.length() - length;
            common += add(seen, wanted.counts(), wanted.index(bigram(text, at)), 1);
            if (length >= label.length() - 2) {
                best = Math.max(best, 2.0 * common / (length - 1 + label.length() - 1));
            }
        }
        return best;
    }

    /**
     * An upper bound of {@link #within}: the share of the label's bigrams found anywhere in the text. Every caller
     * asks for 0.75 or more, so below that the sliding window is not needed.
     */
    private static double sharedBigrams(Text text, String label, int indexed) {
        if (indexed >= 0) {
            return (double) text.shared()[indexed] / (label.length() - 1);
        }
        int[] present = text.distinctBigrams();
        int found = 0;
        for (int i = 0; i + 2 <= label.length(); i++) {
            if (Arrays.binarySearch(present, bigram(label, i)) >= 0) {
                found++;
            }
        }
        return (double) found / (label.length() - 1);
    }

    /** How well some part of {@code text} spells {@code label}: 1.0 when it contains it. */
    static double within(String text, String label) {
        return within(new Text(text), label, -1);
    }

    /** @param indexed the label's id in the index of {@code compared} ({@link Labels#id}), or -1 when not indexed */
    private static double within(Text compared, String label, int indexed) {
        String text = compared.value();
        if (text.contains(label)) {
            return 1.0;
        }
        if (label.length() < 4) {
            return 0;
        }
        if (text.length() < label.length()) {
            if (indexed < 0 || text.length() < 2) {
                return dice(text, label);
            }
            return 2.0 * common(compared.sortedBigrams(), compared.labels.sortedBigrams(indexed))
                    / (text.length() - 1 + label.length() - 1);     // dice, with both sides' bigrams sorted once
        }
        double bound = sharedBigrams(compared, label, indexed);
        if (bound < 0.75) {
            return bound;
        }
        return slidingDice(text, label, indexed >= 0 ? compared.labels.wanted(indexed) : Wanted.of(label));
    }

    /**
     * The best Dice coefficient of the label against every window of the text as long as the label, kept up to date
     * one bigram at a time (a path may be a thousand characters long).
     */
    private static double slidingDice(String text, String label, Wanted wanted) {
        int window = label.length() - 1;
        int[] seen = new int[wanted.kinds()];
        int common = 0;
        int best = 0;
        for (int i = 0; i + 2 <= text.length(); i++) {
            common += add(seen, wanted.counts(), wanted.index(bigram(text, i)), 1);
            if (i >= window) {
                common += add(seen, wanted.counts(), wanted.index(bigram(text, i - window)), -1);
            }
            best = Math.max(best, common);
        }
        return (double) best / window;
    }

    /** A label's distinct bigrams, sorted, and how many times it has each: what a text's window is counted against. */
    record Wanted(int[] distinct, int[] counts, int kinds) {
        static Wanted of(String label) {
            int[] all = bigrams(label);
            Arrays.sort(all);
            int[] distinct = new int[all.length];
            int[] counts = new int[all.length];
            int kinds = 0;
            for (int i = 0; i < all.length; i++) {
                if (i == 0 || all[i] != all[i - 1]) {
                    distinct[kinds++] = all[i];
                }
                counts[kinds - 1]++;
            }
            return new Wanted(distinct, counts, kinds);
        }

        /** The bigram's index among the label's, negative when the label has none. */
        int index(int bigram) {
            return Arrays.binarySearch(distinct, 0, kinds, bigram);
        }
    }

    /**
     * Counts a bigram (its index among the label's, negative when the label has none) into or out of the window;
     * returns how much the number of shared bigrams changed.
     */
    private static int add(int[] seen, int[] wanted, int index, int delta) {
        if (index < 0) {
            return 0;
        }
        int before = seen[index];
        int after = before + delta;
        seen[index] = after;
        return Math.min(after, wanted[index]) - Math.min(before, wanted[index]);
    }

    private static int bigram(String text, int at) {
        return text.charAt(at) << 16 | text.charAt(at + 1);
    }
}
