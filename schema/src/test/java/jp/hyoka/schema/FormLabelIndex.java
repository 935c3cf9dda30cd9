package jp.hyoka.schema;

import com.fasterxml.jackson.databind.JsonNode;
import jp.hyoka.schema.SampleLabels.Label;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static jp.hyoka.schema.LabelKeys.key;
import static org.assertj.core.api.Assertions.fail;

/**
 * The keys of everything a label may name in one form file (format v2; v1's flat section items are read too).
 *
 * <p>A label is found when its key ({@link LabelKeys#key}) equals the key of a form section, block, item or repeat
 * group label, an item label prefixed by its block label, or the concatenation with the label it is printed under
 * ("再委託 | ④再委託の有無", "⑦使用の主体 | 使用部署"; "その妥当性" with the label above it). Repeat headings ("システム3",
 * "委託事項2～5", "移転先0～10") match the repeat group; risk headings ("リスク2: …") match a label equal to their title,
 * or by number: an item with id segment r2 in the same section, in the block with the same heading or numbered like it
 * ("2. リスク2"), so that a corrupted or reworded title still matches.
 */
record FormLabelIndex(Set<String> labels, Set<String> repeatGroups, List<IndexedBlock> blocks) {

    private static final Pattern REPEAT_KEY = Pattern.compile("^(.+?)\\d+(?:~\\d+)?$");
    private static final Pattern RISK_KEY = Pattern.compile("^リスク(\\d*):(.*)$");
    private static final Pattern BLOCK_NUMBER = Pattern.compile("^\\s*(\\d+)\\.");

    record IndexedBlock(String sectionKey, String key, String number, Set<String> itemIdSegments) {
    }

    /** The form file {@code file} of forms/ (the schema module's); fails when it is missing. */
    static JsonNode readForm(String file) {
        Path path = ModuleFiles.FORMS.resolve(file);
        if (!Files.isRegularFile(path)) {
            fail("form %s is missing (forms/ of the schema module)".formatted(path));
        }
        return ModuleFiles.readJson(path);
    }

    static FormLabelIndex of(JsonNode form) {
        Set<String> labels = new HashSet<>();
        Set<String> groups = new HashSet<>();
        List<IndexedBlock> blocks = new ArrayList<>();
        form.path("repeatGroups").forEach(group -> groups.add(key(group.path("label").asText())));
        labels.addAll(groups);
        for (JsonNode section : form.path("sections")) {
            String sectionKey = key(section.path("label").asText());
            labels.add(sectionKey);
            List<JsonNode> sectionBlocks = new ArrayList<>();
            section.path("blocks").forEach(sectionBlocks::add);
            if (section.has("items")) {
                sectionBlocks.add(section);
            }
            for (JsonNode block : sectionBlocks) {
                String blockKey = block == section ? "" : key(block.path("label").asText());
                labels.add(blockKey);
                block.path("headings").forEach(heading -> labels.add(key(heading.asText())));
                Set<String> segments = new HashSet<>();
                for (JsonNode item : block.path("items")) {
                    String itemKey = key(item.path("label").asText());
                    labels.add(itemKey);
                    if (item.hasNonNull("heading")) {
                        labels.add(key(item.path("heading").asText()));
                    }
                    labels.add(blockKey + itemKey);
                    segments.addAll(Arrays.asList(item.path("id").asText().split("\\.")));
                }
                String number = block == section ? "" : block.path("number").asText().strip();
                blocks.add(new IndexedBlock(sectionKey, blockKey, number, segments));
            }
        }
        labels.remove("");
        return new FormLabelIndex(labels, groups, blocks);
    }

    boolean finds(Label label) {
        String key = key(label.text());
        if (key.isEmpty() || labels.contains(key)) {
            return true;
        }
        Matcher repeat = REPEAT_KEY.matcher(key);
        if (repeat.matches() && repeatGroups.contains(repeat.group(1))) {
            return true;
        }
        Matcher risk = RISK_KEY.matcher(key);
        if (risk.matches() && (labels.contains(risk.group(2)) || hasRiskItem(label, risk.group(1).isEmpty() ? "1" : risk.group(1)))) {
            return true;
        }
        if (!label.block().isEmpty() && labels.contains(key(label.block()) + key)) {
            return true;
        }
        if (label.parent() != null && labels.contains(key(label.parent()) + key)) {
            return true;
        }
        if (key.startsWith("その") && label.previous() != null && labels.contains(key(label.previous()) + key)) {
            return true;                                         // その必要性, その妥当性 … refer to the label above
        }
        return label.children().stream().anyMatch(child -> labels.contains(key + key(child)));
    }

    /**
     * A risk heading "リスクN: …" printed under block heading "k. …" of a section is found when that section has
     * rN items in the block with the same heading or in a block numbered "k. …" (a form may give each risk its
     * own block, "2. リスク3"). 重点's unnumbered "リスク: …" is r1.
     */
    private boolean hasRiskItem(Label label, String riskNumber) {
        String sectionKey = key(label.section());
        String blockKey = key(label.block());
        Matcher numbered = BLOCK_NUMBER.matcher(Normalizer.normalize(label.block(), Normalizer.Form.NFKC));
        String blockNumber = numbered.find() ? numbered.group(1) + "." : null;
        List<IndexedBlock> candidates = blocks.stream().filter(b -> b.key().equals(blockKey)
                || (blockNumber != null && (b.number().equals(blockNumber) || b.number().startsWith(blockNumber + " ")))).toList();
        List<IndexedBlock> sameSection = candidates.stream().filter(b -> b.sectionKey().equals(sectionKey)).toList();
        return (sameSection.isEmpty() ? candidates : sameSection).stream()
                .anyMatch(b -> b.itemIdSegments().contains("r" + riskNumber));
    }
}
