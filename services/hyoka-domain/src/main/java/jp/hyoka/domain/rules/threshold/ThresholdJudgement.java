package jp.hyoka.domain.rules.threshold;

import java.util.ArrayList;
import java.util.List;

/**
 * しきい値判断: the decision table of DOMAIN.md §3.2, returning what is <em>mandatory</em>; the municipality may
 * always do more. The rows below 1,000人 and from 10万人 up are checked against 成田市's and 島本町's pages; the rows
 * between are inferred there, consistent with the samples (墨田区, 横浜市).
 *
 * <table>
 *   <tr><th>対象人数</th><th>取扱者数 ≥ 500 or 重大事故 (過去1年以内)</th><th>mandatory</th></tr>
 *   <tr><td>1,000人未満</td><td>—</td><td>none</td></tr>
 *   <tr><td>1,000人以上1万人未満</td><td>—</td><td>基礎</td></tr>
 *   <tr><td>1万人以上10万人未満</td><td>neither / either</td><td>基礎 / 基礎 + 重点</td></tr>
 *   <tr><td>10万人以上30万人未満</td><td>neither / either</td><td>基礎 + 重点 / 基礎 + 全項目</td></tr>
 *   <tr><td>30万人以上</td><td>—</td><td>基礎 + 全項目</td></tr>
 * </table>
 */
public final class ThresholdJudgement {

    private ThresholdJudgement() {
    }

    public static ThresholdDecision judge(ThresholdInputs inputs) {
        PersonsBand band = PersonsBand.of(inputs.persons());
        List<AggravatingCondition> aggravatedBy = band.weighsConditions() ? conditions(inputs) : List.of();
        boolean aggravated = !aggravatedBy.isEmpty();
        MandatoryLevel mandatory = switch (band) {
            case UNDER_1_000 -> MandatoryLevel.NONE;
            case FROM_1_000_UNDER_10_000 -> MandatoryLevel.BASIC;
            case FROM_10_000_UNDER_100_000 -> aggravated ? MandatoryLevel.BASIC_AND_KEY_ITEMS : MandatoryLevel.BASIC;
            case FROM_100_000_UNDER_300_000 ->
                    aggravated ? MandatoryLevel.BASIC_AND_ALL_ITEMS : MandatoryLevel.BASIC_AND_KEY_ITEMS;
            case FROM_300_000 -> MandatoryLevel.BASIC_AND_ALL_ITEMS;
        };
        return new ThresholdDecision(inputs, band, aggravatedBy, mandatory);
    }

    private static List<AggravatingCondition> conditions(ThresholdInputs inputs) {
        List<AggravatingCondition> present = new ArrayList<>();
        if (inputs.handlersAtLeast500()) {
            present.add(AggravatingCondition.HANDLERS_AT_LEAST_500);
        }
        if (inputs.seriousIncidentInPastYear()) {
            present.add(AggravatingCondition.SERIOUS_INCIDENT_IN_PAST_YEAR);
        }
        return List.copyOf(present);
    }
}
