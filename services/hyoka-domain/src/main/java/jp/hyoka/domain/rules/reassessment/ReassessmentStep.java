package jp.hyoka.domain.rules.reassessment;

/** What a re-assessment needs before the change takes effect, in the order it is done (DOMAIN.md §3.5). */
public enum ReassessmentStep {
    /** 住民等の意見聴取: the draft published for opinions, at least 30 days unless a 短縮理由 is stated (指針第5の3). */
    PUBLIC_COMMENT("住民等の意見聴取(原則30日以上)"),
    /** 第三者点検: the opinion of a council with privacy experts, or of other appropriate persons (規則第7条第4項). */
    THIRD_PARTY_REVIEW("第三者点検"),
    /** 提出 to the 委員会 and 公表, before the change (提出時期 事前). */
    SUBMISSION_BEFORE_CHANGE("委員会への提出及び公表(変更前、事前)");

    private final String label;

    ReassessmentStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
