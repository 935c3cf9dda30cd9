package jp.hyoka.domain.rules.deadlines;

/** Where a deadline stands on a given day. */
public enum DeadlineStatus {
    /** The due date has passed. */
    OVERDUE,
    /** Due within {@link Deadlines#DUE_SOON_DAYS} days (or today). */
    DUE_SOON,
    /** Further away. */
    UPCOMING
}
