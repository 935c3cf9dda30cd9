package jp.hyoka.domain.rules.deadlines;

/** Where a deadline stands on a given day. */
public enum DeadlineStatus {
    /** The due date of an obligation has passed. */
    OVERDUE,
    /** Due within {@link Deadlines#DUE_SOON_DAYS} days (or today). */
    DUE_SOON,
    /** Further away. */
    UPCOMING,
    /** A window ({@link DeadlineKind#window()}) that has ended: what it held back may now be done. */
    ELAPSED
}
