package jp.hyoka.domain.rules.deadlines;

/** The kinds of deadline, each with the rule it comes from (shown to users with the due date). */
public enum DeadlineKind {
    /** 少なくとも1年に1回、評価書を見直す (努力義務): a year after the last publication. */
    ANNUAL_REVIEW("評価書の見直し(少なくとも1年に1回、努力義務)", "最後の公表日から1年"),
    /** 規則第15条: re-assess before five years have passed since the last (re-)assessment was published. */
    FIVE_YEAR_REASSESSMENT("特定個人情報保護評価の再実施(5年経過前、規則第15条、努力義務)", "最後の評価(再評価)の公表日から5年");

    private final String label;
    private final String basis;

    DeadlineKind(String label, String basis) {
        this.label = label;
        this.basis = basis;
    }

    public String label() {
        return label;
    }

    /** From which date the deadline runs. */
    public String basis() {
        return basis;
    }
}
