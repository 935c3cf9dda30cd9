package jp.hyoka.domain.rules.threshold;

import java.util.List;
import java.util.Optional;

/**
 * What a document's answers say about its しきい値判断: the decision when they decide it; otherwise the range the
 * unanswered conditions leave open ({@code lowest} … {@code highest}); the result the document states; and warnings
 * in Japanese (inputs missing, a stated result its own inputs contradict, a kind below what is mandatory); and the
 * level the document stands at: the decision, else the stated result if the range allows it, else the lowest.
 */
public record DocumentThresholdCheck(Optional<ThresholdDecision> decision, Optional<MandatoryLevel> lowest,
                                     Optional<MandatoryLevel> highest, Optional<MandatoryLevel> stated,
                                     List<String> warnings, Optional<MandatoryLevel> level) {

    public DocumentThresholdCheck {
        warnings = List.copyOf(warnings);
    }
}
