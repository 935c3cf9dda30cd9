package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.event.FormChange;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.ChoiceOption;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.RepeatGroup;
import jp.hyoka.domain.form.Selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What moving a document from one form revision to another does: every answer is carried over unchanged, mapped
 * to the new revision's option codes (as the new revision declares in {@code migratesFrom}), or dropped when its
 * item, type or option no longer exists; and how the two revisions differ item by item.
 */
final class FormMigrationPlan {

    private FormMigrationPlan() {
    }

    static List<FormChange> between(FormDefinition from, FormDefinition to, Assessment state) {
        List<FormChange> changes = new ArrayList<>();
        Map<jp.hyoka.domain.form.ItemId, Map<String, String>> codes = to.optionCodesFrom(from.ref().version());
        state.answers().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<AnswerKey, Answer> e) -> e.getKey().itemId().value())
                        .thenComparing(e -> String.join("/", e.getKey().entries())))
                .forEach(entry -> {
                    AnswerKey key = entry.getKey();
                    Optional<Item> target = to.item(key.itemId()).filter(item ->
                            from.item(key.itemId()).map(old -> old.type() == item.type()).orElse(false));
                    Answer before = entry.getValue();
                    Optional<Answer> after = target.flatMap(item ->
                            mapped(before, codes.getOrDefault(key.itemId(), Map.of()), item));
                    if (after.isEmpty()) {
                        changes.add(new FormChange(FormChange.ANSWER_DROPPED, key.itemId().value(), key.entries(),
                                before, null, target.isEmpty() ? "no such item in " + to.ref() : "option not in " + to.ref()));
                    } else if (!after.get().equals(before)) {
                        changes.add(new FormChange(FormChange.ANSWER_MAPPED, key.itemId().value(), key.entries(),
                                before, after.get(), "option codes of " + to.ref()));
                    }
                });
        for (RepeatGroup group : from.repeatGroups()) {
            if (to.group(group.id()).isEmpty()) {
                changes.add(new FormChange(FormChange.ENTRIES_DROPPED, group.id(), List.of(), null, null, group.label()));
            }
        }
        changes.addAll(itemDifferences(from, to));
        return changes;
    }

    /**
     * The answer in the target revision's terms, exactly as AnswerRules would store it: mapped codes, each ticked
     * once (two old options may map to one), in the new form's order, keeping free text and counts only where the
     * new option takes them. Empty if an option has no counterpart.
     */
    private static Optional<Answer> mapped(Answer answer, Map<String, String> codes, Item target) {
        if (answer instanceof ChoiceAnswer choice) {
            return selection(new Selection(choice.optionCode(), choice.text(), choice.count()), codes, target)
                    .map(s -> new ChoiceAnswer(s.optionCode(), s.text(), s.count()));
        }
        if (answer instanceof MultiChoiceAnswer multi) {
            Map<String, Selection> byCode = new LinkedHashMap<>();
            for (Selection selection : multi.selections()) {
                Optional<Selection> mapped = selection(selection, codes, target);
                if (mapped.isEmpty()) {
                    return Optional.empty();
                }
                byCode.putIfAbsent(mapped.get().optionCode(), mapped.get());
            }
            List<String> formOrder = target.options().stream().map(ChoiceOption::code).toList();
            List<Selection> ordered = new ArrayList<>(byCode.values());
            ordered.sort(Comparator.comparingInt(s -> formOrder.indexOf(s.optionCode())));
            return Optional.of(new MultiChoiceAnswer(ordered));
        }
        return Optional.of(answer);
    }

    private static Optional<Selection> selection(Selection old, Map<String, String> codes, Item target) {
        String code = codes.getOrDefault(old.optionCode(), old.optionCode());
        return target.option(code).map(option -> new Selection(code, option.freeText() ? old.text() : null,
                option.count() ? old.count() : null));
    }

    private static String labels(Item item) {
        return item.options().stream().map(ChoiceOption::label).toList().toString();
    }

    private static List<FormChange> itemDifferences(FormDefinition from, FormDefinition to) {
        List<FormChange> changes = new ArrayList<>();
        for (Item item : to.items()) {
            Optional<Item> old = from.item(item.id());
            if (old.isEmpty()) {
                changes.add(new FormChange(FormChange.ITEM_ADDED, item.id().value(), List.of(), null, null, item.label()));
            } else if (!old.get().label().equals(item.label()) || !old.get().number().equals(item.number())) {
                changes.add(new FormChange(FormChange.ITEM_RELABELLED, item.id().value(), List.of(), null, null,
                        old.get().number() + " " + old.get().label() + " → " + item.number() + " " + item.label()));
            } else if (!old.get().options().equals(item.options())) {
                changes.add(new FormChange(FormChange.ITEM_RELABELLED, item.id().value(), List.of(), null, null,
                        "options " + labels(old.get()) + " → " + labels(item)));
            }
        }
        for (Item item : from.items()) {
            if (to.item(item.id()).isEmpty()) {
                changes.add(new FormChange(FormChange.ITEM_REMOVED, item.id().value(), List.of(), null, null, item.label()));
            }
        }
        return changes;
    }
}
