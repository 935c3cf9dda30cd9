package jp.hyoka.domain.importing.body;

import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.JapaneseDates;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.NumberAnswer;
import jp.hyoka.domain.form.PlainText;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.Selection;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.importing.DecodedSelection;
import jp.hyoka.domain.importing.SelectionCells;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.importing.Nfkc;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the cell text printed for an item into an answer of the item's type, through the same {@link AnswerRules}
 * as a typed edit (rich text sanitised, limits checked), so an import can never store what an edit could not.
 */
final class ValueReader {

    /** What a printed value became. */
    sealed interface Read permits Accepted, Blank, Refused {
    }

    /** An accepted answer, and option texts printed beside it that the form does not have. */
    record Accepted(Answer answer, List<String> unknownOptions) implements Read {
        Accepted(Answer answer) {
            this(answer, List.of());
        }
    }

    /** The document left the item empty ("", a dash, or a selection with nothing ticked). */
    record Blank() implements Read {
    }

    record Refused(String message) implements Read {
    }

    private static final Pattern DASHES = Pattern.compile("^[-—－―−‐ー]+$");
    private static final Pattern NUMBER = Pattern.compile("^-?[0-9,]+$");
    /** A tag opened at the very end of a value and never closed: what is left of a tag where the file was cut. */
    private static final Pattern OPEN_TAG_AT_END = Pattern.compile("<[A-Za-z/][^>]*$");
    /** "時点", "現在" after a date say the day a count was taken: the date is the answer. */
    private static final Pattern AS_OF = Pattern.compile("\\s*(?:時点|現在)$");
    private static final Pattern NUMBER_NOISE = Pattern.compile("[\\s件人]");

    private final AnswerRules rules;
    /** What is left of a tag where the file was cut ("<span cla"), or "" when the file ends whole. */
    private final String cutTag;

    private ValueReader(AnswerRules rules, String cutTag) {
        this.rules = rules;
        this.cutTag = cutTag;
    }

    /**
     * One reader per document read. It remembers nothing: the body reads a value against a second revision of its
     * kind only where the item differs ({@link BodyReader#values}). A file cut off inside a tag (decoding warns
     * TRUNCATED) loses that tag's remains from the value that ends the file, and only from it: a "<" inside a value
     * ("TLS<v1.2は不可") is text.
     */
    static ValueReader forFile(AnswerRules rules, List<String> lines) {
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        Matcher cut = OPEN_TAG_AT_END.matcher(last);
        return new ValueReader(rules, cut.find() ? cut.group() : "");
    }

    Read read(Item item, String printed) {
        String raw = !cutTag.isEmpty() && printed.endsWith(cutTag)
                ? printed.substring(0, printed.length() - cutTag.length()) : printed;
        if (!BodyCells.hasText(raw)) {                      // BodyCells.text(raw) is empty
            return new Blank();
        }
        return switch (item.type()) {                       // the plain text made only where it is read
            case TEXT -> accept(item, new TextAnswer(PlainText.clean(BodyCells.text(raw))));
            case RICH_TEXT, SHARED_COMPONENT -> accept(item, new RichTextAnswer(raw));
            case NUMBER -> number(item, BodyCells.text(raw));
            case DATE -> date(item, BodyCells.text(raw));
            case SINGLE_CHOICE -> single(item, raw);
            case MULTIPLE_CHOICE -> multiple(item, raw);
        };
    }

    private Read number(Item item, String text) {
        String digits = NUMBER_NOISE.matcher(Nfkc.normalize(text)).replaceAll("");
        if (DASHES.matcher(digits).matches()) {
            return new Blank();
        }
        if (!NUMBER.matcher(digits).matches()) {
            return new Refused("not a number: " + text);
        }
        try {
            return accept(item, new NumberAnswer(Long.parseLong(digits.replace(",", ""))));
        } catch (NumberFormatException e) {
            return new Refused("number out of range: " + text);
        }
    }

    private Read date(Item item, String printed) {
        if (DASHES.matcher(printed).matches()) {
            return new Blank();
        }
        String text = AS_OF.matcher(printed).replaceFirst("");          // "令和7年4月1日 時点" (基礎 Ⅱ いつ時点の計数か)
        return JapaneseDates.parse(text).map(date -> accept(item, new DateAnswer(date)))
                .orElseGet(() -> new Refused("not a date: " + printed));
    }

    private Read single(Item item, String raw) {
        DecodedSelection decoded = SelectionCells.decode(raw, item);
        List<Selection> selections = decoded.selections();
        if (selections.size() > 1) {
            return new Refused("more than one option ticked: " + String.join(", ",
                    selections.stream().map(Selection::optionCode).toList()));
        }
        if (selections.isEmpty()) {
            return unticked(decoded, raw);
        }
        Selection selection = selections.get(0);
        return accept(item, new ChoiceAnswer(selection.optionCode(), selection.text(), selection.count()));
    }

    private Read multiple(Item item, String raw) {
        DecodedSelection decoded = SelectionCells.decode(raw, item);
        if (decoded.selections().isEmpty()) {
            return unticked(decoded, raw);
        }
        Read read = accept(item, new MultiChoiceAnswer(decoded.selections()));
        return read instanceof Accepted accepted ? new Accepted(accepted.answer(), decoded.unrecognised()) : read;
    }

    /** Nothing ticked is a blank answer, unless the cell holds a value that matches no option. */
    private static Read unticked(DecodedSelection decoded, String raw) {
        if (!decoded.unrecognised().isEmpty() && !DASHES.matcher(BodyCells.text(raw)).matches()) {
            return new Refused("no option matches: " + String.join(", ", decoded.unrecognised()));
        }
        return new Blank();
    }

    private Read accept(Item item, Answer answer) {
        try {
            return new Accepted(rules.accept(item, answer));
        } catch (CommandRejected rejected) {
            return new Refused(rejected.getMessage());
        }
    }
}
