package jp.hyoka.domain.rejection;

/** The form allows at most {@code max} entries of this group (e.g. システム 1..20). */
public record RepeatLimitReached(String groupId, int max) implements Rejection {
    @Override
    public String code() {
        return "REPEAT_LIMIT_REACHED";
    }

    @Override
    public String message() {
        return "Group '" + groupId + "' allows at most " + max + " entries.";
    }
}
