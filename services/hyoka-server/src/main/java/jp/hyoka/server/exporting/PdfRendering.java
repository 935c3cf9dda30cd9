package jp.hyoka.server.exporting;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jp.hyoka.server.graphql.ApiException;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lays the printable page ({@code HtmlExport}) out as a PDF with openhtmltopdf (Apache PDFBox): A4, the page's own
 * print rules (no row split across pages, the annex's header row repeated) plus {@link #PDF_CSS} (page numbers
 * "n / N" in the footer, the embedded fonts of {@link PdfFonts}, subset), then the text layer set right
 * ({@link PdfText}). Rendering is CPU-bound and blocking, so it runs on its own few threads
 * ({@code hyoka.export.pdf.max-concurrent-renders} per node, no queue): a render past that is refused at once with
 * BUSY (retryable) instead of queueing behind the others or holding a GraphQL worker.
 */
@Singleton
class PdfRendering {

    /** The error code of a render refused because this node already renders as many PDFs as it may. */
    static final String BUSY = "BUSY";
    static final String THREAD_PREFIX = "hyoka-pdf-";

    /** Added after the page's own style sheet, so it wins: the embedded fonts and the page footer. */
    static final String PDF_CSS = """
            @page { size: A4; margin: 15mm 12mm 18mm;
                    @bottom-center { content: counter(page) " / " counter(pages);
                                     font-family: "%1$s", "%2$s"; font-size: 9pt; } }
            html, body, table, th, td { font-family: "%1$s", "%2$s"; }
            body { max-width: none; }
            h2 { margin-top: 4mm; }
            section.annex { page-break-before: always; }
            thead { display: table-header-group; }
            table.changes { -fs-table-paginate: paginate; }
            tr { page-break-inside: avoid; }
            td.value ul, td.value ol { margin: 0; padding-left: 1.2em; }
            td.value ul ul ul, td.value ol ol ol { padding-left: 0; }
            """.formatted(PdfFonts.TEXT_FAMILY, PdfFonts.SYMBOL_FAMILY);

    private final PdfFonts fonts;
    private final ThreadPoolExecutor renderers;

    PdfRendering(PdfFonts fonts, @Value("${hyoka.export.pdf.max-concurrent-renders:2}") int maxRenders) {
        this.fonts = fonts;
        int threads = Math.max(1, maxRenders);
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, THREAD_PREFIX + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.renderers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                factory, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * The page as PDF bytes, rendered on a PDF thread. Throws at once, before any work: PDF_UNAVAILABLE without the
     * font, BUSY when every PDF thread is taken.
     */
    CompletableFuture<byte[]> render(String html) {
        byte[] text = fonts.text();
        try {
            return CompletableFuture.supplyAsync(() -> pdf(html, text), renderers);
        } catch (RejectedExecutionException e) {
            throw new ApiException(BUSY, "This server is rendering as many PDFs as it may at once; nothing was done. "
                    + "Retry in a few seconds.");
        }
    }

    private byte[] pdf(String html, byte[] text) {
        Document page = Jsoup.parse(html);
        page.head().appendElement("style").appendText(PDF_CSS);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .withProducer("Hyoka")
                .withW3cDocument(new W3CDom().fromJsoup(page), null)
                .toStream(out);
        // One face serves both weights: IPAex has no bold, and headings in the regular face beat a fallback font.
        for (int weight : new int[] {400, 700}) {
            builder.useFont(() -> new ByteArrayInputStream(text), PdfFonts.TEXT_FAMILY, weight, FontStyle.NORMAL,
                    true, EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_PRE));
        }
        fonts.symbols().ifPresent(symbols -> builder.useFont(() -> new ByteArrayInputStream(symbols),
                PdfFonts.SYMBOL_FAMILY, 400, FontStyle.NORMAL, true,
                EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_FINAL)));
        try {
            builder.run();
            return PdfText.withTheDocumentsCharacters(out.toByteArray(), page.text(), fonts.textName(),
                    fonts.sharedGlyphs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void stop() {
        renderers.shutdown();
    }
}
