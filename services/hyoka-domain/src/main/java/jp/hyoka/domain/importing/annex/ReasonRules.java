package jp.hyoka.domain.importing.annex;

import java.util.List;
import java.util.function.Predicate;

/**
 * Keyword rules from DOMAIN.md §4.3, tried in order; the first that matches wins. The order matters because the
 * wordings overlap: almost every 事後 explanation ends in "重要な変更には該当しない", so the specific reasons come
 * first and {@link ReasonCode#IMPORTANT_CHANGE} only applies to wording that is not negated; "軽微な修正(法改正に伴う
 * 改正)" is a law amendment before it is minor wording; "法令改正に伴うシステム機能の変更" is a law amendment, not a
 * system description; and the risk-not-material wording also contains the risk-reduced one.
 */
public final class ReasonRules {

    private record Rule(ReasonCode code, Predicate<String> matches) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(ReasonCode.VOLUNTARY_EARLY, key -> key.contains("任意") && key.contains("事前")),
            new Rule(ReasonCode.REASSESSMENT, key -> key.contains("再実施")),
            new Rule(ReasonCode.SERIOUS_INCIDENT, key -> key.contains("重大事故")),
            new Rule(ReasonCode.FORMAL_CHANGE, key -> key.contains("形式的")),
            new Rule(ReasonCode.RISK_NOT_MATERIAL_OR_REDUCED, key -> key.contains("相当程度変動")),
            new Rule(ReasonCode.RISK_REDUCED, key -> containsAny(key, "軽減", "低減")),
            new Rule(ReasonCode.ORG_RENAME, key -> containsAny(key, "組織変更", "組織改正", "組織改編")),
            new Rule(ReasonCode.PERSONNEL, key -> key.contains("人事異動")),
            new Rule(ReasonCode.VENDOR_CHANGE, key -> containsAny(key, "業者変更", "社名変更", "委託先の変更")),
            new Rule(ReasonCode.OPERATION_CHANGE, key -> containsAny(key, "運用の変更", "運用変更")),
            new Rule(ReasonCode.GUIDANCE_REVIEW, key -> key.contains("指針")),
            new Rule(ReasonCode.LAW_AMENDMENT, key -> containsAny(key, "法令改正", "法改正", "法令の改正", "法律の改正")),
            new Rule(ReasonCode.SYSTEM_DESCRIPTION,
                    key -> key.contains("システム") && containsAny(key, "記載内容", "改修")),
            new Rule(ReasonCode.NOT_IMPORTANT_ITEM, key -> containsAny(key, "重要な変更に関する項目ではない", "その他の項目")),
            new Rule(ReasonCode.MINOR_WORDING,
                    key -> containsAny(key, "軽微", "記載事項の整理", "実態に即した", "規程の改定", "文言")),
            new Rule(ReasonCode.IMPORTANT_CHANGE, ReasonRules::claimsImportantChange));

    private ReasonRules() {
    }

    public static ReasonCode suggest(String explanation) {
        String key = AnnexText.key(explanation == null ? "" : explanation);
        if (key.isEmpty()) {
            return ReasonCode.NONE;
        }
        return RULES.stream().filter(rule -> rule.matches().test(key)).map(Rule::code).findFirst()
                .orElse(ReasonCode.OTHER);
    }

    /** "重要な変更", "…義務付けられている" — but not "重要な変更には当たらない" and its variants. */
    private static boolean claimsImportantChange(String key) {
        if (key.contains("義務付けられている")) {
            return true;
        }
        return containsAny(key, "重要な変更", "重要な項目の変更")
                && !containsAny(key, "該当しない", "当たらない", "ではない", "義務付けられない");
    }

    private static boolean containsAny(String key, String... words) {
        for (String word : words) {
            if (key.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
