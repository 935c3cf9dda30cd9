package jp.hyoka.server.exporting;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jp.hyoka.server.graphql.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The fonts a PDF export embeds, read once from the files Debian's packages install (never downloaded): the text
 * font ({@code hyoka.export.pdf.font}, default IPAex明朝 of {@code fonts-ipaexfont-mincho}: a plain TrueType file,
 * which PDFBox can subset, unlike Noto CJK's CFF collection) and a symbol font for what it lacks
 * ({@code hyoka.export.pdf.symbol-font}, default DejaVu Sans: ☑/☐ of the selection items). A missing text font is
 * said once at start-up, and a PDF export is then refused with PDF_UNAVAILABLE; TSV and HTML are unaffected.
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
    private final Optional<byte[]> text;
    private final Optional<byte[]> symbols;

    PdfFonts(@Value("${hyoka.export.pdf.font:/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf}") String text,
             @Value("${hyoka.export.pdf.symbol-font:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf}") String symbols) {
        this.textPath = Path.of(text);
        this.text = read(textPath).flatMap(PdfFonts::withoutRadicalAliases);
        this.symbols = symbols.isBlank() ? Optional.empty() : read(Path.of(symbols));
        if (this.text.isEmpty()) {
            LOG.warn("PDF export is unavailable: the Japanese font {} (hyoka.export.pdf.font) cannot be read; install "
                    + "Debian's fonts-ipaexfont-mincho (infra/scripts/install-fonts.sh) or point "
                    + "hyoka.export.pdf.font at a TrueType (.ttf) font with Japanese glyphs", textPath);
        } else if (this.symbols.isEmpty() && !symbols.isBlank()) {
            LOG.info("PDF export: no symbol font at {} (hyoka.export.pdf.symbol-font); ☑/☐ print only if {} has them",
                    symbols, textPath);
        }
    }

    /** The text font's bytes; a refusal (PDF_UNAVAILABLE) when it could not be read at start-up. */
    byte[] text() {
        return text.orElseThrow(() -> new ApiException(UNAVAILABLE, "PDF export is not available on this server: its Japanese "
                + "font (" + textPath + ") is missing. TSV and HTML exports work; ask the operator to install it."));
    }

    Optional<byte[]> symbols() {
        return symbols;
    }

    /**
     * IPAex (like most Japanese fonts) maps radicals to the glyph of their kanji (⻑ U+2ED1 and 長 U+9577 share one),
     * and PDFBox writes a glyph's lowest code point into the PDF's ToUnicode map (PDFBox pull request 470): 長 would
     * copy and search as ⻑, 民 as ⺠. So the font is rewritten once, at start-up, without those aliases: a radical or
     * CJK compatibility code point is dropped where its glyph also has an ordinary one. Empty if it is not a TrueType
     * font PDFBox can read. FontBox rewrites the BMP only: a font's
     * characters beyond it (IPAex has none; IPAmj明朝 has many) are left out.
     */
    static Optional<byte[]> withoutRadicalAliases(byte[] font) {
        try (TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            CmapLookup cmap = parsed.getUnicodeCmapLookup();
            TTFSubsetter rewritten = new TTFSubsetter(parsed);
            for (int glyph = 0; glyph < parsed.getNumberOfGlyphs(); glyph++) {
                List<Integer> codePoints = cmap.getCharCodes(glyph);
                if (codePoints == null) {
                    continue;
                }
                boolean ordinary = codePoints.stream().anyMatch(codePoint -> !alias(codePoint));
                // FontBox's rewriter writes a BMP cmap only.
                codePoints.stream().filter(codePoint -> codePoint <= 0xFFFF && !(ordinary && alias(codePoint)))
                        .forEach(rewritten::add);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(font.length);
            rewritten.writeToStream(out);
            return Optional.of(out.toByteArray());
        } catch (IOException | RuntimeException e) {
            LOG.warn("The PDF font cannot be read as TrueType: {}", e.toString());
            return Optional.empty();
        }
    }

    /** CJK Radicals Supplement, Kangxi Radicals, CJK Compatibility Ideographs. */
    private static boolean alias(int codePoint) {
        return codePoint >= 0x2E80 && codePoint <= 0x2FDF || codePoint >= 0xF900 && codePoint <= 0xFAFF;
    }

    private static Optional<byte[]> read(Path path) {
        try {
            return Files.isReadable(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
