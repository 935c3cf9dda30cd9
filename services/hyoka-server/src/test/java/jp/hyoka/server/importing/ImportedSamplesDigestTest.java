package jp.hyoka.server.importing;

import jp.hyoka.domain.assessment.Assessment;
import jp.hyoka.domain.assessment.AssessmentDecider;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.assessment.command.ImportDocument;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.importing.DecodedExport;
import jp.hyoka.domain.importing.ExportDecoding;
import jp.hyoka.domain.importing.annex.ChangeAnnex;
import jp.hyoka.domain.importing.annex.ChangeAnnexParser;
import jp.hyoka.domain.importing.annex.PathResolution;
import jp.hyoka.domain.importing.body.DocumentBodyImport;
import jp.hyoka.domain.importing.body.ImportedDocument;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.forms.JsoupRichTextSanitizer;
import jp.hyoka.server.support.OldStyleImports;
import jp.hyoka.server.support.Samples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole imported result of every published sample, pinned: the body as read (form revision, entries, answers,
 * rows kept aside, warnings with their lines, counts), the annex and its resolved paths, the past, the report's
 * warnings and the events the decider makes of it, as one SHA-256 per sample. Pinned before the reader was made
 * faster (import benchmark, BENCHMARKS.md row 4): a speed-up must not change one character of what is imported. A
 * change meant to alter the import updates the digests, saying why in its commit.
 * <p>
 * Two digests per sample since an import's entries and answers became one DocumentContentImported (2026-12-07): the
 * first is over everything with the events expanded back to the per-answer events they stand for, and is the digest
 * pinned before that change, unchanged — the reading did not change, and the expansion is exactly what the decider
 * made before; the second is over everything with the events as the decider makes them now (re-pinned then).
 * <p>
 * Re-pinned for 003 and 004 (both digests) when the count of 委託の有無 printed after its option list ("[委託する]
 * &lt;選択肢&gt; 1) 委託する 2) 委託しない (6) 件") began to be read (issue 23): the answers of file.consigning gain
 * their count — 003 file 1: 6, file 2: 3; 004: 1 — and nothing else of either sample changed (000 and 001 are as
 * pinned before).
 * <p>
 * Re-pinned for 000, 003 and 004 (both digests) when a repeat block printed with its labels and no value stopped
 * being an entry (issue 23: "the empty 提供先1 / 移転先1 block"): the old pins held an entry without answers that the
 * document does not have — 000: 提供先1 of its file; 003: 提供先1 of a file; 004: 提供先1 and 移転先1 — and those
 * entries (with their RepeatEntryAdded) are all that changed: with that one rule switched off the old pins hold, with
 * the 基礎 form's new items, the rising page numbers, the annex rows joined over a page break and the look-ahead of
 * spaced rows in place (001, an annex alone, is as pinned before).
 */
class ImportedSamplesDigestTest {

    private static final ClasspathFormCatalog FORMS = new ClasspathFormCatalog();
    private static final AnswerRules RULES = new AnswerRules(new JsoupRichTextSanitizer());
    private static final AssessmentDecider DECIDER = new AssessmentDecider(FORMS, RULES);

    @ParameterizedTest
    @CsvSource({
            Samples.ALL_ITEMS_000 + ", b042b243f394dc5caaac2cf20de65ea9d0be7b0a3ac6592319af0e9777ec6e7a, eeab562016a16724dc0bf9afab08659191c515b846c55fc09a846257d04269e7",
            Samples.ANNEX_ONLY_001 + ", 3d358bd4db0791bcb3cbd125d90b2b51523a011543dced8d203b848abf7a2d37, 3d358bd4db0791bcb3cbd125d90b2b51523a011543dced8d203b848abf7a2d37",
            Samples.KEY_ITEMS_003 + ", 1f6eaf3c439f5f4f93b523fa5cdac328c69c91f752f0fdf3dacd5827147db051, 2d0a03a93ad0cf9865d65aee5036d8922ec2f2de7d7b6ff6788e36be6e12f0ac",
            Samples.KEY_ITEMS_004 + ", f9fbf74c4c3c3f19d8821ebf78f2376760f14838f00b0883af8c08417e585900, cc4f1c1fcd5ecc85a034baca7f3b27bc7a1bdbda45128aa12ccdcd434bb8ebb6"})
    void givenAPublishedSample_whenImported_thenEverythingImportedIsAsPinned(String sample, String pinnedPerAnswer,
                                                                           String pinned) {
        String imported = imported(sample, false);

        assertThat(imported(sample, false)).as("the import is deterministic").isEqualTo(imported);
        assertThat(sha256(imported(sample, true))).as("digest of everything imported from " + sample
                + ", its events expanded to per-answer events").isEqualTo(pinnedPerAnswer);
        assertThat(sha256(imported)).as("digest of everything imported from " + sample).isEqualTo(pinned);
    }

