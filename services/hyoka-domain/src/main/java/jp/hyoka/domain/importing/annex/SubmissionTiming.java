package jp.hyoka.domain.importing.annex;

import java.util.Optional;

/**
 * 提出時期: whether the revised 評価書 was submitted and published before (事前) or after (事後) the change took
 * effect (DOMAIN.md §3.4, §4.2). These are the only legitimate values; anything else is unknown.
 */
public enum SubmissionTiming {
    /** 事前: a 重要な変更 that must be submitted first, or a voluntary early submission. */
    BEFORE("事前"),
    /** 事後: submitted after the change took effect. */
    AFTER("事後");

    private final String label;

    SubmissionTiming(String label) {
        this.label = label;
    }

    /** The word as printed in the 提出時期 column. */
    public String label() {
        return label;
    }

    /** "事前" or "事後" (HTML tags and spaces ignored); empty for anything else, including blank and "----". */
    public static Optional<SubmissionTiming> fromCell(String cell) {
        String key = AnnexText.key(cell == null ? "" : cell);
        for (SubmissionTiming timing : values()) {
            if (timing.label.equals(key)) {
                return Optional.of(timing);
            }
        }
        return Optional.empty();
    }
}
