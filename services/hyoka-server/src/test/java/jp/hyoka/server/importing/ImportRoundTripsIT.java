package jp.hyoka.server.importing;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.CountingDriver;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an import asks the database before its command (BENCHMARKS.md row 4): whether the file was imported already
 * is asked of the event store in one statement, not of the read models in a tenant-scoped read (three round trips);
 * importing the same file again still finds the assessment it became.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportRoundTripsIT extends SignedInServerTest {

    private static final Caller EDITOR = new Caller(Callers.KAWASAKI, new Actor("k-editor", "川崎 一郎"),
            Set.of(Caller.EDITOR));

    @Inject
    DocumentImport imports;

    @Override
    public Map<String, String> getProperties() {
        return CountingDriver.counting(super.getProperties());
    }

    @Test
    void givenAFileNotImportedYet_whenImported_thenOnlyTheEventStoreIsAskedWhetherItWasBeforeTheCommand() {
        byte[] content = Samples.bytes(Samples.KEY_ITEMS_003);
        int mark = CountingDriver.mark();
        DocumentImport.Result first = imports.importDocument(EDITOR, "003.txt", content, null, null, null);

        List<String> beforeCommand = beforeEventInsert(mark);
        assertThat(first.report().alreadyImported()).isFalse();
        assertThat(beforeCommand).as("statements before the command's insert")
                .noneMatch(sql -> sql.contains("rm_assessment") || sql.contains("set_config"))
                .filteredOn(sql -> sql.contains("domainevententry")).hasSize(1);

        DocumentImport.Result again = imports.importDocument(EDITOR, "003-again.txt", content, null, null, null);
        assertThat(again.report().alreadyImported()).isTrue();
        assertThat(again.outcome()).isInstanceOfSatisfying(EditOutcome.Edited.class, edited -> {
            EditOutcome.Edited imported = (EditOutcome.Edited) first.outcome();
            assertThat(edited.assessmentId()).isEqualTo(imported.assessmentId());
            assertThat(edited.revision()).isEqualTo(imported.revision());
        });
    }

    /** This thread's statements after {@code mark}, up to the first insert into the event table. */
    private static List<String> beforeEventInsert(int mark) {
        List<String> statements = new ArrayList<>();
        for (CountingDriver.RoundTrip trip : CountingDriver.sinceOnThisThread(mark)) {
            String sql = trip.sql().toLowerCase(Locale.ROOT);
            if (sql.startsWith("insert into domainevententry")) {
                return statements;
            }
            statements.add(sql);
        }
        throw new AssertionError("no event inserted on this thread");
    }
}
