package jp.hyoka.domain.rejection;

/** A number outside the item's range (counts, for instance, are never negative). */
public record NumberOutOfRange(String itemId, long minimum, long maximum, long givenNumber) implements Rejection {
    @Override
    public String code() {
        return "NUMBER_OUT_OF_RANGE";
    }

    @Override
    public String message() {
        return "'" + itemId + "' takes a number from " + minimum + " to " + maximum + "; got " + givenNumber + ".";
    }
}
