package jp.hyoka.domain.form;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One revision of an official form, as data: its repeating groups, and its sections, blocks and items in the order
 * the form prints them. Built only when consistent: unique ids, known groups, items carrying their group's prefix,
 * nested groups inside their parent.
 */
public final class FormDefinition {

    private final FormRef ref;
    private final String title;
    private final List<Section> sections;
    private final Map<String, RepeatGroup> groups = new LinkedHashMap<>();
    private final Map<String, String> parentGroup = new LinkedHashMap<>();
    private final Map<ItemId, Item> itemsById = new LinkedHashMap<>();
    private final Map<String, Map<ItemId, Map<String, String>>> optionMigrations;

    public FormDefinition(FormRef ref, String title, List<RepeatGroup> repeatGroups, List<Section> sections,
                          Map<String, Map<ItemId, Map<String, String>>> optionMigrations) {
        this.ref = Objects.requireNonNull(ref, "ref");
        this.title = Objects.requireNonNull(title, "title");
        this.sections = List.copyOf(sections);
        this.optionMigrations = Map.copyOf(optionMigrations);
        for (RepeatGroup group : repeatGroups) {
            if (groups.put(group.id(), group) != null) {
                throw new IllegalArgumentException("group " + group.id() + " appears twice in " + ref);
            }
        }
        for (RepeatGroup group : repeatGroups) {
            group.parentCandidate().filter(groups::containsKey).ifPresent(parent -> parentGroup.put(group.id(), parent));
        }
        for (Section section : this.sections) {
            requireGroup(section.repeat());
            for (Block block : section.blocks()) {
                requireGroup(block.repeat());
                if (block.repeat() != null && section.repeat() != null && !chain(block.repeat()).contains(section.repeat())) {
                    throw new IllegalArgumentException("block " + block.id() + " repeats by " + block.repeat()
                            + ", which is not inside its section's group " + section.repeat());
                }
                String innermost = block.repeat() != null ? block.repeat() : section.repeat();
                for (Item item : block.items()) {
                    if (!Objects.equals(item.repeatGroup(), innermost)) {
                        throw new IllegalArgumentException("item " + item.id() + " must be in group " + innermost);
                    }
                    if (itemsById.put(item.id(), item) != null) {
                        throw new IllegalArgumentException("item id " + item.id() + " appears twice in " + ref);
                    }
                }
            }
        }
    }

    /** A form without repeating groups or migrations (starter forms, tests). */
    public FormDefinition(FormRef ref, String title, List<Section> sections) {
        this(ref, title, List.of(), sections, Map.of());
    }

    private void requireGroup(String groupId) {
        if (groupId != null && !groups.containsKey(groupId)) {
            throw new IllegalArgumentException("unknown repeat group " + groupId + " in " + ref);
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

    public List<RepeatGroup> repeatGroups() {
        return List.copyOf(groups.values());
    }

    public Optional<Item> item(ItemId id) {
        return Optional.ofNullable(itemsById.get(id));
    }

    public Optional<RepeatGroup> group(String id) {
        return Optional.ofNullable(id == null ? null : groups.get(id));
    }

    /** Every item in print order. */
    public List<Item> items() {
        return List.copyOf(itemsById.values());
    }

    /**
     * The groups an entry of {@code groupId} is nested in, outermost first, ending with the group itself; empty for
     * null. An answer to an item of that group is addressed by one entry id per group of this chain.
     */
    public List<String> chain(String groupId) {
        if (groupId == null) {
            return List.of();
        }
        List<String> chain = new ArrayList<>();
        for (String group = groupId; group != null; group = parentGroup.get(group)) {
            chain.add(group);
        }
        Collections.reverse(chain);
        return List.copyOf(chain);
    }

    /** How answers of an older revision's choice items map onto this revision's option codes. */
    public Map<ItemId, Map<String, String>> optionCodesFrom(String version) {
        return optionMigrations.getOrDefault(version, Map.of());
    }
}
