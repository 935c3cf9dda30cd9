package jp.hyoka.domain.importing.body;

import jp.hyoka.domain.assessment.EntryListKey;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.RepeatGroup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The repeat entries an imported document prints (システムN, one 特定個人情報ファイル per II/III pass, 委託事項N …),
 * created in reading order, and which entry of each group the reader is in. Entry ids come from the caller: the
 * domain never invents identities.
 */
final class EntryTracker {

    private final FormDefinition form;
    private final Supplier<String> newEntryId;
    private final Map<EntryListKey, List<String>> lists = new HashMap<>();
    private final Map<String, String> current = new HashMap<>();
    private final List<ImportedEntry> created = new ArrayList<>();

    /**
     * Marks a group whose last printed entry was refused as one too many: the rows that follow belong to that
     * refused entry, so they must not fall into the previous one. Entering a parent entry or a valid entry clears it.
     */
    private static final String OVERFLOW = "";

    EntryTracker(FormDefinition form, Supplier<String> newEntryId) {
        this.form = form;
        this.newEntryId = newEntryId;
    }

    List<ImportedEntry> created() {
        return List.copyOf(created);
    }

    /**
     * The entry path for an item of {@code groupId} (outermost first), starting a first entry of any group on the
     * way that has none yet; empty when a group is full.
     */
    Optional<List<String>> path(String groupId) {
        List<String> path = new ArrayList<>();
        if (groupId == null) {
            return Optional.of(path);
        }
        for (String group : form.chain(groupId)) {
            String entry = current.get(group);
            if (OVERFLOW.equals(entry)) {
                return Optional.empty();
            }
            if (entry == null) {
                Optional<String> started = start(group, path);
                if (started.isEmpty()) {
                    return Optional.empty();
                }
                entry = started.get();
            }
            path.add(entry);
        }
        return Optional.of(List.copyOf(path));
    }

    /** "システム3": the third entry of the group, started if the document has not printed it before. */
    Optional<String> select(String groupId, int number) {
        List<String> chain = form.chain(groupId);
        Optional<List<String>> parent = chain.size() > 1 ? path(chain.get(chain.size() - 2)) : Optional.of(List.of());
        if (parent.isEmpty()) {
            return Optional.empty();
        }
        List<String> list = lists.getOrDefault(new EntryListKey(groupId, parent.get()), List.of());
        if (number >= 1 && number <= list.size()) {
            enter(groupId, list.get(number - 1));
            return Optional.of(list.get(number - 1));
        }
        return start(groupId, parent.get());
    }

    /** The path of the entry of {@code groupId} the reader is in (outermost first), starting none; empty if none. */
    Optional<List<String>> entered(String groupId) {
        return currentPath(form.chain(groupId));
    }

    /** How many entries the group has under the current parent entries. */
    int count(String groupId) {
        List<String> chain = form.chain(groupId);
        Optional<List<String>> parent = chain.size() > 1 ? currentPath(chain.subList(0, chain.size() - 1))
                : Optional.of(List.of());
        return parent.map(p -> lists.getOrDefault(new EntryListKey(groupId, p), List.of()).size()).orElse(0);
    }

    private Optional<List<String>> currentPath(List<String> groups) {
        List<String> path = new ArrayList<>();
        for (String group : groups) {
            String entry = current.get(group);
            if (entry == null || OVERFLOW.equals(entry)) {
                return Optional.empty();
            }
            path.add(entry);
        }
        return Optional.of(path);
    }

    private Optional<String> start(String groupId, List<String> parent) {
        RepeatGroup group = form.group(groupId).orElseThrow();
        EntryListKey key = new EntryListKey(groupId, parent);
        List<String> list = lists.computeIfAbsent(key, k -> new ArrayList<>());
        if (list.size() >= group.max()) {
            enter(groupId, OVERFLOW);
            return Optional.empty();
        }
        String entryId = newEntryId.get();
        created.add(new ImportedEntry(groupId, parent, entryId, list.size()));
        list.add(entryId);
        enter(groupId, entryId);
        return Optional.of(entryId);
    }

    /** Entering an entry leaves the entries of its child groups. */
    private void enter(String groupId, String entryId) {
        current.put(groupId, entryId);
        current.keySet().removeIf(group -> group.startsWith(groupId + "."));
    }
}
