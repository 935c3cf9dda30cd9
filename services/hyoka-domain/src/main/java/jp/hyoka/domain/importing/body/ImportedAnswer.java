package jp.hyoka.domain.importing.body;

import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ItemId;

import java.util.List;
import java.util.Objects;

/** An answer read from an imported document: the item, its repeat entries, the accepted value and its source line. */
public record ImportedAnswer(ItemId itemId, List<String> entries, Answer answer, int line) {
    public ImportedAnswer {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(answer, "answer");
        entries = List.copyOf(entries);
    }
}
