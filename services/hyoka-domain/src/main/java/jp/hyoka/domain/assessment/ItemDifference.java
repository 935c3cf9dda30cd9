package jp.hyoka.domain.assessment;

import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.Item;

import java.util.List;

/** One item whose answer differs between two states of a document; a null answer is an empty item. */
public record ItemDifference(Item item, List<String> entries, String itemPath, Answer before, Answer after) {
    public ItemDifference {
        entries = List.copyOf(entries);
    }

    public String beforeText() {
        return AnswerText.of(item, before);
    }

    public String afterText() {
        return AnswerText.of(item, after);
    }
}
