package jp.hyoka.domain.testing;

import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.ChoiceOption;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.RepeatGroup;
import jp.hyoka.domain.form.Section;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * The real form revisions of schema/forms (found walking up from the working directory; surefire runs in the module
 * directory), read the way the server's FormDefinitionJson reads them, with the same defaults. Never skips: a
 * missing folder is a failure.
 */
public final class FormFiles {

    private FormFiles() {
    }

    /** Every {@code <kind-dir>/<version>.json}, in a stable order. */
    public static List<FormDefinition> all() {
        Path forms = directory();
        try (Stream<Path> files = Files.walk(forms, 2)) {
            List<Path> paths = files.filter(path -> path.getParent() != null && !path.getParent().equals(forms)
                    && path.toString().endsWith(".json")).sorted().toList();
            return paths.stream().map(FormFiles::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FormDefinition of(FormKind kind, String version) {
        return all().stream().filter(form -> form.ref().equals(new FormRef(kind, version))).findFirst()
                .orElseGet(() -> fail("no form file for " + kind + "@" + version));
    }

    private static FormDefinition read(Path file) {
        try {
            return form(map(MiniJson.parse(Files.readString(file, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FormDefinition form(Map<String, Object> json) {
        FormRef ref = new FormRef(FormKind.valueOf(text(json, "kind")), text(json, "version"));
        List<RepeatGroup> groups = new ArrayList<>();
        for (Map<String, Object> group : list(json, "repeatGroups")) {
            groups.add(new RepeatGroup(text(group, "id"), text(group, "label"), (int) number(group, "min", 0),
                    (int) number(group, "max", 1)));
        }
        List<Section> sections = new ArrayList<>();
        for (Map<String, Object> section : list(json, "sections")) {
            String sectionRepeat = optional(section, "repeat");
            List<Block> blocks = new ArrayList<>();
            for (Map<String, Object> block : list(section, "blocks")) {
                String blockRepeat = optional(block, "repeat");
                String group = blockRepeat != null ? blockRepeat : sectionRepeat;
                List<Item> items = list(block, "items").stream().map(item -> item(item, group)).toList();
                @SuppressWarnings("unchecked")
                List<String> headings = (List<String>) block.getOrDefault("headings", List.of());
                blocks.add(new Block(text(block, "id"), text(block, "number"), text(block, "label"),
                        text(block, "note"), blockRepeat, headings, items));
            }
            sections.add(new Section(text(section, "id"), text(section, "number"), text(section, "label"),
                    text(section, "note"), sectionRepeat, blocks));
        }
        return new FormDefinition(ref, text(json, "title"), groups, sections, Map.of());
    }

    private static Item item(Map<String, Object> item, String group) {
        ItemType type = ItemType.valueOf(text(item, "type"));
        List<ChoiceOption> options = list(item, "options").stream().map(option -> new ChoiceOption(
                text(option, "code"), text(option, "label"), Boolean.TRUE.equals(option.get("freeText")),
                Boolean.TRUE.equals(option.get("count")))).toList();
        int defaultLimit = type.answerType() == ItemType.RICH_TEXT ? 20_000 : 200;
        return new Item(new ItemId(text(item, "id")), text(item, "number"), text(item, "label"), type,
                Boolean.TRUE.equals(item.get("importantChange")), (int) number(item, "maxLength", defaultLimit),
                options, number(item, "minimum", 0), number(item, "maximum", 1_000_000_000L), text(item, "help"),
                text(item, "note"), group, optional(item, "componentFamily"), optional(item, "heading"));
    }

    private static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("schema/forms/catalog.json"))) {
                return dir.resolve("schema/forms");
            }
        }
        return fail("schema/forms not found in " + Path.of("").toAbsolutePath() + " or any parent");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> json, String field) {
        return (List<Map<String, Object>>) json.getOrDefault(field, List.of());
    }

    private static String text(Map<String, Object> json, String field) {
        Object value = json.get(field);
        return value instanceof String text ? text : "";
    }

    private static String optional(Map<String, Object> json, String field) {
        String value = text(json, field);
        return value.isEmpty() ? null : value;
    }

    private static long number(Map<String, Object> json, String field, long fallback) {
        Object value = json.get(field);
        return value instanceof Number number ? number.longValue() : fallback;
    }
}
