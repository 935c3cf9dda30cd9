package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.ImportPastChanges;
import jp.hyoka.domain.assessment.event.PastChangesImported;
import jp.hyoka.domain.rejection.AssessmentNotFound;
import jp.hyoka.domain.rejection.StaleRevision;
import jp.hyoka.domain.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static jp.hyoka.domain.assessment.AssessmentFixtures.ASAHIKAWA;
import static jp.hyoka.domain.assessment.AssessmentFixtures.KAWASAKI;
import static jp.hyoka.domain.assessment.AssessmentFixtures.KEY_ID;
import static jp.hyoka.domain.assessment.AssessmentFixtures.T1;
import static jp.hyoka.domain.assessment.AssessmentFixtures.T2;
import static jp.hyoka.domain.assessment.AssessmentFixtures.YAMADA;
import static jp.hyoka.domain.assessment.AssessmentFixtures.startedKeyItemsAssessment;
import static org.assertj.core.api.Assertions.assertThat;

class ImportPastChangesTest {

    private static final List<PastChange> ROWS = List.of(new PastChange(0, 4, LocalDate.of(2018, 6, 7), "平成30年6月7日",
            "基本情報 2. 特定個人情報ファイルを取り扱う事務において使用するシステム システム4 他のシステムとの接続", null,
            "EMPTY", "(空欄)", "TEXT", "国民健康保険システム", null, "", "NONE"));
    private static final String HASH = "9f2c0a";

    private final DeciderSpec spec = DeciderSpec.onTestForms();

    @Test
    void givenStartedAssessment_whenImportPastChanges_thenPastChangesImportedWithTheRowsAsWritten() {
        spec.given(startedKeyItemsAssessment())
                .when(importing(KAWASAKI, 1, HASH))
                .thenEvents(new PastChangesImported(KEY_ID, KAWASAKI, "001.txt", HASH, ROWS, null, YAMADA, T2));
    }

    @Test
    void givenTheSameFileImportedBefore_whenImportedAgain_thenNothingHappens() {
        spec.given(startedKeyItemsAssessment(),
                        new PastChangesImported(KEY_ID, KAWASAKI, "001.txt", HASH, ROWS, null, YAMADA, T1))
                .when(importing(KAWASAKI, 2, HASH))
                .thenNoEvents();
    }

    @Test
    void givenAnotherFileImportedBefore_whenImported_thenItIsImportedToo() {
        spec.given(startedKeyItemsAssessment(),
                        new PastChangesImported(KEY_ID, KAWASAKI, "old.txt", "other", ROWS, null, YAMADA, T1))
                .when(importing(KAWASAKI, 2, HASH))
                .thenEvents(new PastChangesImported(KEY_ID, KAWASAKI, "001.txt", HASH, ROWS, null, YAMADA, T2));
    }

    @Test
    void givenStaleRevision_whenImport_thenStaleRevision() {
        spec.given(startedKeyItemsAssessment()).when(importing(KAWASAKI, 5, HASH)).thenRejected(StaleRevision.class);
    }

    @Test
    void givenAnotherMunicipalitysAssessment_whenImport_thenAssessmentNotFound() {
        spec.given(startedKeyItemsAssessment()).when(importing(ASAHIKAWA, 1, HASH))
                .thenRejected(AssessmentNotFound.class);
    }

    @Test
    void givenImportedPast_whenFolded_thenTheSourceIsRememberedAndTheRevisionCounted() {
        Assessment state = DeciderSpec.fold(startedKeyItemsAssessment(),
                new PastChangesImported(KEY_ID, KAWASAKI, "001.txt", HASH, ROWS, null, YAMADA, T1));

        assertThat(state.importedSources()).containsExactly(HASH);
        assertThat(state.revision()).isEqualTo(2);
    }

    private static ImportPastChanges importing(MunicipalityCode tenant, long revision, String hash) {
        return new ImportPastChanges(KEY_ID, tenant, revision, "001.txt", hash, ROWS, null, YAMADA, T2);
    }
}
