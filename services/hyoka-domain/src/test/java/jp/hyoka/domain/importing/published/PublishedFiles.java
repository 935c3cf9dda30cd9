package jp.hyoka.domain.importing.published;

import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.Selection;
import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.RichTextSanitizer;
import jp.hyoka.domain.importing.DecodedExport;
import jp.hyoka.domain.importing.ExportDecoding;
import jp.hyoka.domain.importing.annex.ChangeAnnex;
import jp.hyoka.domain.importing.annex.ChangeAnnexParser;
import jp.hyoka.domain.importing.annex.ItemPathResolver;
import jp.hyoka.domain.importing.annex.PathResolution;
import jp.hyoka.domain.importing.body.DocumentBodyImport;
import jp.hyoka.domain.importing.body.ImportedAnswer;
import jp.hyoka.domain.importing.body.ImportedDocument;
import jp.hyoka.domain.importing.body.ImportedEntry;
import jp.hyoka.domain.testing.FormFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.fail;

/**
 * The published documents written for these tests (src/test/resources/published, described in its README.md),
 * imported the way the server imports a file: bytes decoded, the kind taken from the title row, the body read against
 * every revision of that kind (schema/forms), the 変更箇所 annex parsed and its 項目 paths resolved with the 基礎 form
 * as companion numbering.
 */
final class PublishedFiles {

    static final String BASIC = "basic-items-asahikawa-child-support.txt";
    static final String KEY = "key-items-funabashi-child-allowance.txt";
    static final String ALL = "all-items-okayama-resident-register.txt";
    static final String BASIC_BOTH_VERDICTS = "basic-items-tsuruoka-disaster-condolence.txt";

    /** Keeps markup (the domain has no HTML parser); drops script elements, as the server's sanitiser does. */
    private static final RichTextSanitizer SANITIZER = html -> html.replaceAll("(?is)<script\\b[^>]*>.*?</script\\s*>", "");
    static final AnswerRules RULES = new AnswerRules(SANITIZER);

    private PublishedFiles() {
    }

    /** One file as imported: decoded text, body, annex and the annex's resolved paths. */
    record Imported(DecodedExport decoded, FormKind kind, ImportedDocument body, ChangeAnnex annex,
                    List<PathResolution> paths) {

        /** The answer of an item in the given entries (none for a top-level item). */
        Optional<Answer> answer(String itemId, String... entries) {
            return body.answers().stream()
                    .filter(a -> a.itemId().value().equals(itemId) && a.entries().equals(List.of(entries)))
                    .map(ImportedAnswer::answer).findFirst();
        }

        /** The plain text of an answer, for assertions that do not care about markup. */
        Optional<String> text(String itemId, String... entries) {
            return answer(itemId, entries).map(Answer::plainText);
        }

        /** The option code chosen for a single-choice item, or "" when it was left empty. */
        String choice(String itemId, String... entries) {
            return answer(itemId, entries).map(a -> ((ChoiceAnswer) a).optionCode()).orElse("");
        }

        /** The option codes ticked for a checkbox group (none when it was left empty). */
        List<String> ticked(String itemId, String... entries) {
            return answer(itemId, entries).map(a -> ((MultiChoiceAnswer) a).selections().stream()
                    .map(Selection::optionCode).toList()).orElse(List.of());
        }

        Optional<LocalDate> date(String itemId, String... entries) {
            return answer(itemId, entries).map(a -> ((DateAnswer) a).date());
        }

        /** The path resolution of the annex row whose 項目 cell is exactly {@code path}. */
        PathResolution path(String path) {
            for (int i = 0; i < annex.rows().size(); i++) {
                if (annex.rows().get(i).itemPath().equals(path)) {
                    return paths.get(i);
                }
            }
            return fail("no annex row with 項目 \"" + path + "\"");
        }

        /** The entries of a group under the given parent entries, in print order. */
        List<String> entries(String groupId, String... parents) {
            return body.entries().stream()
                    .filter(e -> e.groupId().equals(groupId) && e.parentEntries().equals(List.of(parents)))
                    .map(ImportedEntry::entryId).toList();
        }

        /** Share of annex rows whose 項目 names a definite place of the form. */
        double resolvedShare() {
            return (double) paths.stream().filter(p -> p.kind().resolved()).count() / paths.size();
        }

        /** Everything read, one line per fact: printed when an assertion fails. */
        String dump() {
            StringBuilder out = new StringBuilder("form " + body.form() + ", rows read " + body.rowsRead() + ", mapped "
                    + body.rowsMapped() + "\n");
            body.entries().forEach(e -> out.append("entry ").append(e).append('\n'));
            body.answers().forEach(a -> out.append("answer ").append(a.line()).append(' ').append(a.itemId().value())
                    .append(a.entries()).append(" = ").append(preview(a.answer().plainText())).append('\n'));
            body.unmapped().forEach(u -> out.append("kept aside ").append(u).append('\n'));
            body.warnings().forEach(w -> out.append("warning ").append(w).append('\n'));
            annex.warnings().forEach(w -> out.append("annex warning ").append(w).append('\n'));
            for (int i = 0; i < annex.rows().size(); i++) {
                var row = annex.rows().get(i);
                out.append("row ").append(row.lineNumber()).append(' ').append(row.changedOn()).append(' ')
                        .append(row.timing()).append(' ').append(row.itemPath()).append(" → ").append(paths.get(i).kind())
                        .append(' ').append(paths.get(i).targetId()).append(' ').append(paths.get(i).note())
                        .append(" | ").append(preview(row.after().text())).append('\n');
            }
            return out.toString();
        }

        private static String preview(String text) {
            return text.length() <= 60 ? text : text.substring(0, 60) + "…";
        }
    }

    static byte[] bytes(String name) {
        try (InputStream in = PublishedFiles.class.getResourceAsStream("/published/" + name)) {
            if (in == null) {
                return fail("test resource published/" + name + " not found");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Imported imported(String name) {
        return imported(bytes(name));
    }

    static Imported imported(byte[] bytes) {
        DecodedExport decoded = ExportDecoding.decode(bytes);
        List<String> lines = decoded.lines();
        FormKind kind = DocumentBodyImport.kind(lines).orElseGet(() -> fail("no kind in the title row"));
        List<FormDefinition> revisions = FormFiles.all().stream().filter(f -> f.ref().kind() == kind).toList();
        AtomicInteger ids = new AtomicInteger();
        ImportedDocument body = DocumentBodyImport.read(lines, revisions, RULES, () -> "e" + ids.incrementAndGet());
        FormDefinition form = revisions.stream().filter(f -> f.ref().equals(body.form())).findFirst().orElseThrow();
        ChangeAnnex annex = ChangeAnnexParser.parse(lines);
        ItemPathResolver resolver = kind == FormKind.BASIC_ITEMS ? new ItemPathResolver(form)
                : new ItemPathResolver(form, List.of(FormFiles.of(FormKind.BASIC_ITEMS, "2025")));
        List<PathResolution> paths = resolver.resolveAll(annex.rows().stream().map(r -> r.itemPath()).toList());
        return new Imported(decoded, kind, body, annex, paths);
    }
}
