package jp.hyoka.domain.importing.annex;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.Section;

/**
 * Best-effort mapping of the 項目 cell of a 変更箇所 row (HTML already stripped, DOMAIN.md §4.4) to the item of a form
 * it names. Matching works on a normalised copy of both sides (NFKC, no spaces, ※, circled numbers or "(…を除く。)"
 * notes, a few spelling variants): an item is a candidate when the path ends with its label, with its block label
 * followed by its label, with its heading or the preceding item's label followed by its label, or, for a block of
 * one item, with the block label. The longest matched text wins; among equally long matches the candidate whose
 * block and section labels also occur in the path wins; anything still tied is reported as unknown.
 * Repeat-group words (システム4, 委託事項3, file names) are context only: the result is an item id, never an entry.
 */
public final class ItemPathResolver {

    private static final Pattern EXCLUSION_NOTE = Pattern.compile("\\([^()]*を除く。?\\)");
    private static final Pattern IGNORED = Pattern.compile("[\\s※:：]");

    private final List<Candidate> candidates = new ArrayList<>();

    public ItemPathResolver(FormDefinition form) {
        Objects.requireNonNull(form, "form");
        for (Section section : form.sections()) {
            String sectionLabel = normalise(section.label());
            for (Block block : section.blocks()) {
                String blockLabel = normalise(block.label());
                String previous = "";
                for (Item item : block.items()) {
                    String label = normalise(item.label());
                    if (label.isEmpty()) {
                        continue;
                    }
                    List<String> texts = new ArrayList<>(List.of(label));
                    if (!blockLabel.isEmpty()) {
                        texts.add(blockLabel + label);
                    }
                    if (item.heading() != null && !normalise(item.heading()).isEmpty()) {
                        texts.add(normalise(item.heading()) + label);
                    }
                    if (!previous.isEmpty()) {
                        texts.add(previous + label);
                    }
                    if (block.items().size() == 1 && !blockLabel.isEmpty()) {
                        texts.add(blockLabel);
                    }
                    candidates.add(new Candidate(item.id(), List.copyOf(texts), blockLabel, sectionLabel));
                    previous = label;
                }
            }
        }
    }

    /** The item the path names, or empty when no item or more than one equally good item matches. */
    public Optional<ItemId> resolve(String itemPath) {
        if (itemPath == null) {
            return Optional.empty();
        }
        String path = normalise(itemPath);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        ItemId best = null;
        int bestLength = 0;
        int bestContext = -1;
        boolean tied = false;
        for (Candidate candidate : candidates) {
            int length = candidate.matchLength(path);
            if (length == 0) {
                continue;
            }
            int context = candidate.context(path);
            if (length > bestLength || (length == bestLength && context > bestContext)) {
                best = candidate.id();
                bestLength = length;
                bestContext = context;
                tied = false;
            } else if (length == bestLength && context == bestContext) {
                tied = true;
            }
        }
        return tied ? Optional.empty() : Optional.ofNullable(best);
    }

    /** The text used for matching only; never shown. */
    static String normalise(String text) {
        StringBuilder withoutCircled = new StringBuilder(text.length());
        text.codePoints().filter(c -> c < 0x2460 || c > 0x2473).forEach(withoutCircled::appendCodePoint);
        String folded = Normalizer.normalize(withoutCircled, Normalizer.Form.NFKC);
        folded = EXCLUSION_NOTE.matcher(folded).replaceAll("");
        folded = IGNORED.matcher(folded).replaceAll("");
        return folded.replace("ユーザー", "ユーザ").replace("紐づけ", "紐付け");
    }

    private record Candidate(ItemId id, List<String> texts, String blockLabel, String sectionLabel) {

        int matchLength(String path) {
            int longest = 0;
            for (String text : texts) {
                if (path.endsWith(text)) {
                    longest = Math.max(longest, text.length());
                }
            }
            return longest;
        }

        int context(String path) {
            int score = 0;
            if (!blockLabel.isEmpty() && path.contains(blockLabel)) {
                score++;
            }
            if (!sectionLabel.isEmpty() && path.contains(sectionLabel)) {
                score++;
            }
            return score;
        }
    }
}
