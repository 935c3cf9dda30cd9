package jp.hyoka.domain.importing;

import jp.hyoka.domain.form.ChoiceOption;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.Selection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Cells as the published samples print them (DOMAIN.md §2.3), decoded into option codes of form items. */
class SelectionCellsTest {

    private static final Item POPULATION = single("affair.target-population", "1,000人未満:under-1k",
            "1,000人以上1万人未満:1k-to-10k", "1万人以上10万人未満:10k-to-100k", "10万人以上30万人未満:100k-to-300k",
            "30万人以上:300k-or-more");
    private static final Item LINKAGE = single("network-linkage.implemented", "実施する:implemented",
            "実施しない:not-implemented", "未定:undecided");
    private static final Item VERDICT = single("file.risk.storage.r1.verdict", "特に力を入れている:particularly-focused",
            "十分である:sufficient", "課題が残されている:issues-remain");
    private static final Item USERS = single("file.usage.user-count", "10人未満:under-10", "10人以上50人未満:10-to-50",
            "100人以上500人未満:100-to-500", "1,000人以上:1000-or-more");
    private static final Item CONNECTIONS = new Item(new ItemId("system.connections"), "", "他のシステムとの接続",
            ItemType.MULTIPLE_CHOICE, false, 0, List.of(new ChoiceOption("network-system", "情報提供ネットワークシステム"),
            new ChoiceOption("internal-linkage", "庁内連携システム"), new ChoiceOption("address-system", "宛名システム等"),
            new ChoiceOption("tax-system", "税務システム"), new ChoiceOption("other", "その他", true, false)), 0, 0, null);
    private static final Item PROVISION = new Item(new ItemId("file.provision-status"), "", "提供・移転の有無",
            ItemType.MULTIPLE_CHOICE, false, 0, List.of(new ChoiceOption("providing", "提供を行っている", false, true),
            new ChoiceOption("transferring", "移転を行っている", false, true), new ChoiceOption("none", "行っていない")),
            0, 0, null);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            value after the option list (004:40) | <p style="text-align: right;"><選択肢></p> <p style="text-align: right;">1) 1,000人未満 2) 1,000人以上1万人未満 3) 1万人以上10万人未満 4) 10万人以上30万人未満</p> <p style="text-align: right;">[10万人以上30万人未満]</p> | 100k-to-300k
            value before the option list       | [1万人以上10万人未満] <選択肢> 1) 1,000人未満 2) 1,000人以上1万人未満 | 10k-to-100k
            closing bracket missing (004)      | [10万人以上30万人未満 | 100k-to-300k
            full-width brackets                | ［30万人以上］ | 300k-or-more
            """)
    void givenABracketedValue_whenDecoded_thenItsOptionIsSelected(String name, String cell, String code) {
        assertThat(codes(SelectionCells.decode(cell, POPULATION))).containsExactly(code);
    }

    @Test
    void givenAValueBetweenStrayBoxes_whenDecoded_thenThatValueIsSelected() {
        String cell = "<p>[<input type=\"checkbox\"/>] 実施する [<input type=\"checkbox\"/>]</p> <p><選択肢></p> "
                + "<p>1) 実施する 2) 実施しない 3) 未定</p>";

        assertThat(codes(SelectionCells.decode(cell, LINKAGE))).containsExactly("implemented");
        assertThat(codes(SelectionCells.decode("[<input type=\"checkbox\"/> 実施しない]", LINKAGE)))
                .containsExactly("not-implemented");
        assertThat(codes(SelectionCells.decode("<input type=\"checkbox\"/> 100人以上500人未満 []", USERS)))
                .containsExactly("100-to-500");
    }

    @Test
    void givenAScrambledListAndAWordingVariant_whenDecoded_thenMatchedByLabelNotPosition() {
        assertThat(codes(SelectionCells.decode("1) 特に力を入れている 3) 課題が残されている 2) 十分である [十分である]", VERDICT)))
                .containsExactly("sufficient");
        assertThat(codes(SelectionCells.decode("[十分である。]", VERDICT))).containsExactly("sufficient");
    }

    @Test
    void givenCheckedBoxesAndRadios_whenDecoded_thenTheyAreTickedAndOtherCarriesItsText() {
        String cell = "[<input checked=\"\" type=\"radio\"/>] 情報提供ネットワークシステム [<input type=\"checkbox\"/>] 庁内連携システム "
                + "[<input checked=\"\" type=\"checkbox\"/>] 税務システム [<input type=\"radio\"/>] その他 (GPRIME介護保険システム)";

        DecodedSelection decoded = SelectionCells.decode(cell, CONNECTIONS);

        assertThat(decoded.selections()).containsExactly(new Selection("network-system", null, null),
                new Selection("tax-system", null, null), new Selection("other", "GPRIME介護保険システム", null));
        assertThat(decoded.reliable()).isTrue();
    }

    @Test
    void givenARadioButtonWithoutChecked_whenDecoded_thenItIsTicked() {
        String cell = "[<input type=\"radio\"/>] 宛名システム等 [<input type=\"checkbox\"/>] 税務システム";

        assertThat(codes(SelectionCells.decode(cell, CONNECTIONS))).containsExactly("address-system");
    }

    @Test
    void givenCircleMarksAndCounts_whenDecoded_thenTickedWithTheirCount() {
        String cell = "[] 提供を行っている () 件 [<input checked=\"\" type=\"radio\"/>] 移転を行っている (13) 件 [] 行っていない";

        assertThat(SelectionCells.decode(cell, PROVISION).selections())
                .containsExactly(new Selection("transferring", null, 13L));
        assertThat(codes(SelectionCells.decode("[O] 行っていない", PROVISION))).containsExactly("none");
        assertThat(codes(SelectionCells.decode("[○] 提供を行っている (2) 件 [] 移転を行っている () 件", PROVISION)))
                .containsExactly("providing");
    }

    @Test
    void givenEveryBoxUnticked_whenDecoded_thenNothingSelectedAndFlaggedUnreliable() {
        String cell = "<p>[<input type=\"checkbox\"/>] 情報提供ネットワークシステム [<input type=\"checkbox\"/>] 庁内連携システム</p> "
                + "<p>[<input type=\"checkbox\"/>] その他 ()</p>";

        DecodedSelection decoded = SelectionCells.decode(cell, CONNECTIONS);

        assertThat(decoded.selections()).isEmpty();
        assertThat(decoded.reliable()).isFalse();
    }

    @Test
    void givenAnUnknownValue_whenDecoded_thenReportedNotGuessed() {
        DecodedSelection decoded = SelectionCells.decode("[存在しない区分]", POPULATION);

        assertThat(decoded.selections()).isEmpty();
        assertThat(decoded.unrecognised()).containsExactly("存在しない区分");
    }

    @Test
    void givenAnEmptyBracket_whenDecoded_thenNothingIsSelected() {
        assertThat(SelectionCells.decode("[] <選択肢> 1) 実施する 2) 実施しない 3) 未定", LINKAGE).selections()).isEmpty();
    }

    @Test
    void givenAnOptionWhoseLabelHasBrackets_whenItsBoxIsUnticked_thenItsBracketsDoNotTickIt() {
        Item identifiers = new Item(new ItemId("identifiers"), "", "識別情報", ItemType.MULTIPLE_CHOICE, false, 0,
                List.of(new ChoiceOption("my-number", "個人番号"), new ChoiceOption("internal", "その他識別情報(内部番号)")),
                0, 0, null);
        String cell = "[<input checked=\"\" type=\"checkbox\"/>] 個人番号 [<input type=\"checkbox\"/>] その他識別情報（内部番号）";

        assertThat(codes(SelectionCells.decode(cell, identifiers))).containsExactly("my-number");
    }

    private static List<String> codes(DecodedSelection decoded) {
        return decoded.selections().stream().map(Selection::optionCode).toList();
    }

    private static Item single(String id, String... labelsAndCodes) {
        List<ChoiceOption> options = java.util.Arrays.stream(labelsAndCodes)
                .map(pair -> new ChoiceOption(pair.substring(pair.lastIndexOf(':') + 1), pair.substring(0, pair.lastIndexOf(':'))))
                .toList();
        return new Item(new ItemId(id), "", id, ItemType.SINGLE_CHOICE, false, 0, options, 0, 0, null);
    }
}
