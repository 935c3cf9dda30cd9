package jp.hyoka.server.importing;

import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.form.FormCatalog;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.PlainText;
import jp.hyoka.domain.importing.DecodedExport;
import jp.hyoka.domain.importing.ImportProblem;
import jp.hyoka.domain.importing.annex.ChangeAnnex;
import jp.hyoka.domain.importing.annex.ChangeRow;
import jp.hyoka.domain.importing.annex.ChangeText;
import jp.hyoka.domain.importing.annex.ItemPathResolver;
import jp.hyoka.domain.importing.annex.PathResolution;
import jp.hyoka.domain.importing.annex.PathTargetKind;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

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
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            DecodedExport.Utf8Bytes joined = decoded.joinedUtf8();
            if (joined != null) {                           // the file's own bytes are the lines joined, in UTF-8
                digest.update(joined.bytes(), joined.from(), joined.to() - joined.from());
                return HexFormat.of().formatHex(digest.digest());
            }
            List<String> lines = decoded.lines();
            for (int i = 0; i < lines.size(); i++) {      // the lines joined by '\n', line by line: no copy of the file
                if (i > 0) {
                    digest.update((byte) '\n');
                }
                digest.update(lines.get(i).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static final String ITEM_PATH_AMBIGUOUS = "ITEM_PATH_AMBIGUOUS";
    static final String ITEM_PATH_UNRESOLVED = "ITEM_PATH_UNRESOLVED";

    /**
     * A resolver for the 項目 paths of a document on {@code form}, which also understands the 基礎項目評価書's
     * numbering that 重点/全項目 annexes often use (DOMAIN.md §1.5).
     */
    static ItemPathResolver resolver(FormDefinition form, FormCatalog forms) {
        FormDefinition companion = form.ref().kind() == FormKind.BASIC_ITEMS ? null
                : forms.current(FormKind.BASIC_ITEMS);
        Resolver known = RESOLVERS.get(form.ref());
        if (known != null && known.form() == form && known.companion() == companion) {
            return known.resolver();
        }
        ItemPathResolver resolver = companion == null ? new ItemPathResolver(form)
                : new ItemPathResolver(form, List.of(companion));
        RESOLVERS.put(form.ref(), new Resolver(form, companion, resolver));
        return resolver;
    }

    /**
     * The resolvers made so far, one per form revision (a catalogue holds a handful): a resolver indexes every label
     * of its form once, and is only read afterwards, so imports on any thread share it. Used only for the very same
     * definitions it was made from.
     */
    private static final Map<FormRef, Resolver> RESOLVERS = new ConcurrentHashMap<>();

    private record Resolver(FormDefinition form, FormDefinition companion, ItemPathResolver resolver) {
    }

    /** The annex's 項目 paths resolved in order (a bare label takes the row before's context); none without a form. */
    static List<PathResolution> resolve(ChangeAnnex annex, Optional<ItemPathResolver> resolver) {
        return resolver.map(r -> r.resolveAll(annex.rows().stream().map(ChangeRow::itemPath).toList()))
                .orElse(List.of());
    }

    /**
     * The annex rows as the document wrote them, with the item id of their 項目 where the form resolves it. A row of
     * an item whose answer is plain text keeps its 変更前/変更後 as plain text, as the body import reads that answer;
     * only rich-text items keep the document's HTML.
     */
    static List<PastChange> pastChanges(ChangeAnnex annex, List<PathResolution> paths, Optional<FormDefinition> form) {
        List<PastChange> changes = new ArrayList<>();
        for (int i = 0; i < annex.rows().size(); i++) {
            Optional<ItemId> item = paths.isEmpty() ? Optional.empty() : paths.get(i).item();
            boolean plain = item.flatMap(id -> form.flatMap(definition -> definition.item(id)))
                    .filter(found -> found.type().answerType() != ItemType.RICH_TEXT).isPresent();
            changes.add(pastChange(annex.rows().get(i), item, plain));
        }
        return changes;
    }

    /**
     * One warning per row whose 項目 names no definite place of the form: ambiguous ones list the candidates seen
     * with their evidence, so the author can choose; the path is never guessed.
     */
    static List<ImportProblem> pathWarnings(ChangeAnnex annex, List<PathResolution> paths) {
        List<ImportProblem> warnings = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            PathResolution path = paths.get(i);
            ChangeRow row = annex.rows().get(i);
            if (path.kind() == PathTargetKind.AMBIGUOUS) {
                warnings.add(new ImportProblem(ITEM_PATH_AMBIGUOUS, row.lineNumber(), "項目 \"" + row.itemPath()
                        + "\" fits several items, none better than the others: " + path.candidates().stream()
                        .map(c -> c.id() + " (" + c.why() + ")").collect(Collectors.joining("; ")),
                        candidates(path)));
            } else if (path.kind() == PathTargetKind.UNRESOLVED) {
                warnings.add(new ImportProblem(ITEM_PATH_UNRESOLVED, row.lineNumber(), "項目 \"" + row.itemPath()
                        + "\" names no item of the form: " + path.note(), candidates(path)));
            }
        }
        return warnings;
    }

    private static List<ImportProblem.Candidate> candidates(PathResolution path) {
        return path.candidates().stream().map(c -> new ImportProblem.Candidate(c.id(), c.score(), c.why())).toList();
    }

    private static PastChange pastChange(ChangeRow row, Optional<ItemId> item, boolean plain) {
        String itemId = item.map(ItemId::value).orElse(null);
        ChangeText before = plain ? row.before().plain() : row.before();
        ChangeText after = plain ? row.after().plain() : row.after();
        return new PastChange(row.rowIndex(), row.lineNumber(), row.changedOn(), row.changedOnText(), row.itemPath(),
                itemId, before.kind().name(), before.text(), after.kind().name(), after.text(),
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
