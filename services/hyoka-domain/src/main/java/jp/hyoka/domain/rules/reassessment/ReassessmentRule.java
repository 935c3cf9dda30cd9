package jp.hyoka.domain.rules.reassessment;

import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.rules.threshold.KindComparison;
import jp.hyoka.domain.rules.threshold.MandatoryLevel;

import java.util.List;
import java.util.Optional;

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
        return decide(kind, nextVersion, importantChangedItems, Optional.empty(), Optional.empty());
    }

    /**
     * The same, and whether the draft's しきい値判断 (its own answers' level) rose above the published version's:
     * 規則第14条第3項 asks for the newly required assessment promptly (DOMAIN.md §3.4 trigger ③), so the draft is a
     * re-assessment whatever else changed; when the level now needs a higher kind, the explanation says so.
     */
    public static ReassessmentNeed decide(FormKind kind, boolean nextVersion, List<String> importantChangedItems,
                                          Optional<MandatoryLevel> publishedLevel, Optional<MandatoryLevel> draftLevel) {
        ReassessmentNeed byItems = byItems(kind, nextVersion, importantChangedItems);
        if (!nextVersion || publishedLevel.isEmpty() || draftLevel.isEmpty()
                || draftLevel.get().compareTo(publishedLevel.get()) <= 0) {
            return byItems;
        }
        String higherKind = KindComparison.of(draftLevel.get(), kind).warning().map(warning -> "。" + warning)
                .orElse("");
        return new ReassessmentNeed(true, byItems.importantItems(), steps(kind),
                "しきい値判断結果が上がった(" + publishedLevel.get().obligation() + "→" + draftLevel.get().obligation()
                        + ")ため、特定個人情報保護評価を再実施する(規則第14条第3項)" + higherKind);
    }

    private static List<ReassessmentStep> steps(FormKind kind) {
        return kind == FormKind.ALL_ITEMS
                ? List.of(ReassessmentStep.PUBLIC_COMMENT, ReassessmentStep.THIRD_PARTY_REVIEW,
                        ReassessmentStep.SUBMISSION_BEFORE_CHANGE)
                : List.of(ReassessmentStep.SUBMISSION_BEFORE_CHANGE);
    }

    private static ReassessmentNeed byItems(FormKind kind, boolean nextVersion, List<String> importantChangedItems) {
        if (!nextVersion) {
            return new ReassessmentNeed(false, List.of(), List.of(),
                    "初版の評価であり、再評価ではない(" + kind.japaneseName() + "として初めて公表する)");
        }
        if (importantChangedItems.isEmpty()) {
            return new ReassessmentNeed(false, List.of(), List.of(),
                    "重要な変更に当たる項目の変更を含まないため、評価書の修正として事後の提出・公表で足りる");
        }
        List<ReassessmentStep> steps = steps(kind);
        String extra = kind == FormKind.ALL_ITEMS
                ? "全項目評価のため、住民等の意見聴取及び第三者点検を経て、"
                : "";
        return new ReassessmentNeed(true, importantChangedItems, steps,
                "重要な変更に当たる項目(" + importantChangedItems.size() + "件)の変更を含むため、特定個人情報保護評価を"
                        + "再実施し、" + extra + "変更前に委員会への提出及び公表を行う(事前、規則第11条)");
    }
}
