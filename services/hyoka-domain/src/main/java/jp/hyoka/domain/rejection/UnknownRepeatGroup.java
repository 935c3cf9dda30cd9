package jp.hyoka.domain.rejection;

/** The assessment's form revision has no repeating group with this id. */
public record UnknownRepeatGroup(String groupId, String form) implements Rejection {
    @Override
    public String code() {
        return "UNKNOWN_REPEAT_GROUP";
    }

    @Override
    public String message() {
        return "Form " + form + " has no repeating group '" + groupId + "'.";
    }
}
