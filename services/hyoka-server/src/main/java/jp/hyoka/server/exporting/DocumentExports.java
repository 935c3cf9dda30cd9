package jp.hyoka.server.exporting;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.exporting.DocumentExport;
import jp.hyoka.domain.exporting.HtmlExport;
import jp.hyoka.domain.exporting.TsvExport;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.DocumentStates;
import jp.hyoka.server.assessment.DocumentStates.Folded;
import jp.hyoka.server.forms.ClasspathFormCatalog;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Exports an assessment, now or as of a past moment, from its own events folded up to that moment
 * ({@link DocumentStates}): an export of the past shows exactly what the document said then.
 */
@Singleton
public class DocumentExports {

    /** Exports for Japanese desktop tools: CP932 keeps ①, Ⅲ and the other NEC special characters (DOMAIN §7.15). */
    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    public enum Format { TSV, HTML, PDF }

    /** {@code content} is the decoded text, null for a binary format (PDF). */
    public record ExportedFile(String fileName, String mediaType, Instant asOf, long revision, String content,
                               String contentBase64) {
    }

    private final DocumentStates states;
    private final ClasspathFormCatalog forms;
    private final PdfRendering pdf;

    public DocumentExports(DocumentStates states, ClasspathFormCatalog forms, PdfRendering pdf) {
        this.states = states;
        this.forms = forms;
        this.pdf = pdf;
    }

    /**
     * Empty for an unknown assessment, one of another municipality, or a moment before it was started. The public
     * export is the version last published by {@code asOf} as the public reads it (非公表 items in the official
     * wording), empty before a first publication: what publicAssessment shows, as a file. The document is read on
     * the caller's thread; a PDF is then laid out on a PDF thread ({@link PdfRendering}, which may refuse: BUSY).
     */
    public Optional<CompletableFuture<ExportedFile>> export(MunicipalityCode tenant, AssessmentId id, Format format,
                                                            Instant asOf, boolean forThePublic) {
        Optional<Folded> folded = forThePublic ? states.publicVersion(tenant, id, asOf) : states.asOf(tenant, id, asOf);
        return folded.map(document -> file(document, format, asOf, forThePublic));
    }

    private CompletableFuture<ExportedFile> file(Folded document, Format format, Instant asOf, boolean forThePublic) {
        FormDefinition form = forms.find(document.state().form()).orElseThrow();
        DocumentExport export = new DocumentExport(form, document.state(), document.past());
        String base = "hyoka-" + document.state().id() + "-r" + document.state().revision()
                + (forThePublic ? "-public" : "");
        if (format == Format.TSV) {
            String tsv = TsvExport.render(export);
            // Text CP932 cannot hold (some dashes, rare kanji) goes out as UTF-8 instead of being lost as "?".
            Charset charset = WINDOWS_31J.newEncoder().canEncode(tsv) ? WINDOWS_31J : StandardCharsets.UTF_8;
            return CompletableFuture.completedFuture(new ExportedFile(base + ".txt",
                    "text/tab-separated-values; charset=" + charset.name(), asOf, document.state().revision(), tsv,
                    Base64.getEncoder().encodeToString(tsv.getBytes(charset))));
        }
        String html = HtmlExport.render(export);
        if (format == Format.PDF) {
            return pdf.render(html).thenApply(bytes -> new ExportedFile(base + ".pdf", "application/pdf", asOf,
                    document.state().revision(), null, Base64.getEncoder().encodeToString(bytes)));
        }
        return CompletableFuture.completedFuture(new ExportedFile(base + ".html", "text/html; charset=utf-8", asOf,
                document.state().revision(), html,
                Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8))));
    }
}
