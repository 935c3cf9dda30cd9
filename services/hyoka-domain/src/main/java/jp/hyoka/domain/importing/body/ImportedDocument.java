package jp.hyoka.domain.importing.body;

import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.importing.ImportProblem;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the body of a published 評価書 says, read against one form revision: its repeat entries in order, every
 * answer mapped to an item id and entry, what could not be mapped (kept verbatim), warnings with line numbers, and
 * counts of the rows read and mapped.
 *
 * @param rowsRead   non-empty rows of the body (title, table of contents and layout rules not counted)
 * @param rowsMapped rows recognised as headings or taken into an answer
 */
public record ImportedDocument(FormRef form, List<ImportedEntry> entries, List<ImportedAnswer> answers,
                               List<UnmappedContent> unmapped, List<ImportProblem> warnings, int rowsRead,
                               int rowsMapped) {
    public ImportedDocument {
        Objects.requireNonNull(form, "form");
        entries = List.copyOf(entries);
        answers = List.copyOf(answers);
        unmapped = List.copyOf(unmapped);
        warnings = List.copyOf(warnings);
    }

    /** The plain text of an answered top-level item, e.g. 評価実施機関名 ({@code cover.organisation}). */
    public Optional<String> text(String itemId) {
        return answers.stream().filter(a -> a.itemId().value().equals(itemId) && a.entries().isEmpty())
                .map(a -> a.answer().plainText()).findFirst();
    }
}
