package jp.hyoka.domain.rejection;

/** Text over the item's limit, counted in characters (Unicode code points) after cleaning (see PlainText). */
public record TextTooLong(String itemId, int maxLength, int actualLength) implements Rejection {
    @Override
    public String code() {
        return "TEXT_TOO_LONG";
    }

    @Override
    public String message() {
        return "'" + itemId + "' allows at most " + maxLength + " characters; this text has " + actualLength + ".";
    }
}
