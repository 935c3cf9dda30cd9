package jp.hyoka.server.forms;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one form file (format: schema/forms/README.md) into the domain's form model. */
final class FormDefinitionJson {

    /** Defaults where a form file names no limit. */
    static final int DEFAULT_TEXT_LIMIT = 200;
    static final int DEFAULT_RICH_TEXT_LIMIT = 20_000;
    static final long DEFAULT_MAXIMUM = 1_000_000_000L;

    private FormDefinitionJson() {
    }

    static FormDefinition parse(JsonNode form) {
        FormRef ref = new FormRef(FormKind.valueOf(form.path("kind").asText()), form.path("version").asText());
        List<RepeatGroup> groups = new ArrayList<>();
        for (JsonNode group : form.path("repeatGroups")) {
            groups.add(new RepeatGroup(group.path("id").asText(), group.path("label").asText(),
                    group.path("min").asInt(0), group.path("max").asInt(1)));
        }
        List<Section> sections = new ArrayList<>();
        for (JsonNode section : form.path("sections")) {
            String sectionRepeat = text(section, "repeat");
            List<Block> blocks = new ArrayList<>();
            for (JsonNode block : section.path("blocks")) {
                String blockRepeat = text(block, "repeat");
                String group = blockRepeat != null ? blockRepeat : sectionRepeat;
                List<Item> items = new ArrayList<>();
                for (JsonNode item : block.path("items")) {
                    items.add(item(item, group));
                }
                List<String> headings = new ArrayList<>();
                block.path("headings").forEach(heading -> headings.add(heading.asText()));
                blocks.add(new Block(block.path("id").asText(), block.path("number").asText(""),
                        block.path("label").asText(""), block.path("note").asText(""), blockRepeat, headings, items));
            }
            sections.add(new Section(section.path("id").asText(), section.path("number").asText(""),
                    section.path("label").asText(), section.path("note").asText(""), sectionRepeat, blocks));
        }
        return new FormDefinition(ref, form.path("title").asText(), groups, sections, migrations(form));
    }

    private static Map<String, Map<ItemId, Map<String, String>>> migrations(JsonNode form) {
        Map<String, Map<ItemId, Map<String, String>>> migrations = new HashMap<>();
        for (JsonNode from : form.path("migratesFrom")) {
            Map<ItemId, Map<String, String>> byItem = new LinkedHashMap<>();
            from.path("optionCodes").fields().forEachRemaining(item -> {
                Map<String, String> codes = new LinkedHashMap<>();
                item.getValue().fields().forEachRemaining(code -> codes.put(code.getKey(), code.getValue().asText()));
                byItem.put(new ItemId(item.getKey()), codes);
            });
            migrations.put(from.path("version").asText(), byItem);
        }
        return migrations;
    }

    private static Item item(JsonNode item, String group) {
        ItemType type = ItemType.valueOf(item.path("type").asText());
        List<ChoiceOption> options = new ArrayList<>();
        for (JsonNode option : item.path("options")) {
            options.add(new ChoiceOption(option.path("code").asText(), option.path("label").asText(),
                    option.path("freeText").asBoolean(false), option.path("count").asBoolean(false)));
        }
        int defaultLimit = type.answerType() == ItemType.RICH_TEXT ? DEFAULT_RICH_TEXT_LIMIT : DEFAULT_TEXT_LIMIT;
        return new Item(new ItemId(item.path("id").asText()), item.path("number").asText(""),
                item.path("label").asText(), type, item.path("importantChange").asBoolean(false),
                item.path("maxLength").asInt(defaultLimit), options, item.path("minimum").asLong(0),
                item.path("maximum").asLong(DEFAULT_MAXIMUM), item.path("help").asText(""),
                item.path("note").asText(""), group, text(item, "componentFamily"), text(item, "heading"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
