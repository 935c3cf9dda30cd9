package jp.hyoka.domain.importing.annex;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jp.hyoka.domain.form.ItemId;

/**
 * What {@link ItemPathResolver} made of one 項目 path.
 *
 * @param kind       the level of the form the path names, or AMBIGUOUS/UNRESOLVED
 * @param targetId   the item id (ITEM), block id (BLOCK, ENTRY of a block group), section id (SECTION, ENTRY of a
 *                   file), "document" (DOCUMENT); null when AMBIGUOUS or UNRESOLVED
 * @param entries    the repeat entries the path names, outermost first (file, then 委託事項 …)
 * @param confidence 0..1: 1 for an exact label with matching numbers, lower for fuzzy labels or numbers only
 * @param candidates the best candidates seen, best first (the chosen one first when resolved; all tied ones when
 *                   ambiguous)
 * @param note       why it was not resolved, or what was assumed; empty when nothing needs saying
 */
public record PathResolution(PathTargetKind kind, String targetId, List<PathEntry> entries, double confidence,
                             List<PathCandidate> candidates, String note) {

    public PathResolution {
        Objects.requireNonNull(kind, "kind");
        entries = List.copyOf(entries);
        candidates = List.copyOf(candidates);
        note = note == null ? "" : note;
    }

    static PathResolution unresolved(List<PathEntry> entries, List<PathCandidate> candidates, String note) {
        return new PathResolution(PathTargetKind.UNRESOLVED, null, entries, 0, candidates, note);
    }

    /** The item, when the path names one. */
    public Optional<ItemId> item() {
        return kind == PathTargetKind.ITEM ? Optional.of(new ItemId(targetId)) : Optional.empty();
    }

    /** The entry of a group the path names, if any (e.g. {@code file.consignment} → 委託事項2). */
    public Optional<PathEntry> entry(String group) {
        return entries.stream().filter(entry -> entry.group().equals(group)).findFirst();
    }
}
