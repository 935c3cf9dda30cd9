package jp.hyoka.domain.form;

import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.NumberOutOfRange;
import jp.hyoka.domain.rejection.OptionNotAllowed;
import jp.hyoka.domain.rejection.TextTooLong;
import jp.hyoka.domain.rejection.WrongAnswerType;

import java.util.Objects;

/**
 * Checks an answer against the item it is meant for and returns it in the one form Hyoka stores: plain text
 * without control characters, rich text sanitised. Anything that does not fit is rejected, never coerced.
 */
public final class AnswerRules {

    private final RichTextSanitizer sanitizer;

    public AnswerRules(RichTextSanitizer sanitizer) {
        this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
    }

    public Answer accept(Item item, Answer answer) {
        if (answer.type() != item.type()) {
            throw new CommandRejected(new WrongAnswerType(item.id().value(), item.type(), answer.type()));
        }
        if (answer instanceof TextAnswer text) {
            return new TextAnswer(withinLimit(item, notBlank(item, PlainText.clean(text.text()))));
        }
        if (answer instanceof RichTextAnswer rich) {
            String html = sanitizer.sanitize(rich.html()).strip();
            notBlank(item, new RichTextAnswer(html).plainText());
            return new RichTextAnswer(withinLimit(item, html));
        }
        if (answer instanceof NumberAnswer number
                && (number.value() < item.minimum() || number.value() > item.maximum())) {
            throw new CommandRejected(new NumberOutOfRange(item.id().value(), item.minimum(), item.maximum(), number.value()));
        }
        if (answer instanceof ChoiceAnswer choice && item.option(choice.optionCode()).isEmpty()) {
            throw new CommandRejected(new OptionNotAllowed(item.id().value(), choice.optionCode(),
                    item.options().stream().map(ChoiceOption::code).toList()));
        }
        return answer;
    }

    /** An empty answer is not an answer: removing one is ClearAnswer, which the history then shows as such. */
    private static String notBlank(Item item, String text) {
        if (text.isEmpty()) {
            throw new CommandRejected(new InvalidInput("value", "the answer to '" + item.id().value()
                    + "' is empty; clear the answer instead of setting an empty one"));
        }
        return text;
    }

    private static String withinLimit(Item item, String text) {
        int length = text.codePointCount(0, text.length());
        if (length > item.maxLength()) {
            throw new CommandRejected(new TextTooLong(item.id().value(), item.maxLength(), length));
        }
        return text;
    }
}
