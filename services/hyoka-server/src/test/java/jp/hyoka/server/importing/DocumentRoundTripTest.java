package jp.hyoka.server.importing;

import jp.hyoka.domain.assessment.Assessment;
import jp.hyoka.domain.assessment.AssessmentDecider;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.assessment.command.ImportDocument;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.exporting.DocumentExport;
import jp.hyoka.domain.exporting.HtmlExport;
import jp.hyoka.domain.exporting.TsvExport;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.importing.ExportDecoding;
import jp.hyoka.domain.importing.annex.ChangeAnnex;
import jp.hyoka.domain.importing.annex.ChangeAnnexParser;
import jp.hyoka.domain.importing.annex.ItemPathResolver;
import jp.hyoka.domain.importing.body.DocumentBodyImport;
import jp.hyoka.domain.importing.body.ImportedAnswer;
import jp.hyoka.domain.importing.body.ImportedDocument;
import jp.hyoka.domain.importing.body.ImportedEntry;
import jp.hyoka.domain.importing.body.UnmappedContent;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.forms.JsoupRichTextSanitizer;
import jp.hyoka.server.support.Samples;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export then import gives the same document: each published sample is imported, exported to the tab-separated
 * format, and the export imported again; both imports have the same form revision, the same answers in the same
 * repeat entries (by position: ids are new), nothing unmapped the second time, and the same past.
 */
class DocumentRoundTripTest {

    private static final ClasspathFormCatalog FORMS = new ClasspathFormCatalog();
    private static final AnswerRules RULES = new AnswerRules(new JsoupRichTextSanitizer());
    private static final AssessmentDecider DECIDER = new AssessmentDecider(FORMS, RULES);

    @ParameterizedTest
    @ValueSource(strings = {Samples.ALL_ITEMS_000, Samples.KEY_ITEMS_003, Samples.KEY_ITEMS_004})
    void givenAnImportedSample_whenExportedAndImportedAgain_thenTheDocumentIsTheSame(String sample) {
        List<String> lines = ExportDecoding.decode(Samples.bytes(sample)).lines();
        Imported first = importLines(lines);
        assertThat(first.body().rowsMapped() + first.body().unmapped().size())
                .as("every row read is either mapped or kept aside").isEqualTo(first.body().rowsRead());
        assertThat(first.body().unmapped()).as("rows whose label names no item of the form")
                .noneMatch(row -> row.reason().equals(UnmappedContent.UNKNOWN_LABEL));

        String tsv = TsvExport.render(new DocumentExport(first.form(), first.state(), first.past()));
        Imported second = importLines(ExportDecoding.decode(tsv.getBytes(StandardCharsets.UTF_8)).lines());

        assertThat(second.body().form()).isEqualTo(first.body().form());
        assertThat(second.body().unmapped()).as("rows the export wrote that its import could not map").isEmpty();
        Map<String, Answer> expected = positional(first.body());
        Map<String, Answer> actual = positional(second.body());
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((key, answer) -> softly.assertThat(actual.get(key)).as(key).isEqualTo(answer));
        });
        assertThat(second.past()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("sourceLine", "rowIndex")
                .isEqualTo(first.past());
        assertThat(HtmlExport.render(new DocumentExport(first.form(), first.state(), first.past())))
                .contains("<html").contains(first.state().answer(Assessment.AFFAIR_NAME).orElseThrow().plainText());
    }

    private record Imported(FormDefinition form, ImportedDocument body, Assessment state, List<PastChange> past) {
    }

    private static Imported importLines(List<String> lines) {
        FormKind kind = DocumentBodyImport.kind(lines).orElseThrow();
        AtomicInteger ids = new AtomicInteger();
        ImportedDocument body = DocumentBodyImport.read(lines,
                FORMS.all().stream().filter(form -> form.ref().kind() == kind).toList(), RULES,
                () -> "entry-" + ids.incrementAndGet());
        FormDefinition form = FORMS.find(body.form()).orElseThrow();
        ChangeAnnex annex = ChangeAnnexParser.parse(lines);
        List<PastChange> past = ImportSources.pastChanges(annex,
                ImportSources.resolve(annex, Optional.of(new ItemPathResolver(form))), Optional.of(form));
        List<AssessmentEvent> events = DECIDER.importDocument(new ImportDocument(new AssessmentId(UUID.randomUUID()),
                new MunicipalityCode("141305"), form.ref(), "名称", body, "sample", "hash", past, List.of(), null,
                new Actor("tester", "テスト"), Instant.parse("2026-11-23T00:00:00Z")));
        Assessment state = Assessment.begin((AssessmentStarted) events.get(0));
        for (AssessmentEvent event : events.subList(1, events.size())) {
            state = state.evolve(event);
        }
        return new Imported(form, body, state, past);
    }

    /** Answers by item and entry positions ("file#1/file.consignment#2"), since entry ids differ per import. */
    private static Map<String, Answer> positional(ImportedDocument body) {
        Map<String, String> positionOf = new HashMap<>();
        for (ImportedEntry entry : body.entries()) {
            positionOf.put(entry.entryId(), entry.groupId() + "#" + (entry.position() + 1));
        }
        return body.answers().stream().collect(Collectors.toMap(
                (ImportedAnswer answer) -> answer.itemId().value() + "@"
                        + answer.entries().stream().map(positionOf::get).collect(Collectors.joining("/")),
                ImportedAnswer::answer));
    }
}
