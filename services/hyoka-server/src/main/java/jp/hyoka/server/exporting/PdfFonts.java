package jp.hyoka.server.exporting;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jp.hyoka.server.graphql.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fonts a PDF export embeds, read once from the files Debian's packages install (never downloaded): the text
 * font ({@code hyoka.export.pdf.font}, default IPAex明朝 of {@code fonts-ipaexfont-mincho}: a plain TrueType file,
 * which PDFBox can subset, unlike Noto CJK's CFF collection) and a symbol font for what it lacks
 * ({@code hyoka.export.pdf.symbol-font}, default DejaVu Sans: ☑/☐ of the selection items). A missing text font is
 * said once at start-up, and a PDF export is then refused with PDF_UNAVAILABLE; TSV and HTML are unaffected.
 * The files are read and the text font's glyph table parsed at the first PDF export, not at start-up: the start of
 * a server that may never print does not pay for it (infra/docs/startup.md).
 */
@Singleton
class PdfFonts {

    /** The family name the PDF's style sheet asks for. */
    static final String TEXT_FAMILY = "Hyoka Text";
    static final String SYMBOL_FAMILY = "Hyoka Symbols";

    /** The error code of an export refused for want of the font. */
    static final String UNAVAILABLE = "PDF_UNAVAILABLE";

    private static final Logger LOG = LoggerFactory.getLogger(PdfFonts.class);

    private final Path textPath;
    private final Optional<Path> symbolsPath;
    private volatile Loaded loaded;

    PdfFonts(@Value("${hyoka.export.pdf.font:/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf}") String text,
             @Value("${hyoka.export.pdf.symbol-font:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf}") String symbols) {
        this.textPath = Path.of(text);
        this.symbolsPath = symbols.isBlank() ? Optional.empty() : Optional.of(Path.of(symbols));
        if (!Files.isReadable(textPath)) {
            LOG.warn("PDF export is unavailable: the Japanese font {} (hyoka.export.pdf.font) cannot be read; install "
                    + "Debian's fonts-ipaexfont-mincho (infra/scripts/install-fonts.sh) or point "
                    + "hyoka.export.pdf.font at a TrueType (.ttf) font with Japanese glyphs", textPath);
        } else if (symbolsPath.isPresent() && !Files.isReadable(symbolsPath.get())) {
            LOG.info("PDF export: no symbol font at {} (hyoka.export.pdf.symbol-font); ☑/☐ print only if {} has them",
                    symbols, textPath);
        }
    }

    /** The text font's bytes; a refusal (PDF_UNAVAILABLE) when it cannot be read. */
    byte[] text() {
        return loaded().text().orElseThrow(() -> new ApiException(UNAVAILABLE, "PDF export is not available on this server: its Japanese "
                + "font (" + textPath + ") is missing. TSV and HTML exports work; ask the operator to install it."));
    }

    Optional<byte[]> symbols() {
        return loaded().symbols();
    }

    /**
     * The glyphs of the text font that several code points share (長 U+9577 with the radicals ⻑ U+2ED1 and ⾧ U+2FA7,
     * − U+2212 with the soft hyphen U+00AD, — U+2014 with U+0336 ...), each with those code points: what
     * {@link PdfText} needs to put the right one in the PDF's text layer. Keyed by glyph id, which is the CID the
     * embedded font is written with.
     */
    Map<Integer, List<Integer>> sharedGlyphs() {
        return loaded().glyphs().shared();
    }

    /** The text font's PostScript name (IPAexMincho), which the PDF names its subset by (ABCDEF+IPAexMincho). */
    String textName() {
        return loaded().glyphs().name();
    }

    /**
     * The files read and the glyph table parsed, once (the first export; concurrent first exports wait for it). A text
     * font that could not be read is not remembered: the next export tries again (the font installed, a read error
     * passed).
     */
    private Loaded loaded() {
        Loaded fonts = loaded;
        if (fonts == null) {
            synchronized (this) {
                fonts = loaded;
                if (fonts == null) {
                    Optional<byte[]> text = read(textPath);
                    fonts = new Loaded(text, symbolsPath.flatMap(PdfFonts::read),
                            text.map(PdfFonts::glyphs).orElse(new Glyphs("", Map.of())));
                    if (text.isPresent()) {
                        loaded = fonts;
                    }
                }
            }
        }
        return fonts;
    }

    private record Loaded(Optional<byte[]> text, Optional<byte[]> symbols, Glyphs glyphs) {
    }

    private record Glyphs(String name, Map<Integer, List<Integer>> shared) {
    }

    private static Glyphs glyphs(byte[] font) {
        try (TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            CmapLookup cmap = parsed.getUnicodeCmapLookup();
            Map<Integer, List<Integer>> shared = new HashMap<>();
            for (int glyph = 0; glyph < parsed.getNumberOfGlyphs(); glyph++) {
                List<Integer> codePoints = cmap.getCharCodes(glyph);
                if (codePoints != null && codePoints.size() > 1) {
                    shared.put(glyph, List.copyOf(codePoints));
                }
            }
            return new Glyphs(parsed.getName(), Map.copyOf(shared));
        } catch (IOException | RuntimeException e) {
            LOG.warn("The PDF font cannot be read as TrueType ({}): its text may copy with look-alike characters",
                    e.toString());
            return new Glyphs("", Map.of());
        }
    }

    private static Optional<byte[]> read(Path path) {
        try {
            return Files.isReadable(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
        } catch (IOException e) {
            LOG.warn("PDF font not read: path={} error={}", path, e.toString());
            return Optional.empty();
        }
    }
}
