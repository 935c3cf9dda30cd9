package jp.hyoka.server.components;

import jp.hyoka.domain.components.text.BoilerplateMatcher;
import jp.hyoka.domain.components.text.RecognisedSection;
import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.importing.ExportDecoding;
import jp.hyoka.domain.importing.body.DocumentBodyImport;
import jp.hyoka.domain.importing.body.ImportedAnswer;
import jp.hyoka.domain.importing.body.ImportedDocument;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.forms.JsoupRichTextSanitizer;
import jp.hyoka.server.support.Samples;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published samples' copies of the boilerplate are recognised as the seeded components, each as the version it
 * copies: every sample is read as an import reads it (answers by item id, rich text as stored), each answer's
 * "…における措置" sections are matched ({@link BoilerplateMatcher}, threshold 0.85) against every seeded version
 * rendered with the default options and §5.2's slot values, and the components recognised per item are exactly the
 * expected ones (004's 保管場所 is v2 of the platform's, 003's v1). Similarities are printed for the README.
 */
class SeededCatalogueRecognitionTest {

    private static final ClasspathFormCatalog FORMS = new ClasspathFormCatalog();
    private static final AnswerRules RULES = new AnswerRules(new JsoupRichTextSanitizer());
    private static final BoilerplateMatcher<String> MATCHER = new BoilerplateMatcher<>(SeededCatalogue.candidates());

    private static final String SYSTEM = "intermediate-server-system.";
    private static final String SOFTWARE = "intermediate-server-software.";
    private static final String PLATFORM = "intermediate-server-platform.";
    private static final String CLOUD = "government-cloud.";

    @Test
    void givenKawasaki000_whenItsCellsAreMatched_thenTheSoftwareAndPlatformV1CopiesAreRecognised() {
        assertRecognised(Samples.ALL_ITEMS_000, Map.ofEntries(
                Map.entry("file.storage.erasure-method", Set.of(PLATFORM + "erasure-method@1")),
                Map.entry("file.risk.network.r1.measure", Set.of(SOFTWARE + "unauthorised-acquisition@1")),
                Map.entry("file.risk.network.r2.measure", Set.of(SOFTWARE + "secure-acquisition@1")),
                Map.entry("file.risk.network.r3.measure", Set.of(SOFTWARE + "accurate-acquisition@1")),
                Map.entry("file.risk.network.r4.measure", Set.of(SOFTWARE + "acquisition-leakage@1")),
                Map.entry("file.risk.network.other", Set.of(SOFTWARE + "other-risks@1", PLATFORM + "network-measures@1")),
                Map.entry("file.risk.storage.r1.physical-measures-detail", Set.of(PLATFORM + "physical-measures@1")),
                Map.entry("file.risk.storage.r1.technical-measures-detail", Set.of(PLATFORM + "technical-measures@1")),
                Map.entry("other-risk.audit.self-inspection-method", Set.of(PLATFORM + "self-inspection@1")),
                Map.entry("other-risk.audit.audit-content", Set.of(PLATFORM + "audit@1")),
                Map.entry("other-risk.training.method", Set.of(PLATFORM + "training@1")),
                Map.entry("other-risk.other-measures", Set.of(PLATFORM + "other-measures@1"))));
    }

    @Test
    void givenYokohama003_whenItsCellsAreMatched_thenItsStorageLocationIsPlatformV1() {
        assertRecognised(Samples.KEY_ITEMS_003, Map.of(
                "file.storage.location", Set.of(PLATFORM + "storage-location@1"),
                "file.risk.network.r1.measure", Set.of(SOFTWARE + "unauthorised-acquisition@1"),
                "file.risk.network.r2.measure", Set.of(SOFTWARE + "unauthorised-provision@1"),
                "file.risk.network.other", Set.of(SOFTWARE + "other-risks@1", PLATFORM + "network-measures@1"),
                "file.risk.training.method", Set.of(PLATFORM + "training@1"),
                "file.risk.other-measures", Set.of(PLATFORM + "other-measures@1")));
    }

    @Test
    void givenAsahikawa004_whenItsCellsAreMatched_thenItsStorageLocationIsPlatformV2AndGovernmentCloud() {
        assertRecognised(Samples.KEY_ITEMS_004, Map.of(
                "system.function", Set.of(SYSTEM + "functions@1"),
                "file.storage.location", Set.of(CLOUD + "storage-location@1", PLATFORM + "storage-location@2"),
                "file.risk.network.r2.measure", Set.of(SOFTWARE + "unauthorised-provision@1"),
                "file.risk.network.other", Set.of(SOFTWARE + "other-risks@1", PLATFORM + "network-measures@2"),
                "file.risk.storage.other", Set.of(CLOUD + "audit@1", PLATFORM + "physical-measures@2",
                        PLATFORM + "technical-measures@2"),
                "file.risk.other-measures", Set.of(PLATFORM + "other-measures@2", CLOUD + "other-measures@1")));
    }

    /** Per item, the components recognised in all its answers (every file, every system) are exactly the expected. */
    private static void assertRecognised(String sample, Map<String, Set<String>> expected) {
        Map<String, Set<String>> recognised = new TreeMap<>();
        SoftAssertions softly = new SoftAssertions();
        for (ImportedAnswer answer : answers(sample)) {
            if (!expected.containsKey(answer.itemId().value()) || !(answer.answer() instanceof RichTextAnswer rich)) {
                continue;
            }
            for (RecognisedSection<String> section : MATCHER.recognise(rich.html())) {
                recognised.computeIfAbsent(answer.itemId().value(), item -> new TreeSet<>()).add(section.match().id());
                softly.assertThat(section.match().similarity()).as("%s line %d", sample, answer.line())
                        .isGreaterThanOrEqualTo(BoilerplateMatcher.DEFAULT_THRESHOLD);
                System.out.printf("%s line %d %s [%s] → %s %.3f%n", sample, answer.line(), answer.itemId().value(),
                        section.section().heading(), section.match().id(), section.match().similarity());
            }
        }
        softly.assertAll();
        assertThat(recognised).isEqualTo(new TreeMap<>(expected.entrySet().stream().collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey, entry -> new TreeSet<>(entry.getValue())))));
    }

    private static List<ImportedAnswer> answers(String sample) {
        List<String> lines = ExportDecoding.decode(Samples.bytes(sample)).lines();
        FormKind kind = DocumentBodyImport.kind(lines).orElseThrow();
        AtomicInteger ids = new AtomicInteger();
        ImportedDocument body = DocumentBodyImport.read(lines,
                FORMS.all().stream().filter(form -> form.ref().kind() == kind).toList(), RULES,
                () -> "entry-" + ids.incrementAndGet());
        return body.answers();
    }
}
