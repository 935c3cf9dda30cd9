package jp.hyoka.domain.exporting;

import jp.hyoka.domain.testing.FormFiles;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.ChoiceOption;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.Selection;
import jp.hyoka.domain.importing.DecodedSelection;
import jp.hyoka.domain.importing.SelectionCells;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every selection cell the export writes is read back by the importer's {@code SelectionCells} into exactly the
 * answer that was exported: the ticked options by code, in form order, with their free text and counts.
 */
class ChoiceRoundTripTest {

    /** A free text as municipalities write it (入手元 "評価実施機関内の他部署 (市民局窓口サービス課)"). */
    private static final String FREE_TEXT = "市民局窓口サービス課、財政局税務課";

    @Test
    void givenEveryChoiceItemOfEveryFormFile_whenEachAnswerIsExportedAndDecoded_thenTheSameAnswerComesBack() {
        List<String> checked = new ArrayList<>();
        for (FormDefinition form : FormFiles.all()) {
            for (Item item : form.items()) {
                if (item.type() != ItemType.SINGLE_CHOICE && item.type() != ItemType.MULTIPLE_CHOICE) {
                    continue;
                }
                for (Answer answer : answers(item)) {
                    assertRoundTrip(form.ref() + " " + item.id(), item, answer);
                    checked.add(form.ref() + " " + item.id());
                }
            }
        }
        assertThat(checked).as("choice items of the six form files").hasSizeGreaterThan(300);
    }

    @Test
    void givenRepresentativeItems_whenEachAnswerIsExportedAndDecoded_thenTheSameAnswerComesBack() {
        Item scrambled = item(ItemType.SINGLE_CHOICE, option("issues-remain", "課題が残されている"),
                option("sufficient", "十分である"), option("particularly-focused", "特に力を入れている"));
        Item prefixes = item(ItemType.MULTIPLE_CHOICE, option("other", "その他", true, false),
                option("other-id", "その他識別情報(内部番号)"), option("doing", "行っている"),
                option("not-doing", "行っていない"), option("paper", "紙"), option("paper-media", "紙媒体"));
        Item parentheses = item(ItemType.MULTIPLE_CHOICE, option("media", "電子記録媒体(フラッシュメモリを除く。)"),
                option("flash", "フラッシュメモリ"), option("basic-5-info", "5情報(氏名、氏名の振り仮名、性別、生年月日、住所)"),
                option("other", "その他", true, false));
        Item counts = item(ItemType.MULTIPLE_CHOICE, option("providing", "提供を行っている", false, true),
                option("transferring", "移転を行っている", false, true), option("none", "行っていない"));
        Item singleWithDetails = item(ItemType.SINGLE_CHOICE, option("consigning", "委託する", false, true),
                option("not-consigning", "委託しない"), option("other", "その他", true, false));

        for (Item item : List.of(scrambled, prefixes, parentheses, counts, singleWithDetails)) {
            for (Answer answer : answers(item)) {
                assertRoundTrip(item.options().toString(), item, answer);
            }
        }
    }

    @Test
    void givenOptionsDifferingOnlyInParentheses_whenDecoded_thenEachReadsAsItself() {
        Item notConnected = item(ItemType.MULTIPLE_CHOICE, option("not-acquiring", "接続しない(入手)"),
                option("not-providing", "接続しない(提供)"));
        String cell = TsvValue.cell(notConnected, Optional.of(new MultiChoiceAnswer(List.of(
                new Selection("not-providing", null, null)))));

        assertThat(SelectionCells.decode(cell, notConnected).selections())
                .containsExactly(new Selection("not-providing", null, null));
    }

    private static void assertRoundTrip(String where, Item item, Answer answer) {
        String cell = TsvValue.cell(item, Optional.of(answer));

        DecodedSelection decoded = SelectionCells.decode(cell, item);

        assertThat(decoded.selections()).as(where + ": " + cell).containsExactlyElementsOf(selections(answer));
        assertThat(decoded.unrecognised()).as(where + ": " + cell).isEmpty();
    }

    /**
     * For a single choice each option once (with a free text or a count where it takes one, and a count of 0);
     * for a checkbox group each option alone, every option at once, and none.
     */
    private static List<Answer> answers(Item item) {
        List<Answer> answers = new ArrayList<>();
        if (item.type() == ItemType.SINGLE_CHOICE) {
            for (ChoiceOption option : item.options()) {
                Selection selection = filled(option, 3L);
                answers.add(new ChoiceAnswer(selection.optionCode(), selection.text(), selection.count()));
                if (option.count()) {
                    answers.add(new ChoiceAnswer(option.code(), null, 0L));
                    answers.add(new ChoiceAnswer(option.code(), null, null));
                }
            }
            return answers;
        }
        List<Selection> all = new ArrayList<>();
        for (ChoiceOption option : item.options()) {
            answers.add(new MultiChoiceAnswer(List.of(filled(option, 13L))));
            all.add(filled(option, 0L));
        }
        answers.add(new MultiChoiceAnswer(all));
        answers.add(new MultiChoiceAnswer(List.of()));
        return answers;
    }

    private static Selection filled(ChoiceOption option, long count) {
        return new Selection(option.code(), option.freeText() ? FREE_TEXT : null, option.count() ? count : null);
    }

    private static List<Selection> selections(Answer answer) {
        if (answer instanceof ChoiceAnswer choice) {
            return List.of(new Selection(choice.optionCode(), choice.text(), choice.count()));
        }
        return ((MultiChoiceAnswer) answer).selections();
    }

    private static Item item(ItemType type, ChoiceOption... options) {
        return new Item(new ItemId("representative"), "", "代表", type, false, 0, List.of(options), 0, 0, null);
    }

    private static ChoiceOption option(String code, String label) {
        return new ChoiceOption(code, label);
    }

    private static ChoiceOption option(String code, String label, boolean freeText, boolean count) {
        return new ChoiceOption(code, label, freeText, count);
    }
}
