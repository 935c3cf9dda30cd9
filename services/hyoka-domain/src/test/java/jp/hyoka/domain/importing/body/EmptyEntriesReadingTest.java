package jp.hyoka.domain.importing.body;

import jp.hyoka.domain.form.TextAnswer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static jp.hyoka.domain.importing.body.BodyForms.FORM_2024;
import static jp.hyoka.domain.importing.body.BodyForms.answer;
import static jp.hyoka.domain.importing.body.BodyForms.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A repeat block the form prints with its labels and no value (委託事項1 when nothing is consigned, 提供先1 when
 * nothing is provided) is no entry; one with at least one value is — taken, or refused, or a row kept aside inside it,
 * which would otherwise name an entry that is not there — and so is an empty one before it.
 */
class EmptyEntriesReadingTest {

    private static final String SYSTEMS = "2. 特定個人情報ファイルを取り扱う事務において使用するシステム";
    private static final List<String> FILE = List.of("II 特定個人情報ファイルの概要", "1. 特定個人情報ファイル名|住民記録ファイル",
            "4. 特定個人情報ファイルの取扱いの委託", "委託の有無|[委託しない]");

    private static ImportedDocument read(String... consignments) {
        List<String> body = new ArrayList<>(FILE);
        body.addAll(List.of(consignments));
        return BodyForms.read(document(body.toArray(String[]::new)), FORM_2024);
    }

    private static List<ImportedEntry> consignments(ImportedDocument document) {
        return document.entries().stream().filter(e -> e.groupId().equals("file.consignment")).toList();
    }

    @Test
    void givenABlockPrintedWithItsLabelsAndNoValue_whenRead_thenItIsNoEntry() {
        ImportedDocument document = read("委託事項1", "委託内容");

        assertThat(consignments(document)).isEmpty();
        assertThat(document.entries()).extracting(ImportedEntry::groupId).containsExactly("file");
        assertThat(document.unmapped()).isEmpty();
    }

    @Test
    void givenABlockWithOneValue_whenRead_thenItIsAnEntry() {
        ImportedDocument document = read("委託事項1|窓口業務", "委託内容");

        assertThat(consignments(document)).singleElement().satisfies(entry -> assertThat(
                answer(document, "file.consignment.title", "e1", entry.entryId())).contains(new TextAnswer("窓口業務")));
    }

    @Test
    void givenAnEmptyBlockBeforeOneWithValues_whenRead_thenBothAreEntriesAndKeepTheirNumbers() {
        ImportedDocument document = read("委託事項1", "委託内容", "委託事項2|運用保守", "委託内容|システムの運用保守");

        assertThat(consignments(document)).extracting(ImportedEntry::position).containsExactly(0, 1);
        assertThat(answer(document, "file.consignment.content", "e1", consignments(document).get(1).entryId()))
                .contains(new TextAnswer("システムの運用保守"));
    }

    @Test
    void givenABlockWhoseOnlyValueIsRefused_whenRead_thenItIsAnEntryAndTheRefusedValueIsKeptAside() {
        ImportedDocument document = BodyForms.read(document(SYSTEMS, "システム1", "①システムの名称|住民記録システム",
                "システム2", "③他のシステムとの接続|[存在しない接続]"), FORM_2024);

        assertThat(document.entries()).filteredOn(e -> e.groupId().equals("system"))
                .extracting(ImportedEntry::position).containsExactly(0, 1);
        assertThat(document.unmapped()).extracting(UnmappedContent::reason, UnmappedContent::itemId)
                .containsExactly(tuple(UnmappedContent.INVALID_VALUE, "system.connections"));
    }

    @Test
    void givenABlockWhoseOnlyContentIsARowKeptAside_whenRead_thenItIsAnEntry() {
        ImportedDocument document = read("委託事項1", "委託内容", "委託の備考|特になし");

        assertThat(consignments(document)).extracting(ImportedEntry::position).containsExactly(0);
        assertThat(document.unmapped()).extracting(UnmappedContent::reason)
                .containsExactly(UnmappedContent.UNKNOWN_LABEL);
    }

    @Test
    void givenAnEmptyBlockAfterOneWithValues_whenRead_thenOnlyTheOneWithValuesIsAnEntry() {
        ImportedDocument document = read("委託事項1|運用保守", "委託内容|システムの運用保守", "委託事項2", "委託内容");

        assertThat(consignments(document)).extracting(ImportedEntry::position).containsExactly(0);
    }
}
