package jp.hyoka.server.importing;

import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.PlainText;
import jp.hyoka.domain.importing.DecodedExport;
import jp.hyoka.domain.importing.ImportProblem;
import jp.hyoka.domain.importing.annex.ChangeAnnex;
import jp.hyoka.domain.importing.annex.ChangeRow;
import jp.hyoka.domain.importing.annex.ItemPathResolver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** What every import does with a file: its name, its identity, its 変更箇所 rows and the warnings to report. */
final class ImportSources {

    private ImportSources() {
    }

    /** A file name is a label the client chose: cleaned like typed text and kept short. */
    static String sourceName(String fileName) {
        String cleaned = fileName == null ? "" : PlainText.clean(fileName);
        return cleaned.isEmpty() ? null : cleaned.substring(0, Math.min(cleaned.length(), 200));
    }

    /**
     * SHA-256 of the decoded text with normalised line ends: the same document saved in another encoding or with
     * other line ends is the same file.
     */
    static String contentHash(DecodedExport decoded) {
        try {
            byte[] text = String.join("\n", decoded.lines()).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The annex rows as the document wrote them, with the item id of their 項目 where the form resolves it. */
    static List<PastChange> pastChanges(ChangeAnnex annex, Optional<ItemPathResolver> resolver) {
        return annex.rows().stream().map(row -> pastChange(row, resolver)).toList();
    }

    private static PastChange pastChange(ChangeRow row, Optional<ItemPathResolver> resolver) {
        String itemId = resolver.flatMap(r -> r.resolve(row.itemPath())).map(ItemId::value).orElse(null);
        return new PastChange(row.rowIndex(), row.lineNumber(), row.changedOn(), row.changedOnText(), row.itemPath(),
                itemId, row.before().kind().name(), row.before().text(), row.after().kind().name(), row.after().text(),
                row.timing() == null ? null : row.timing().name(), row.explanation(), row.reason().name());
    }

    /** The decoding warnings and the annex parser's, as one list of problems with lines. */
    static List<ImportProblem> warnings(DecodedExport decoded, ChangeAnnex annex) {
        List<ImportProblem> warnings = new ArrayList<>(decoded.warnings());
        annex.warnings().forEach(warning -> warnings.add(new ImportProblem(warning.code().name(),
                warning.lineNumber(), warning.message())));
        return warnings;
    }
}
