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
 * @param repeatGroup     the innermost repeating group the item is printed in, or null
 * @param componentFamily for {@link ItemType#SHARED_COMPONENT}: which shared boilerplate may fill it
 * @param heading         a sub-heading printed just before this item, over it and the items after it up to the
 *                        next heading ("④使用の主体" over 使用部署 and 使用者数; "再委託" over 委託事項 ④–⑥); null if none
 */
public record Item(ItemId id, String number, String label, ItemType type, boolean importantChange,
                   int maxLength, List<ChoiceOption> options, long minimum, long maximum, String help,
                   String note, String repeatGroup, String componentFamily, String heading) {

    public Item(ItemId id, String number, String label, ItemType type, boolean importantChange, int maxLength,
                List<ChoiceOption> options, long minimum, long maximum, String help, String note,
                String repeatGroup, String componentFamily) {
        this(id, number, label, type, importantChange, maxLength, options, minimum, maximum, help, note,
                repeatGroup, componentFamily, null);
    }

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        number = number == null ? "" : number;
        options = options == null ? List.of() : List.copyOf(options);
        help = help == null ? "" : help;
        note = note == null ? "" : note;
        boolean choice = type == ItemType.SINGLE_CHOICE || type == ItemType.MULTIPLE_CHOICE;
        if (choice && options.isEmpty()) {
            throw new IllegalArgumentException("choice item " + id + " has no options");
        }
        if (type.answerType() == ItemType.TEXT || type.answerType() == ItemType.RICH_TEXT) {
            if (maxLength <= 0) {
                throw new IllegalArgumentException("text item " + id + " needs a positive maxLength");
            }
        }
        if (repeatGroup != null && !id.value().startsWith(repeatGroup + ".")) {
            throw new IllegalArgumentException("item " + id + " is in group " + repeatGroup + " but lacks its prefix");
        }
    }

    /** An item outside any repeating group, without note or component family. */
    public Item(ItemId id, String number, String label, ItemType type, boolean importantChange, int maxLength,
                List<ChoiceOption> options, long minimum, long maximum, String help) {
        this(id, number, label, type, importantChange, maxLength, options, minimum, maximum, help, null, null, null);
    }

    public Optional<ChoiceOption> option(String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst();
    }
}
