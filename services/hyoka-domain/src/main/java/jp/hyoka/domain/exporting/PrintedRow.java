package jp.hyoka.domain.exporting;

import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.Section;

import java.util.Optional;

/**
 * One row of a document's body in print order, before it is written as text or HTML. Both exports print the same
 * rows, so the HTML page and the tab-separated file never disagree about what a document contains.
 */
sealed interface PrintedRow {

    /**
     * A section starts: once for an ordinary section, once per entry for a section repeated per 特定個人情報ファイル.
     *
     * @param entryLabel e.g. "特定個人情報ファイル2" for a repeated section; empty otherwise
     */
    record SectionStart(Section section, String heading, String entryLabel) implements PrintedRow {
        /** The 表紙 carries no number and prints no heading of its own. */
        boolean cover() {
            return section.number().isEmpty();
        }
    }

    /** A numbered sub-heading of a section, "1. 特定個人情報ファイルを取り扱う事務". */
    record BlockHeading(String text) implements PrintedRow {
    }

    /** One entry of a repeated block starts: "システム2", "委託事項1", "提供先3" (1-based position). */
    record EntryHeading(String text) implements PrintedRow {
    }

    /** A further heading printed alone on its row: a block's risk titles, an item's "④使用の主体". */
    record SubHeading(String text) implements PrintedRow {
    }

    /**
     * An item, its label as printed in this place ("①事務の名称", "その必要性", "④再委託の有無 ※") and its answer in
     * this place of the document, if answered.
     */
    record ItemLine(Item item, String label, Optional<Answer> answer) implements PrintedRow {
    }
}
