package jp.hyoka.domain.form;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of a form revision as the official 様式 prints it.
 *
 * @param number          the official numbering of this revision, e.g. {@code I 1 ①}; display only
 * @param importantChange true where a change of this item is a 重要な変更 (the ※ marker, DOMAIN.md §1.8), so it
 *                        must be submitted 事前
 * @param maxLength       for text items, the most characters (Unicode code points) an answer may have
 */
public record Item(ItemId id, String number, String label, ItemType type, boolean importantChange,
                   int maxLength, List<ChoiceOption> options, long minimum, long maximum, String help) {

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        number = number == null ? "" : number;
        options = options == null ? List.of() : List.copyOf(options);
        help = help == null ? "" : help;
        if (type == ItemType.SINGLE_CHOICE && options.isEmpty()) {
            throw new IllegalArgumentException("choice item " + id + " has no options");
        }
        if ((type == ItemType.TEXT || type == ItemType.RICH_TEXT) && maxLength <= 0) {
            throw new IllegalArgumentException("text item " + id + " needs a positive maxLength");
        }
    }

    public Optional<ChoiceOption> option(String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst();
    }
}
