package jp.hyoka.domain.importing.annex;

/**
 * Why a change was submitted 事前 or 事後, normalised from the free-text 提出時期に係る説明 (DOMAIN.md §4.3). For 事後 rows
 * the explanation says why the change is not a 重要な変更; for 事前 rows, whether it is one or a voluntary early
 * submission. The code is a suggestion for authors, the explanation text stays authoritative.
 */
public enum ReasonCode {
    /** 重要な変更 (incl. "重要な項目の変更であって事前の提出・公表が義務付けられている"). */
    IMPORTANT_CHANGE,
    /** "事後で足りるものの任意に事前に提出". */
    VOLUNTARY_EARLY,
    /** "保護評価の再実施に伴う修正", "再実施日を記載する。". */
    REASSESSMENT,
    /** "形式的な変更であるため、事前の提出・公表が義務付けられない". */
    FORMAL_CHANGE,
    /** "…リスクを相当程度変動させるものではないと考えられる変更又は当該リスクを明らかに軽減させる変更のため…". */
    RISK_NOT_MATERIAL_OR_REDUCED,
    /** "リスクを明らかに軽減させる変更のため…", "セキュリティリスクを低減させる変更のため…". */
    RISK_REDUCED,
    /** "特定個人情報に関する重大事故の発生に伴うものであり…". */
    SERIOUS_INCIDENT,
    /** "組織変更に伴う単なる名称変更であるため…". */
    ORG_RENAME,
    /** "人事異動による変更であるため…". */
    PERSONNEL,
    /** "契約変更に伴う単なる業者変更であるため…", "委託先の社名変更であるため…". */
    VENDOR_CHANGE,
    /** "運用の変更であるため…". */
    OPERATION_CHANGE,
    /** "システムに関する記載内容の変更のため…", "システム改修に伴う変更の為…". */
    SYSTEM_DESCRIPTION,
    /** "法令改正に伴う…", "法改正に伴う対応", "軽微な修正(法改正に伴う改正)". */
    LAW_AMENDMENT,
    /** "重要な変更に関する項目ではない。", "その他の項目であり、事前の公表が義務付けられない". */
    NOT_IMPORTANT_ITEM,
    /** "軽微な修正", "表現の軽微な変更", "記載事項の整理", "実態に即した内容への修正", "本市の規程の改定に伴う改正". */
    MINOR_WORDING,
    /** "軽微な修正(特定個人情報保護評価指針の解説等に基づき見直し)". */
    GUIDANCE_REVIEW,
    /** An explanation none of the rules recognises, e.g. "クラウド化されるため". */
    OTHER,
    /** No explanation given. */
    NONE;

    /** The code the keyword rules suggest for an explanation (HTML, width and spacing variants are ignored). */
    public static ReasonCode suggestFor(String explanation) {
        return ReasonRules.suggest(explanation);
    }
}
