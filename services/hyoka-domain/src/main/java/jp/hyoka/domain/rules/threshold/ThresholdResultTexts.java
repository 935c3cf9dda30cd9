package jp.hyoka.domain.rules.threshold;

import jp.hyoka.domain.form.FormKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The しきい値判断結果 strings as each form prints them (DOMAIN.md §3.3): the obligation, and "(任意に重点項目評価を実施)"
 * / "(任意に全項目評価を実施)" when the document does more than is mandatory. The 全項目評価書 offers 4 options, the
 * 重点項目評価書 3 (it cannot state that 全項目評価 is mandatory: a 重点 document is then not enough).
 *
 * <p>The 基礎項目評価書 prints the obligation alone, all 4 options. Why: every 事務 under obligation writes one,
 * whatever the level (§1.1), so its result is never voluntary beside a 重点 or 全項目 document, and the guide
 * presumes its list lacks the suffix (§3.3, unverified). A 基礎 written where nothing is mandatory therefore prints
 * 「特定個人情報保護評価の実施が義務付けられない」, which already says it was not required.
 */
public final class ThresholdResultTexts {

    private ThresholdResultTexts() {
    }

    /** The result a document of {@code kind} prints under {@code mandatory}; empty if its form has no such option. */
    public static Optional<String> render(MandatoryLevel mandatory, FormKind kind) {
        if (kind == FormKind.BASIC_ITEMS) {
            return Optional.of(mandatory.obligation());
        }
        MandatoryLevel reached = MandatoryLevel.reachedBy(kind);
        if (reached.compareTo(mandatory) < 0) {
            return Optional.empty();
        }
        if (reached == mandatory) {
            return Optional.of(mandatory.obligation());
        }
        return Optional.of(mandatory.obligation() + "(任意に" + assessmentName(kind) + "を実施)");
    }

    /** The options of {@code kind}'s form, in the form's order (highest obligation first). */
    public static List<String> options(FormKind kind) {
        List<MandatoryLevel> highestFirst = new ArrayList<>(List.of(MandatoryLevel.values()));
        Collections.reverse(highestFirst);
        return highestFirst.stream().flatMap(level -> render(level, kind).stream()).toList();
    }

    private static String assessmentName(FormKind kind) {
        return switch (kind) {
            case BASIC_ITEMS -> "基礎項目評価";
            case KEY_ITEMS -> "重点項目評価";
            case ALL_ITEMS -> "全項目評価";
        };
    }
}
