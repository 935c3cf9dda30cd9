package jp.hyoka.domain.procedure;

/** A step of the 評価実施手続; the names are those of schema/procedures/procedures.json. */
public enum ProcedureStep {
    /** 住民等の意見聴取 opened for a period (VI 2 ②, ③). */
    PUBLIC_COMMENT_OPENED,
    /** 住民等の意見聴取 closed, with the opinions received and how they were reflected (VI 2 ④, ⑤). */
    PUBLIC_COMMENT_CLOSED,
    /** 第三者点検 (VI 3). */
    THIRD_PARTY_REVIEW,
    /** 個人情報保護委員会への提出. */
    SUBMITTED_TO_COMMISSION
}
