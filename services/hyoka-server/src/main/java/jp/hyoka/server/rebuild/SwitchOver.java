package jp.hyoka.server.rebuild;

/** When a rebuild replaces the live tables. */
public enum SwitchOver {
    /** As soon as it has caught up with the event store. */
    WHEN_CAUGHT_UP,
    /** When an operator says so (switchReadModels); until then the copy keeps following the event store. */
    MANUAL
}
