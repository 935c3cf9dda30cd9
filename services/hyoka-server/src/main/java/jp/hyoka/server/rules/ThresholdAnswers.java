package jp.hyoka.server.rules;

import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.rules.threshold.DocumentThresholdAnswers;
import jp.hyoka.domain.rules.threshold.MandatoryLevel;
import jp.hyoka.domain.rules.threshold.PersonsBand;
import jp.hyoka.server.assessment.AnswerView;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a document's しきい値 answers by the form's stable item ids and option codes (schema/forms: the same in every
 * revision): 対象人数 in every form; 取扱者数 ≥ 500, the 1-year 重大事故 and the counting dates in the 基礎項目評価書
 * only; the stated しきい値判断結果 (III in the 基礎, V/VI 1 ② in the others).
 */
final class ThresholdAnswers {

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

    private ThresholdAnswers() {
    }

    static DocumentThresholdAnswers of(FormKind kind, List<AnswerView> answers) {
        return new DocumentThresholdAnswers(kind,
                choice(answers, "affair.target-population").map(BANDS::get),
                date(answers, "threshold.target-count-as-of"),
                choice(answers, "threshold.handlers-500-or-more").map("yes"::equals),
                date(answers, "threshold.handlers-as-of"),
                choice(answers, "threshold.serious-incident").map("occurred"::equals),
                choice(answers, kind == FormKind.BASIC_ITEMS ? "threshold.result"
                        : "procedure.basic-assessment.threshold-result").map(RESULTS::get));
    }

    private static Optional<String> choice(List<AnswerView> answers, String itemId) {
        return answer(answers, itemId).filter(ChoiceAnswer.class::isInstance)
                .map(answer -> ((ChoiceAnswer) answer).optionCode());
    }

    private static Optional<LocalDate> date(List<AnswerView> answers, String itemId) {
        return answer(answers, itemId).filter(DateAnswer.class::isInstance).map(answer -> ((DateAnswer) answer).date());
    }

    /** The item's answer outside any repeat entry. */
    private static Optional<Answer> answer(List<AnswerView> answers, String itemId) {
        return answers.stream().filter(view -> view.itemId().equals(itemId) && view.entries().isEmpty())
                .map(AnswerView::answer).findFirst();
    }
}
