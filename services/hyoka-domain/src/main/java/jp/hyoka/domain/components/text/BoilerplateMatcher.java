package jp.hyoka.domain.components.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recognises boilerplate: the candidate most like a text, if it is at least {@link #DEFAULT_THRESHOLD} alike
 * ({@link TextSimilarity}). Candidates are profiled once, so one matcher serves a whole import.
 *
 * <p>Why 0.85 and not 0.9 (measured on DOMAIN.md §5 and the published samples, see BoilerplateMatcherTest): copies
 * of a supplier text with their local edits score 0.89–1 against their version (旭川市's 中間サーバー system
 * description with its own systems in ④ 0.99; 川崎市's ソフトウェア措置 with (*1), 照会 for 照合 and the older legal
 * basis 0.94; 川崎市's "セキュリティ監理" copy 0.96; 旭川市's ガバメントクラウド 保管場所 with its own ② sentence 0.89,
 * which 0.9 would miss). The nearest texts of different families in the fixtures score at most 0.66 (ガバメントクラウド and
 * 中間サーバー・プラットフォーム v2 保管場所, which share the ISMAP and ISO sentences), so 0.85 keeps a wide margin.
 * Versions of one component are told apart by the best score, not by the threshold: v1 and v2 of a paragraph that
 * changed one phrase both pass (0.97), and a copy of v2 is linked to v2 because it scores higher there. Ties go to
 * the candidate given first. Headings such as ＜…における措置＞ are not part of a version's text (a rendering
 * option); split them off first ({@link BoilerplateSections}).
 */
public final class BoilerplateMatcher<K> {

    public static final double DEFAULT_THRESHOLD = 0.85;

    private final List<MatchCandidate<K>> candidates;
    private final List<BigramProfile> profiles;
    private final double threshold;

    public BoilerplateMatcher(List<MatchCandidate<K>> candidates) {
        this(candidates, DEFAULT_THRESHOLD);
    }

    public BoilerplateMatcher(List<MatchCandidate<K>> candidates, double threshold) {
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be in [0, 1]: " + threshold);
        }
        this.candidates = List.copyOf(candidates);
        this.profiles = this.candidates.stream().map(candidate -> BigramProfile.of(candidate.text())).toList();
        this.threshold = threshold;
    }

    /** The most similar candidate at or above the threshold, or empty; a blank text matches nothing. */
    public Optional<BoilerplateMatch<K>> match(String text) {
        BigramProfile profile = BigramProfile.of(text);
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        int best = -1;
        double bestSimilarity = -1;
        for (int i = 0; i < profiles.size(); i++) {
            double similarity = profile.similarity(profiles.get(i));
            if (similarity > bestSimilarity) {
                best = i;
                bestSimilarity = similarity;
            }
        }
        if (best < 0 || bestSimilarity < threshold) {
            return Optional.empty();
        }
        return Optional.of(new BoilerplateMatch<>(candidates.get(best).id(), bestSimilarity));
    }

    /**
     * The sections of a published cell ({@link BoilerplateSections}) that match a candidate, in order. A cell such
     * as 保管場所 holds local text and several components, so the cell as a whole matches none of them.
     */
    public List<RecognisedSection<K>> recognise(String cell) {
        List<RecognisedSection<K>> recognised = new ArrayList<>();
        for (BoilerplateSection section : BoilerplateSections.of(cell)) {
            match(section.body()).ifPresent(match -> recognised.add(new RecognisedSection<>(section, match)));
        }
        return recognised;
    }
}
