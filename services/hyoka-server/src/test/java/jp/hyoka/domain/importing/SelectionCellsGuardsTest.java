package jp.hyoka.domain.importing;

import jp.hyoka.domain.form.ChoiceOption;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.support.PublishedDocuments;
import jp.hyoka.server.support.Samples;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SelectionCells}, its patterns run only where a cell holds what they need, reads every cell as the reading
 * that runs every pattern on every cell ({@link SelectionCellsByPatterns}): each distinct cell and line of the samples
 * and the published test documents against every choice item of the forms that has an option it names and a few
 * others, and random cells made of the selection encodings' pieces and an item's own option labels.
 */
class SelectionCellsGuardsTest {

    private static final List<byte[]> FILES = List.of(Samples.bytes(Samples.ALL_ITEMS_000),
            Samples.bytes(Samples.ANNEX_ONLY_001), Samples.bytes(Samples.KEY_ITEMS_003),
            Samples.bytes(Samples.KEY_ITEMS_004), PublishedDocuments.bytes(PublishedDocuments.BASIC_ITEMS),
            PublishedDocuments.bytes("key-items-funabashi-child-allowance.txt"),
            PublishedDocuments.bytes("all-items-okayama-resident-register.txt"));
    private static final String[] PIECES = {"[", "]", "[]", "[ ]", "[○]", "[〇]", "[O]", "[ ○ ]", "<input type=\"checkbox\"/>",
            "<input type=\"checkbox\" checked/>", "<input type=\"radio\"/>", "[<input type=\"checkbox\"/>]", "<選択肢>",
            "＜選択肢＞", "1)", "2) ", "１）", "(", ")", "（", "）", "(3)", "( 12 ) 件", "件", "(デジタル庁)", " ", "　", "\t",
            "<p>", "</p>", "<br>", "<ul style=\"x\">", "その他", "-", "なし", "Ａ", "ｶﾅ",
            // where a pattern may start, tried alone by the fast path: spaces before a box, halves of boxes and tags
            "\n", "\u000B", "\f", "  ", "[ ", " ]", " <input type=\"checkbox\" checked/> ", "<input", ">", "<inputx>",
            "<b>", "<選択肢> 1) ", "( ", " )", "(13) 件", "[十分である]", "[十分である", "[<input type=\"radio\"/> その他]"};

    private final List<Item> choiceItems = choiceItems();

    @Test
    void givenEveryCellOfTheFiles_whenDecodedForTheItemsItNames_thenAsEveryPatternRunOnItGives() {
        Random random = new Random(89);
        int compared = 0;
        for (String cell : cells()) {
            String key = Normalizer.normalize(cell, Normalizer.Form.NFKC).replace(" ", "");
            List<Item> items = new ArrayList<>();
            for (Item item : choiceItems) {
                if (item.options().stream().anyMatch(o -> names(key, o))) {
                    items.add(item);
                }
            }
            for (int k = 0; k < 3; k++) {
                items.add(choiceItems.get(random.nextInt(choiceItems.size())));
            }
            for (Item item : items) {
                assertSameReading(cell, item);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(20_000);
    }

    @Test
    void givenRandomCellsOfTheEncodingsAndAnItemsOptions_whenDecoded_thenAsEveryPatternRunOnItGives() {
        Random random = new Random(97);
        int ticked = 0;
        for (int n = 0; n < 60_000; n++) {
            Item item = choiceItems.get(random.nextInt(choiceItems.size()));
            StringBuilder cell = new StringBuilder();
            for (int k = random.nextInt(10); k >= 0; k--) {
                if (random.nextInt(3) == 0) {
                    cell.append(item.options().get(random.nextInt(item.options().size())).label());
                } else {
                    cell.append(PIECES[random.nextInt(PIECES.length)]);
                }
            }
            ticked += assertSameReading(cell.toString(), item).selections().isEmpty() ? 0 : 1;
        }
        assertThat(ticked).as("cells with an option ticked").isGreaterThan(5_000);
    }

    private static DecodedSelection assertSameReading(String cell, Item item) {
        DecodedSelection expected = SelectionCellsByPatterns.decode(cell, item);
        assertThat(SelectionCells.decode(cell, item)).as("%s in \"%s\"", item.id().value(), cell).isEqualTo(expected);
        return expected;
    }

    /** Whether a cell (NFKC, no spaces) names an option: the first four characters of its label. */
    private static boolean names(String key, ChoiceOption option) {
        String label = Normalizer.normalize(option.label(), Normalizer.Form.NFKC).replace(" ", "");
        return key.contains(label.substring(0, Math.min(4, label.length())));
    }

    private static List<Item> choiceItems() {
        List<Item> items = new ArrayList<>();
        new ClasspathFormCatalog().all().forEach(form -> form.items().stream()
                .filter(item -> item.type() == ItemType.SINGLE_CHOICE || item.type() == ItemType.MULTIPLE_CHOICE)
                .forEach(items::add));
        return items;
    }

    private static Set<String> cells() {
        Set<String> cells = new LinkedHashSet<>();
        for (byte[] file : FILES) {
            for (String line : ExportDecoding.decode(file).lines()) {
                cells.add(line);
                cells.addAll(List.of(line.split("\t", -1)));
            }
        }
        return cells;
    }
}
