package jp.hyoka.server.axon;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.server.importing.DocumentImport;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.security.Tenants;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.CountingDriver;
import jp.hyoka.server.support.HyokaServerTest;
import jp.hyoka.server.support.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live read-model processor projects an import (one command of several events, the document's content an earlier
 * one) from the events its stream delivered: it never reads the command's events back from the store by aggregate
 * (WholeCommands remembering; BENCHMARKS.md row 4, infra/docs/import-benchmark.md, eighth pass).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportProjectedFromTheStreamIT extends HyokaServerTest {

    @Inject
    DocumentImport imports;
    @Inject
    Tenants tenants;

    @Override
    public Map<String, String> getProperties() {
        return CountingDriver.counting(super.getProperties());
    }

    @Test
    void givenDocumentsImported_whenTheReadModelsShowThem_thenTheProcessorReadNoCommandBackFromTheStore() {
        tenants.register(Callers.KAWASAKI, "川崎市");
        Caller importer = new Caller(Callers.KAWASAKI, new Actor("importer", "取込 太郎"), Set.of(Caller.EDITOR));
        int mark = CountingDriver.mark();

        for (String sample : List.of(Samples.ALL_ITEMS_000, Samples.KEY_ITEMS_003)) {
            // returns once the read models show the import (read-your-writes)
            imports.importDocument(importer, sample, Samples.bytes(sample), null, null, "from the stream");
        }

        List<String> processorTrips = CountingDriver.since(mark).stream()
                .filter(trip -> trip.thread().startsWith("EventProcessor[assessment-read-models]"))
                .map(trip -> trip.sql().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")).toList();
        assertThat(processorTrips).as("the processor's statements").anyMatch(sql -> sql.contains("rm_answer"));
        assertThat(processorTrips).as("events read back by aggregate")
                .noneMatch(sql -> sql.contains("from domainevententry") && sql.contains("aggregateidentifier = ?"));
    }
}
