package jp.hyoka.server.importing;

import jp.hyoka.domain.assessment.AssessmentDecider;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.assessment.command.ImportDocument;
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
import jp.hyoka.server.support.Samples;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What reading the published samples costs, without a database (BENCHMARKS.md row 4; infra/docs/import-benchmark.md):
 * the four samples read again and again as {@link DocumentImport} reads them (decode, body, annex, path resolver, the
 * past, the report's warnings), then the decider's events for them (the CPU part of the command), each phase's
 * thread CPU time per set. Run it under JFR to see where the reading goes:
 * <pre>HARNESS_JAVA_OPTIONS=-XX:StartFlightRecording=filename=/tmp/read.jfr \
 *   infra/scripts/run-harness.sh jp.hyoka.server.importing.ImportReadProbe [warm-up sets] [measured sets]</pre>
 */
public final class ImportReadProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<String> SAMPLES = List.of(Samples.ALL_ITEMS_000, Samples.KEY_ITEMS_003,
            Samples.KEY_ITEMS_004, Samples.ANNEX_ONLY_001);
    private static final String[] PHASES = {"decode", "annex", "body", "resolver", "past+report", "decider"};

    private final ClasspathFormCatalog forms = new ClasspathFormCatalog();
    private final AnswerRules rules = new AnswerRules(new JsoupRichTextSanitizer());
    private final AssessmentDecider decider = new AssessmentDecider(forms, rules);
    private final long[] cpu = new long[PHASES.length];
    private long mark;

    private ImportReadProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--digests")) {       // a quick look; ImportedSamplesDigestTest pins them
            java.lang.reflect.Method imported = ImportedSamplesDigestTest.class.getDeclaredMethod("imported",
                    String.class, boolean.class);
            imported.setAccessible(true);
            for (String sample : SAMPLES) {
                for (boolean perAnswer : new boolean[]{true, false}) {
                    byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(((String) imported
                            .invoke(null, sample, perAnswer)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    System.out.println("[digest] " + sample + (perAnswer ? " per answer " : " ")
                            + java.util.HexFormat.of().formatHex(digest));
                }
            }
            return;
        }
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int sets = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        List<byte[]> files = SAMPLES.stream().map(Samples::bytes).toList();
        ImportReadProbe probe = new ImportReadProbe();
        for (int i = 0; i < warmup; i++) {
            files.forEach(probe::readAndDecide);
        }
        java.util.Arrays.fill(probe.cpu, 0);
        long wall = System.nanoTime();
        for (int i = 0; i < sets; i++) {
            files.forEach(probe::readAndDecide);
        }
        wall = System.nanoTime() - wall;
        StringBuilder line = new StringBuilder(String.format("[read] %d sets after %d warm-up: wall %.3f ms/set;",
                sets, warmup, wall / 1e6 / sets));
        long reading = 0;
        for (int p = 0; p < PHASES.length; p++) {
            line.append(String.format(" %s %.3f", PHASES[p], probe.cpu[p] / 1e6 / sets));
            reading += p < PHASES.length - 1 ? probe.cpu[p] : 0;
        }
        line.append(String.format("; reading CPU %.3f ms/set", reading / 1e6 / sets));
        System.out.println(line);
    }

    private void start() {
        mark = THREADS.getCurrentThreadCpuTime();
    }

    private void phase(int index) {
        long now = THREADS.getCurrentThreadCpuTime();
        cpu[index] += now - mark;
        mark = now;
    }

    /** The steps of {@link DocumentImport#importDocument} before its command, then the decider on the result. */
    private void readAndDecide(byte[] content) {
        start();
        DecodedExport decoded = ExportDecoding.decode(content);
        List<String> lines = decoded.lines();
        Optional<FormKind> kind = DocumentBodyImport.kind(lines);
        phase(0);
        OptionalInt annexStart = ChangeAnnexParser.locate(lines);
        ChangeAnnex annex = ChangeAnnexParser.parse(lines, annexStart);
        phase(1);
        AtomicInteger ids = new AtomicInteger();
        ImportedDocument body = kind.map(k -> DocumentBodyImport.read(lines, annexStart,
                forms.all().stream().filter(form -> form.ref().kind() == k).toList(), rules,
                () -> "entry-" + ids.incrementAndGet())).orElse(null);
        FormDefinition form = body == null ? forms.current(FormKind.KEY_ITEMS) : forms.find(body.form()).orElseThrow();
        phase(2);
        List<PathResolution> paths = ImportSources.resolve(annex, Optional.of(ImportSources.resolver(form, forms)));
        phase(3);
        List<PastChange> past = ImportSources.pastChanges(annex, paths, Optional.of(form));
        String hash = ImportSources.contentHash(decoded);
        ImportSources.warnings(decoded, annex);
        ImportSources.pathWarnings(annex, paths);
        phase(4);
        decider.importDocument(new ImportDocument(new AssessmentId(UUID.randomUUID()), new MunicipalityCode("141305"),
                form.ref(), "名称", body, "sample", hash, past, List.of(), null, new Actor("probe", "プローブ"),
                Instant.now()));
        phase(5);
    }
}
