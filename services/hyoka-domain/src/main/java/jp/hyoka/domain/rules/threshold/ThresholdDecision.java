package jp.hyoka.domain.rules.threshold;

import jp.hyoka.domain.form.FormKind;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a しきい値判断: what is mandatory and why, what a document of a given kind prints as its
 * しきい値判断結果, and whether that kind is enough.
 *
 * @param aggravatedBy the conditions that raised the level; empty where the band alone decides (DOMAIN.md §3.2)
 */
public record ThresholdDecision(ThresholdInputs inputs, PersonsBand band, List<AggravatingCondition> aggravatedBy,
                                MandatoryLevel mandatory) {

    public ThresholdDecision {
        aggravatedBy = List.copyOf(aggravatedBy);
    }

    /**
     * The rule that applied, in Japanese: the 対象人数 band, the conditions where the band weighs them (present or
     * absent), and the obligation, e.g. 「対象人数が10万人以上30万人未満で、取扱者数が500人以上のため、
     * 基礎項目評価及び全項目評価の実施が義務付けられる」.
     */
    public String explanation() {
        String grounds = band.weighsConditions() ? "で、" + conditionClause() : "のため";
        return "対象人数が" + band.label() + grounds + "、" + mandatory.obligation();
    }

    private String conditionClause() {
        boolean handlers = aggravatedBy.contains(AggravatingCondition.HANDLERS_AT_LEAST_500);
        boolean incident = aggravatedBy.contains(AggravatingCondition.SERIOUS_INCIDENT_IN_PAST_YEAR);
        if (handlers && incident) {
            return "取扱者数が500人以上であり、かつ過去1年以内に特定個人情報に関する重大事故が発生したため";
        }
        if (handlers) {
            return "取扱者数が500人以上のため";
        }
        if (incident) {
            return "過去1年以内に特定個人情報に関する重大事故が発生したため";
        }
        return "取扱者数が500人未満であり、かつ過去1年以内に特定個人情報に関する重大事故が発生していないため";
    }

    /**
     * The しきい値判断結果 a document of {@code kind} prints; empty when its form has no such option (a 重点項目評価書
     * where 全項目評価 is mandatory). See {@link ThresholdResultTexts}.
     */
    public Optional<String> resultText(FormKind kind) {
        return ThresholdResultTexts.render(mandatory, kind);
    }

    public KindComparison compare(FormKind kind) {
        return KindComparison.of(mandatory, kind);
    }
}
