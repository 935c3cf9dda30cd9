package jp.hyoka.domain.rejection;

/**
 * Adopting a new version into adapted text needs one resolution per conflicting part of the three-way merge, in
 * order; {@code conflicts} is how many there are.
 */
public record MergeConflictsUnresolved(String useId, int conflicts, int resolutionsGiven) implements Rejection {
    @Override
    public String code() {
        return "MERGE_CONFLICTS_UNRESOLVED";
    }

    @Override
    public String message() {
        return "The local text of use '" + useId + "' and the new version conflict in " + conflicts
                + " place(s); " + resolutionsGiven + " resolution(s) were given. Resolve each conflict, in order.";
    }
}
