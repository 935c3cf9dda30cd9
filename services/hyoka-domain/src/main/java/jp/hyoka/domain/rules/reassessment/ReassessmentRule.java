package jp.hyoka.domain.rules.reassessment;

import jp.hyoka.domain.form.FormKind;

import java.util.List;

/**
 * Decides whether a next version is a re-assessment (DOMAIN.md §3.4: 規則第11条 重要な変更 ⇒ 再実施, 事前) or a
 * correction (評価書の修正 ⇒ 事後). Only the form's marks (※, the best proxy for PPC's designated items) decide: a
 * change the municipality judges not to vary the risk may still be submitted 事後 with that explanation, which the
 * publication records. The first version is the assessment itself, not a re-assessment.
 */
public final class ReassessmentRule {

    private ReassessmentRule() {
    }

    /** {@code importantChangedItems}: the ids of changed items the form marks 重要な変更, in form order. */
    public static ReassessmentNeed decide(FormKind kind, boolean nextVersion, List<String> importantChangedItems) {
        if (!nextVersion) {
            return new ReassessmentNeed(false, List.of(), List.of(),
                    "初版の評価であり、再評価ではない(" + kind.japaneseName() + "として初めて公表する)");
        }
        if (importantChangedItems.isEmpty()) {
            return new ReassessmentNeed(false, List.of(), List.of(),
                    "重要な変更に当たる項目の変更を含まないため、評価書の修正として事後の提出・公表で足りる");
        }
        List<ReassessmentStep> steps = kind == FormKind.ALL_ITEMS
                ? List.of(ReassessmentStep.PUBLIC_COMMENT, ReassessmentStep.THIRD_PARTY_REVIEW,
                        ReassessmentStep.SUBMISSION_BEFORE_CHANGE)
                : List.of(ReassessmentStep.SUBMISSION_BEFORE_CHANGE);
        String extra = kind == FormKind.ALL_ITEMS
                ? "全項目評価のため、住民等の意見聴取及び第三者点検を経て、"
                : "";
        return new ReassessmentNeed(true, importantChangedItems, steps,
                "重要な変更に当たる項目(" + importantChangedItems.size() + "件)の変更を含むため、特定個人情報保護評価を"
                        + "再実施し、" + extra + "変更前に委員会への提出及び公表を行う(事前、規則第11条)");
    }
}
