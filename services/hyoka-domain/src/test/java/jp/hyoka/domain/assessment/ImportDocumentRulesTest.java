package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.ImportDocument;
import jp.hyoka.domain.assessment.event.DocumentContentImported;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.importing.body.ImportedAnswer;
import jp.hyoka.domain.importing.body.ImportedEntry;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.RepeatLimitReached;
import jp.hyoka.domain.rejection.TextTooLong;
import jp.hyoka.domain.rejection.UnknownItem;
import jp.hyoka.domain.rejection.UnknownRepeatEntry;
import jp.hyoka.domain.rejection.UnknownRepeatGroup;
import jp.hyoka.domain.rejection.WrongAnswerType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static jp.hyoka.domain.assessment.ImportDocumentFixtures.*;
import static jp.hyoka.domain.assessment.RepeatFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An imported body is checked with the same rules as typed edits: an importer bug can refuse an import, never store
 * an answer or an entry an edit could not.
 */
class ImportDocumentRulesTest {

    private final AssessmentDecider decider = RepeatFixtures.decider();

    @Test
    void givenAnItemTheRevisionLacks_whenImported_thenUnknownItem() {
        List<ImportedAnswer> answers = plus(ANSWERS, imported(LEGACY_CODE, TOP, "A-12", 20));   // 2024 only

        assertThat(rejection(importing2025(ENTRIES, answers), UnknownItem.class))
                .isEqualTo(new UnknownItem("affair.legacy-code", "KEY_ITEMS@2025"));
    }

    @Test
    void givenATextLongerThanTheItemAllows_whenImported_thenTextTooLong() {
        List<ImportedAnswer> answers = plus(ANSWERS, imported(SYSTEM_NAME, List.of("s1"), "長".repeat(201), 25));

        assertThat(rejection(importing2024(ENTRIES, answers), TextTooLong.class))
                .isEqualTo(new TextTooLong("system.name", 200, 201));
    }

    @Test
    void givenAnAnswerOfTheWrongType_whenImported_thenWrongAnswerType() {
        List<ImportedAnswer> answers = plus(ANSWERS,
                new ImportedAnswer(HELD_SINCE, List.of("f1"), new RichTextAnswer("<p>平成29年1月1日</p>"), 40));

        assertThat(rejection(importing2024(ENTRIES, answers), WrongAnswerType.class).itemId())
                .isEqualTo("file.basics.held-since");
    }

    @Test
    void givenAnAnswerInAnEntryTheImportDoesNotCreate_whenImported_thenInvalidEntries() {
        List<ImportedAnswer> answers = plus(ANSWERS, imported(SYSTEM_NAME, List.of("s9"), "中間サーバー", 30));

        assertThat(rejection(importing2024(ENTRIES, answers), InvalidInput.class).field()).isEqualTo("entries");
    }

    @Test
    void givenAConsignmentUnderAFileTheImportDoesNotCreate_whenImported_thenUnknownRepeatEntry() {
        List<ImportedEntry> entries = plus(ENTRIES, new ImportedEntry(CONSIGNMENT, List.of("f9"), "c2", 0));

        assertThat(rejection(importing2024(entries, ANSWERS), UnknownRepeatEntry.class))
                .isEqualTo(new UnknownRepeatEntry(CONSIGNMENT, List.of("c2")));
    }

    @Test
    void givenAConsignmentWithoutItsFile_whenImported_thenUnknownRepeatEntry() {
        List<ImportedEntry> entries = plus(ENTRIES, new ImportedEntry(CONSIGNMENT, TOP, "c2", 0));

        assertThat(rejection(importing2024(entries, ANSWERS), UnknownRepeatEntry.class).groupId()).isEqualTo(CONSIGNMENT);
    }

    @Test
    void givenTwoEntriesWithOneId_whenImported_thenUnknownRepeatEntry() {
        List<ImportedEntry> entries = plus(ENTRIES, new ImportedEntry(FILE, TOP, "s1", 1));

        assertThat(rejection(importing2024(entries, ANSWERS), UnknownRepeatEntry.class))
                .isEqualTo(new UnknownRepeatEntry(FILE, List.of("s1")));
    }

    @Test
    void givenMoreSystemsThanTheFormAllows_whenImported_thenRepeatLimitReached() {
        List<ImportedEntry> entries = plus(ENTRIES, new ImportedEntry(SYSTEM, TOP, "s2", 1),
                new ImportedEntry(SYSTEM, TOP, "s3", 2), new ImportedEntry(SYSTEM, TOP, "s4", 3));

        assertThat(rejection(importing2024(entries, ANSWERS), RepeatLimitReached.class))
                .isEqualTo(new RepeatLimitReached(SYSTEM, 3));
    }

    @Test
    void givenAGroupTheFormLacks_whenImported_thenUnknownRepeatGroup() {
        List<ImportedEntry> entries = plus(ENTRIES, new ImportedEntry("vendor", TOP, "v1", 0));

        assertThat(rejection(importing2024(entries, ANSWERS), UnknownRepeatGroup.class))
                .isEqualTo(new UnknownRepeatGroup("vendor", "KEY_ITEMS@2024"));
    }

    @Test
    void givenATextWithControlCharacters_whenImported_thenTheAnswerIsStoredCleaned() {
        List<ImportedAnswer> answers = List.of(imported(FILE_NAME, List.of("f1"), "ひとり親\u0000ファイル", 36));

        assertThat(decider.importDocument(importing2024(ENTRIES, answers)))
                .filteredOn(DocumentContentImported.class::isInstance)
                .flatMap(e -> ((DocumentContentImported) e).itemsAnswered()).map(ItemAnswered::answer)
                .containsExactly(new TextAnswer("ひとり親ファイル"));
    }

    private static ImportDocument importing2024(List<ImportedEntry> entries, List<ImportedAnswer> answers) {
        return importing(FORM_2024, AFFAIR, body(FORM_2024, entries, answers, List.of()), List.of());
    }

    private static ImportDocument importing2025(List<ImportedEntry> entries, List<ImportedAnswer> answers) {
        return importing(FORM_2025, AFFAIR, body(FORM_2025, entries, answers, List.of()), List.of());
    }
}
