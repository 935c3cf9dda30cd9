package jp.hyoka.server.forms;

import com.fasterxml.jackson.databind.JsonNode;
import jp.hyoka.domain.form.ChoiceOption;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.Section;

import java.util.ArrayList;
import java.util.List;

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
        List<Section> sections = new ArrayList<>();
        for (JsonNode section : form.path("sections")) {
            List<Item> items = new ArrayList<>();
            for (JsonNode item : section.path("items")) {
                items.add(item(item));
            }
            sections.add(new Section(section.path("id").asText(), section.path("number").asText(""),
                    section.path("label").asText(), items));
        }
        return new FormDefinition(ref, form.path("title").asText(), sections);
    }

    private static Item item(JsonNode item) {
        ItemType type = ItemType.valueOf(item.path("type").asText());
        List<ChoiceOption> options = new ArrayList<>();
        for (JsonNode option : item.path("options")) {
            options.add(new ChoiceOption(option.path("code").asText(), option.path("label").asText()));
        }
        int defaultLimit = type == ItemType.RICH_TEXT ? DEFAULT_RICH_TEXT_LIMIT : DEFAULT_TEXT_LIMIT;
        return new Item(new ItemId(item.path("id").asText()), item.path("number").asText(""),
                item.path("label").asText(), type, item.path("importantChange").asBoolean(false),
                item.path("maxLength").asInt(defaultLimit), options, item.path("minimum").asLong(0),
                item.path("maximum").asLong(DEFAULT_MAXIMUM), item.path("help").asText(""));
    }
}
