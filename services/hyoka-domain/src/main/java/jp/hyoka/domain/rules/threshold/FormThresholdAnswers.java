package jp.hyoka.domain.rules.threshold;

import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.FormKind;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a document's しきい値 answers by the form's stable item ids and option codes (schema/forms: the same in every
 * revision): 対象人数 in every form; 取扱者数 ≥ 500, the 1-year 重大事故 and the counting dates in the 基礎項目評価書
 * only; the stated しきい値判断結果 (III in the 基礎, V/VI 1 ② in the others).
 */
public final class FormThresholdAnswers {

    private static final Map<String, PersonsBand> BANDS = Map.of(
            "under-1k", PersonsBand.UNDER_1_000,
            "1k-to-10k", PersonsBand.FROM_1_000_UNDER_10_000,
            "10k-to-100k", PersonsBand.FROM_10_000_UNDER_100_000,
            "100k-to-300k", PersonsBand.FROM_100_000_UNDER_300_000,
            "300k-or-more", PersonsBand.FROM_300_000);
    private static final Map<String, MandatoryLevel> RESULTS = Map.of(
            "not-mandatory", MandatoryLevel.NONE,
            "mandatory-basic", MandatoryLevel.BASIC,
            "mandatory-basic-and-key", MandatoryLevel.BASIC_AND_KEY_ITEMS,
            "mandatory-basic-and-all", MandatoryLevel.BASIC_AND_ALL_ITEMS);

    private FormThresholdAnswers() {
    }

    /** {@code answers}: the answer of an item (outside any repeat entry) by its id, if any. */
    public static DocumentThresholdAnswers of(FormKind kind, Function<String, Optional<Answer>> answers) {
        return new DocumentThresholdAnswers(kind,
                choice(answers, "affair.target-population").map(BANDS::get),
                date(answers, "threshold.target-count-as-of"),
                choice(answers, "threshold.handlers-500-or-more").map("yes"::equals),
                date(answers, "threshold.handlers-as-of"),
                choice(answers, "threshold.serious-incident").map("occurred"::equals),
                choice(answers, kind == FormKind.BASIC_ITEMS ? "threshold.result"
                        : "procedure.basic-assessment.threshold-result").map(RESULTS::get));
    }

    private static Optional<String> choice(Function<String, Optional<Answer>> answers, String itemId) {
        return answers.apply(itemId).filter(ChoiceAnswer.class::isInstance)
                .map(answer -> ((ChoiceAnswer) answer).optionCode());
    }

    private static Optional<LocalDate> date(Function<String, Optional<Answer>> answers, String itemId) {
        return answers.apply(itemId).filter(DateAnswer.class::isInstance).map(answer -> ((DateAnswer) answer).date());
    }
}
