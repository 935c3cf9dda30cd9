package jp.hyoka.domain.components;

/**
 * Where a version of a shared component is in its cycle. A withdrawn draft is no status: it leaves the component,
 * and its number is drafted again.
 */
public enum ComponentVersionStatus {
    /** Being written by a platform operator; not visible to municipalities. */
    DRAFT,
    /** Submitted for review; publishing needs this status. */
    IN_REVIEW,
    /** Published: frozen, proposed to every document that uses the component. */
    PUBLISHED
}
