package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.ImportDocument;
import jp.hyoka.domain.assessment.event.RepeatEntryAdded;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.importing.body.ImportedAnswer;
import jp.hyoka.domain.importing.body.ImportedDocument;
import jp.hyoka.domain.importing.body.ImportedEntry;
import jp.hyoka.domain.importing.body.UnmappedContent;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.Rejection;

import java.util.ArrayList;
import java.util.List;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static jp.hyoka.domain.assessment.RepeatFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A published document as the body importer hands it over, on the 重点項目 forms of {@link RepeatFixtures}: its
 * 事務の名称, one システム s1, one file f1 with one 委託事項 c1, an answer in each; imported by 山田 of 川崎市 at T2.
 */
final class ImportDocumentFixtures {

    static final String SOURCE = "003_yokohama.txt";
    static final String HASH = "6c10cb1f5ae90412";
    static final String REASON = "公表済みの評価書を取り込む";
    static final String PRINTED_NAME = "ひとり親家庭等医療費助成に関する事務";

    static final List<ImportedEntry> ENTRIES = List.of(new ImportedEntry(SYSTEM, TOP, "s1", 0),
            new ImportedEntry(FILE, TOP, "f1", 0), new ImportedEntry(CONSIGNMENT, List.of("f1"), "c1", 0));
    /** The 事務の名称 first, so that {@code subList(1, …)} is a body without one. */
    static final List<ImportedAnswer> ANSWERS = List.of(imported(AFFAIR_NAME, TOP, PRINTED_NAME, 17),
            imported(SYSTEM_NAME, List.of("s1"), "住民記録システム", 24),
            imported(FILE_NAME, List.of("f1"), "ひとり親サブシステムファイル", 36),
            imported(CONSIGNMENT_CONTENT, List.of("f1", "c1"), "システムの運用", 43));

    private ImportDocumentFixtures() {
    }

    /** 40 rows read, 38 mapped. */
    static ImportedDocument body(FormRef form, List<ImportedEntry> entries, List<ImportedAnswer> answers,
                                 List<UnmappedContent> unmapped) {
        return new ImportedDocument(form, entries, answers, unmapped, List.of(), 40, 38);
    }

    static ImportedAnswer imported(ItemId item, List<String> entries, String text, int line) {
        return new ImportedAnswer(item, entries, new TextAnswer(text), line);
    }

    static ImportDocument importing(FormRef form, String affairName, ImportedDocument body, List<PastChange> past) {
        return new ImportDocument(KEY_ID, KAWASAKI, form, affairName, body, SOURCE, HASH, past, List.of(), REASON, YAMADA, T2);
    }

    @SafeVarargs
    static <T> List<T> plus(List<T> list, T... more) {
        List<T> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all;
    }

    /** The rejection the import is refused with; fails if it is accepted or refused for another reason. */
    static <R extends Rejection> R rejection(ImportDocument command, Class<R> type) {
        CommandRejected rejected = catchThrowableOfType(() -> RepeatFixtures.decider().importDocument(command),
                CommandRejected.class);
        assertThat(rejected).withFailMessage("expected %s, but the import was accepted", type.getSimpleName()).isNotNull();
        assertThat(rejected.rejection()).isInstanceOf(type);
        return type.cast(rejected.rejection());
    }

    static RepeatEntryAdded addedBy(String group, List<String> parents, String entry, int position) {
        return new RepeatEntryAdded(KEY_ID, KAWASAKI, group, parents, entry, position, REASON, YAMADA, T2);
    }
}
