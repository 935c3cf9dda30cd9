package jp.hyoka.server.exporting;

import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Puts the characters the document used into the PDF's text layer. A font glyph may stand for several code points
 * (IPAex: 長 and the radicals ⻑/⾧, − and the soft hyphen, — and U+0336), and PDFBox writes the lowest into the
 * ToUnicode map (apache/pdfbox pull request 470): the PDF looks right but 市長 copies and searches as 市⻑. For each
 * such glyph of the text font, the code point that occurs in the document's own text is written instead.
 */
final class PdfText {

    private static final int PER_BLOCK = 100;

    private PdfText() {
    }

    static byte[] withTheDocumentsCharacters(byte[] pdf, String text, String fontName,
                                             Map<Integer, List<Integer>> sharedGlyphs) throws IOException {
        if (sharedGlyphs.isEmpty()) {
            return pdf;
        }
        Set<Integer> used = new HashSet<>();
        text.codePoints().forEach(used::add);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Set<PDType0Font> done = new HashSet<>();
            boolean changed = false;
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    if (font instanceof PDType0Font type0 && font.getName() != null
                            && font.getName().endsWith("+" + fontName) && done.add(type0)) {
                        changed |= repair(document, type0, used, sharedGlyphs);
                    }
                }
            }
            if (!changed) {
                return pdf;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
            document.save(out);
            return out.toByteArray();
        }
    }

    private static boolean repair(PDDocument document, PDType0Font font, Set<Integer> used,
                                  Map<Integer, List<Integer>> sharedGlyphs) throws IOException {
        COSStream stream = font.getCOSObject().getCOSStream(COSName.TO_UNICODE);
        if (stream == null) {
            return false;
        }
        CMap written;
        try (InputStream in = stream.createInputStream()) {
            written = new CMapParser().parse(new RandomAccessReadBuffer(in));
        }
        Map<Integer, String> unicode = new TreeMap<>();
        boolean changed = false;
        for (int cid = 0; cid <= 0xFFFF; cid++) {
            String was = written.toUnicode(cid, 2);
            if (was == null) {
                continue;
            }
            List<Integer> candidates = sharedGlyphs.get(cid);
            String chosen = was;
            if (candidates != null && was.codePointCount(0, was.length()) == 1 && !used.contains(was.codePointAt(0))) {
                chosen = candidates.stream().filter(used::contains).findFirst().map(Character::toString).orElse(was);
            }
            changed |= !chosen.equals(was);
            unicode.put(cid, chosen);
        }
        if (changed) {
            PDStream cmap = new PDStream(document);
            try (OutputStream out = cmap.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(toUnicodeCMap(unicode).getBytes(StandardCharsets.US_ASCII));
            }
            font.getCOSObject().setItem(COSName.TO_UNICODE, cmap);
        }
        return changed;
    }

    /** A ToUnicode CMap (PDF 32000-1 §9.10.3) of two-byte CIDs, one bfchar line each. */
    private static String toUnicodeCMap(Map<Integer, String> unicode) {
        StringBuilder cmap = new StringBuilder("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Adobe-Identity-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                """);
        List<Map.Entry<Integer, String>> entries = List.copyOf(unicode.entrySet());
        for (int from = 0; from < entries.size(); from += PER_BLOCK) {
            List<Map.Entry<Integer, String>> block = entries.subList(from, Math.min(entries.size(), from + PER_BLOCK));
            cmap.append(block.size()).append(" beginbfchar\n");
            for (Map.Entry<Integer, String> entry : block) {
                cmap.append(String.format("<%04X> <", entry.getKey()));
                for (char unit : entry.getValue().toCharArray()) {
                    cmap.append(String.format("%04X", (int) unit));
                }
                cmap.append(">\n");
            }
            cmap.append("endbfchar\n");
        }
        return cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").toString();
    }
}
