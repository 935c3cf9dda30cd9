package jp.hyoka.domain.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One revision of an official form, as data: its sections and items in the order the form prints them. */
public final class FormDefinition {

    private final FormRef ref;
    private final String title;
    private final List<Section> sections;
    private final Map<ItemId, Item> itemsById = new LinkedHashMap<>();

    public FormDefinition(FormRef ref, String title, List<Section> sections) {
        this.ref = Objects.requireNonNull(ref, "ref");
        this.title = Objects.requireNonNull(title, "title");
        this.sections = List.copyOf(sections);
        for (Section section : this.sections) {
            for (Item item : section.items()) {
                if (itemsById.put(item.id(), item) != null) {
                    throw new IllegalArgumentException("item id " + item.id() + " appears twice in " + ref);
                }
            }
        }
    }

    public FormRef ref() {
        return ref;
    }

    public String title() {
        return title;
    }

    public List<Section> sections() {
        return sections;
    }

    public Optional<Item> item(ItemId id) {
        return Optional.ofNullable(itemsById.get(id));
    }

    /** Every item in print order. */
    public List<Item> items() {
        return List.copyOf(itemsById.values());
    }
}
