package jp.hyoka.domain.form;

/** A whole number, such as the count in "提供を行っている (3) 件". */
public record NumberAnswer(long value) implements Answer {
    @Override
    public ItemType type() {
        return ItemType.NUMBER;
    }

    @Override
    public String plainText() {
        return Long.toString(value);
    }
}