    /**
     * The equivalence that lets an import store one content event: folded from the decider's events, the aggregate
     * is the one folded from the per-answer events they stand for (one event at a time and all at once), but for the
     * revision (the content event is one revision).
     */
    @ParameterizedTest
    @CsvSource({Samples.ALL_ITEMS_000, Samples.ANNEX_ONLY_001, Samples.KEY_ITEMS_003, Samples.KEY_ITEMS_004})
    void givenAPublishedSample_whenImportedAndFolded_thenTheAssessmentIsTheOneOfThePerAnswerEvents(String sample) {
        List<AssessmentEvent> events = decided(sample);
        List<AssessmentEvent> perAnswer = OldStyleImports.expand(events);

        Assessment folded = fold(events);
        Assessment foldedPerAnswer = fold(perAnswer);

        assertThat(folded).usingRecursiveComparison().ignoringFields("revision").isEqualTo(foldedPerAnswer);
        assertThat(foldedOneByOne(events)).isEqualTo(folded);
        assertThat(foldedOneByOne(perAnswer)).isEqualTo(foldedPerAnswer);
        assertThat(folded.revision()).isEqualTo(events.size());
        assertThat(foldedPerAnswer.revision()).isEqualTo(perAnswer.size());
        if (!sample.equals(Samples.ANNEX_ONLY_001)) {
            assertThat(perAnswer.size()).as("the per-answer events an import of " + sample + " used to store")
                    .isGreaterThan(events.size() + 100);
        }
    }

    private static Assessment fold(List<AssessmentEvent> events) {
        return Assessment.begin((AssessmentStarted) events.get(0)).evolveAll(events.subList(1, events.size()));
    }

    private static Assessment foldedOneByOne(List<AssessmentEvent> events) {
        Assessment state = Assessment.begin((AssessmentStarted) events.get(0));
        for (AssessmentEvent event : events.subList(1, events.size())) {
            state = state.evolve(event);
        }
        return state;
    }

    private static List<AssessmentEvent> decided(String sample) {
        List<AssessmentEvent> events = new ArrayList<>();
        imported(sample, false, events);
        return events;
    }

    private static String imported(String sample, boolean perAnswer) {
        return imported(sample, perAnswer, new ArrayList<>());
    }

    private static String imported(String sample, boolean perAnswer, List<AssessmentEvent> decided) {
        DecodedExport decoded = ExportDecoding.decode(Samples.bytes(sample));
        List<String> lines = decoded.lines();
        Optional<FormKind> kind = DocumentBodyImport.kind(lines);
        AtomicInteger ids = new AtomicInteger();
        ImportedDocument body = kind.map(k -> DocumentBodyImport.read(lines,
                FORMS.all().stream().filter(form -> form.ref().kind() == k).toList(), RULES,
                () -> "entry-" + ids.incrementAndGet())).orElse(null);
        FormDefinition form = body == null ? FORMS.current(FormKind.KEY_ITEMS) : FORMS.find(body.form()).orElseThrow();
        ChangeAnnex annex = ChangeAnnexParser.parse(lines);
        List<PathResolution> paths = ImportSources.resolve(annex, Optional.of(ImportSources.resolver(form, FORMS)));
        List<PastChange> past = ImportSources.pastChanges(annex, paths, Optional.of(form));
        List<AssessmentEvent> events = DECIDER.importDocument(new ImportDocument(
                new AssessmentId(UUID.fromString("01927a3c-5b1e-7000-8000-00000000000a")),
                new MunicipalityCode("141305"), form.ref(), "名称", body, "sample", ImportSources.contentHash(decoded),
                past, List.of(), null, new Actor("tester", "テスト"), Instant.parse("2026-11-23T00:00:00Z")));
        String digested = String.join("\n", String.valueOf(body), String.valueOf(annex), String.valueOf(paths),
                String.valueOf(past), String.valueOf(ImportSources.warnings(decoded, annex)),
                String.valueOf(ImportSources.pathWarnings(annex, paths)),
                String.valueOf(perAnswer ? OldStyleImports.expand(events) : events));
        decided.addAll(events);
        return digested;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
