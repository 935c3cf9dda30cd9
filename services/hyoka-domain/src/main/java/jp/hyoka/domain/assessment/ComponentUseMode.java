package jp.hyoka.domain.assessment;

/** How an item of a document uses a shared component. */
public enum ComponentUseMode {
    /** The text is the component's version, slots filled; it changes only by adopting a new version. */
    LOCKED,
    /** The component's version plus a local change, kept as its difference against the version. */
    ADAPTED,
    /** A plain copy: no longer followed, no proposals; kept so that the document's provenance stays visible. */
    DETACHED;

    /** Followed uses receive proposals when the component publishes a new version. */
    public boolean followed() {
        return this != DETACHED;
    }
}
