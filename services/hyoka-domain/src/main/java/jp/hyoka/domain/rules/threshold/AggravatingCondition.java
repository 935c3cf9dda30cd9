package jp.hyoka.domain.rules.threshold;

/** What raises the mandatory level of a 事務 with 1万人以上30万人未満 対象人数 (DOMAIN.md §3.2). */
public enum AggravatingCondition {
    /** 取扱者数 ≥ 500. */
    HANDLERS_AT_LEAST_500,
    /** 特定個人情報に関する重大事故 within the past 1 year. */
    SERIOUS_INCIDENT_IN_PAST_YEAR
}
