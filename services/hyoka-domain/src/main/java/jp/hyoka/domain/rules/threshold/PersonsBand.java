package jp.hyoka.domain.rules.threshold;

/**
 * The 対象人数 bands of the decision table (DOMAIN.md §3.2), each with its lower bound and its Japanese label. Only
 * the two middle bands weigh 取扱者数 and 重大事故; below and above them the count alone decides.
 */
public enum PersonsBand {
    UNDER_1_000(0, "1,000人未満", false),
    FROM_1_000_UNDER_10_000(1_000, "1,000人以上1万人未満", false),
    FROM_10_000_UNDER_100_000(10_000, "1万人以上10万人未満", true),
    FROM_100_000_UNDER_300_000(100_000, "10万人以上30万人未満", true),
    FROM_300_000(300_000, "30万人以上", false);

    private final long lowerBound;
    private final String label;
    private final boolean weighsConditions;

    PersonsBand(long lowerBound, String label, boolean weighsConditions) {
        this.lowerBound = lowerBound;
        this.label = label;
        this.weighsConditions = weighsConditions;
    }

    /** The band {@code persons} (0 or more) falls in. */
    public static PersonsBand of(long persons) {
        PersonsBand band = UNDER_1_000;
        for (PersonsBand candidate : values()) {
            if (persons >= candidate.lowerBound) {
                band = candidate;
            }
        }
        return band;
    }

    /** The fewest persons in the band (what a document answering only the band is judged by: the table's edges). */
    public long lowerBound() {
        return lowerBound;
    }

    public String label() {
        return label;
    }

    /** Whether 取扱者数 ≥ 500 or a 重大事故 raises the mandatory level in this band. */
    public boolean weighsConditions() {
        return weighsConditions;
    }
}
