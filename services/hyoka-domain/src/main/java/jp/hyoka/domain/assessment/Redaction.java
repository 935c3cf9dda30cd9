package jp.hyoka.domain.assessment;

import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.Selection;
import jp.hyoka.domain.form.TextAnswer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's data withheld from everything Hyoka shows: every occurrence of {@code text} in an answer (plain text,
 * rich text, an option's free text) or a 変更箇所 row reads {@link #REPLACEMENT} instead — in the current document,
 * in the document as of any past moment, in diffs, history lines and exports, since all of them pass through here.
 * The events keep what was recorded (the hash chain covers them); see README, "Personal data in history".
 */
public record Redaction(String text) {

    /** What a redacted occurrence reads as. */
    public static final String REPLACEMENT = "［個人情報削除］";

    public String apply(String value) {
        return value == null ? null : value.replace(text, REPLACEMENT);
    }

    public Answer apply(Answer answer) {
        if (answer instanceof TextAnswer plain) {
            return new TextAnswer(apply(plain.text()));
        }
        if (answer instanceof RichTextAnswer rich) {
            return new RichTextAnswer(apply(rich.html()));
        }
        if (answer instanceof ChoiceAnswer choice) {
            return new ChoiceAnswer(choice.optionCode(), apply(choice.text()), choice.count());
        }
        if (answer instanceof MultiChoiceAnswer multi) {
            return new MultiChoiceAnswer(multi.selections().stream()
                    .map(s -> new Selection(s.optionCode(), apply(s.text()), s.count())).toList());
        }
        return answer;                                      // numbers and dates hold no free text
    }

    public Map<AnswerKey, Answer> apply(Map<AnswerKey, Answer> answers) {
        Map<AnswerKey, Answer> redacted = new HashMap<>();
        answers.forEach((key, answer) -> redacted.put(key, apply(answer)));
        return redacted;
    }

    public PastChange apply(PastChange change) {
        return new PastChange(change.rowIndex(), change.sourceLine(), change.changedOn(), change.changedOnText(),
                apply(change.itemPath()), change.itemId(), change.beforeKind(), apply(change.before()),
                change.afterKind(), apply(change.after()), change.timing(), apply(change.explanation()),
                change.reasonCode());
    }

    public List<PastChange> applyToChanges(List<PastChange> changes) {
        return changes.stream().map(this::apply).toList();
    }
}
