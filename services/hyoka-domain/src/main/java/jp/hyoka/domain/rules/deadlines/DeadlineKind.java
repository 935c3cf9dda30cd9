package jp.hyoka.domain.rules.deadlines;

/**
 * The kinds of deadline, each with the rule it comes from (shown to users with the due date). Most are obligations
 * to act by the due date; a {@link #window()} is a period that ends on it, after which something may change (the
 * status of a window past its end is {@link DeadlineStatus#ELAPSED}, never overdue).
 */
public enum DeadlineKind {
    /** 少なくとも1年に1回、評価書を見直す (努力義務): a year after the last publication. */
    ANNUAL_REVIEW("評価書の見直し(少なくとも1年に1回、努力義務)", "最後の公表日から1年", false),
    /** 規則第15条: re-assess before five years have passed since the last (re-)assessment was published. */
    FIVE_YEAR_REASSESSMENT("特定個人情報保護評価の再実施(5年経過前、規則第15条、努力義務)", "最後の評価(再評価)の公表日から5年",
            false),
    /** After the 事務 ended the 評価書 stays published (名 marked 【…終了】) for three years; then it may be taken down. */
    PUBLICATION_AFTER_AFFAIR_END("事務終了後の公表期間(終了から3年間は公表を継続)", "事務の終了日から3年", true),
    /** A 重大事故 raises the しきい値判断 for a year (過去1年以内); at its end the judgement is made again. */
    SERIOUS_INCIDENT_THRESHOLD("重大事故によるしきい値判断への影響(過去1年以内)の終了: しきい値判断の再確認", "重大事故の発覚日から1年",
            true),
    /** III 7 asks for 重大事故 of the past three years; at its end the answer is reviewed. */
    SERIOUS_INCIDENT_DISCLOSURE("重大事故の記載期間(III 7「過去3年以内」)の終了: リスク対策の記載の見直し", "重大事故の発覚日から3年",
            true);

    private final String label;
    private final String basis;
    private final boolean window;

    DeadlineKind(String label, String basis, boolean window) {
        this.label = label;
        this.basis = basis;
        this.window = window;
    }

    public String label() {
        return label;
    }

    /** From which date the deadline runs. */
    public String basis() {
        return basis;
    }

    /** True for a period that ends on the due date rather than something to do by then. */
    public boolean window() {
        return window;
    }
}
