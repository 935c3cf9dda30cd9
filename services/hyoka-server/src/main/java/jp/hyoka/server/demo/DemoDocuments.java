package jp.hyoka.server.demo;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.importing.DocumentImport;
import jp.hyoka.server.importing.DocumentImportReport;
import jp.hyoka.server.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The published sample documents, imported into the demo municipalities they belong to, so that the embedded
 * default starts with real assessments and their real past. Imports are idempotent: later starts find them imported
 * and add nothing. Samples are read from {@code hyoka.demo.samples-dir}; a missing directory only skips them.
 */
@Singleton
@Requires(property = "hyoka.demo.enabled", value = "true")
public class DemoDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDocuments.class);

    /** A sample file, the demo tenant it belongs to, and what an annex-only file needs to become an assessment. */
    record Sample(String file, String tenantCode, FormKind kind, String affairName) {
    }

    static final List<Sample> SAMPLES = List.of(
            new Sample("000_79b26e22842cb490.txt", "141305", null, null),
            new Sample("004_2993d137f3c1df7b.txt", "012041", null, null),
            new Sample("003_6c10cb1f5ae90412.txt", "141003", null, null),
            // an annex only ("(別添2) 変更箇所" of a 重点項目評価書): the 事務 is named in DOMAIN.md §0.1
            new Sample("001_69f4873ac9f3f0f9.txt", "131075", FormKind.KEY_ITEMS, "国民健康保険に関する事務"));

    private final DocumentImport documentImport;
    private final Path samplesDir;

    public DemoDocuments(DocumentImport documentImport,
                         @Property(name = "hyoka.demo.samples-dir", defaultValue = "schema/src/test/resources/samples")
                         String samplesDir) {
        this.documentImport = documentImport;
        this.samplesDir = Path.of(samplesDir);
    }

    /** Imports every sample whose tenant is a demo tenant; one line per sample for the start-up banner. */
    List<String> importAll(List<DemoTenants.DemoTenant> tenants) {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(samplesDir)) {
            lines.add("(no sample documents: " + samplesDir.toAbsolutePath() + " not found)");
            return lines;
        }
        for (Sample sample : SAMPLES) {
            tenants.stream().filter(t -> t.code().value().equals(sample.tenantCode())).findFirst()
                    .ifPresent(tenant -> lines.add(importOne(sample, tenant)));
        }
        return lines;
    }

    private String importOne(Sample sample, DemoTenants.DemoTenant tenant) {
        Caller editor = new Caller(tenant.code(), new Actor(tenant.userId(), tenant.userName()), Set.of(Caller.EDITOR));
        try {
            DocumentImport.Result result = documentImport.importDocument(editor, sample.file(),
                    Files.readAllBytes(samplesDir.resolve(sample.file())), sample.kind(), sample.affairName(),
                    "demo: published document imported at first start");
            DocumentImportReport report = result.report();
            String id = result.outcome() instanceof EditOutcome.Edited edited ? edited.assessmentId().toString() : "?";
            return "%s → %s %s: %s, %d answers, %d past changes, %d rows kept aside%s".formatted(sample.file(),
                    tenant.name(), id, report.form(), report.answers(), report.pastChanges(), report.rowsWarned(),
                    report.alreadyImported() ? " (imported before)" : "");
        } catch (IOException | RuntimeException e) {          // ImportRejected included: the banner says why
            LOG.warn("Demo sample {} not imported", sample.file(), e);
            return sample.file() + ": not imported (" + e.getMessage() + ")";
        }
    }
}
