package jp.hyoka.domain.rules.deadlines;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A publication of the assessment (公表日), and whether it was a (re-)assessment: the first one, or one whose changes
 * include a 事前 change (a 重要な変更, re-assessed before it took effect); otherwise a correction (事後 only).
 */
public record Publication(LocalDate publishedOn, boolean reassessment) {

    public Publication {
        Objects.requireNonNull(publishedOn, "publishedOn");
    }
}
