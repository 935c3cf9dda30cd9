package jp.hyoka.schema;

import jp.hyoka.schema.ExportCells.Cell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static jp.hyoka.schema.ExportCells.ANNEX;
import static jp.hyoka.schema.ExportCells.BLOCK;
import static jp.hyoka.schema.ExportCells.SECTION;
import static jp.hyoka.schema.ExportCells.cells;
import static jp.hyoka.schema.ExportCells.inlineLabel;
import static jp.hyoka.schema.ExportCells.isHeading;
import static jp.hyoka.schema.ExportCells.labelCells;
import static org.assertj.core.api.Assertions.fail;

/**
 * The <em>labels</em> of an exported sample (the printed form text, not the municipality's answers) of the body up to
 * the 変更箇所 annex, with the section, block and labels each one is printed under. Which cells of a row are labels is
 * decided by {@link ExportCells}.
 *
 * <p>Not read at all: the document title (first line), the 項目一覧 table of contents (up to the repetition of its
 * first entry), the bodies of the (別添N) annexes before the change annex (record items, 事務の内容 flow notes: the
 * annex heading is a label, its body is data), and everything from the "(別添N) 変更箇所" heading on.
 */
final class SampleLabels {

    /** One extracted label: sample line, text as printed, where it stands, and the labels printed around it. */
    record Label(int line, String text, String section, String block, String parent, String previous,
                 List<String> children) {
        String describe() {
            return "  line %d: %s [%s] in %s / %s".formatted(line, text, LabelKeys.key(text), section, block);
        }
    }

    private static final Pattern CHANGE_ANNEX = Pattern.compile("^[(（]別添\\d+[)）]\\s*変更箇所");

    private SampleLabels() {
    }

    /** The lines of a sample export (UTF-8); fails when the file is missing. */
    static List<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            fail("sample %s is missing".formatted(file));
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The labels of one exported sample, in line order. {@code valueRows} and {@code mergedLabels} correct what the
     * rules cannot see (listed per sample in {@link SampleLabelCoverageTest#PAIRINGS}).
     */
    static List<Label> extract(List<String> lines, Set<String> valueRows, Map<Integer, String> mergedLabels) {
        List<Label> labels = new ArrayList<>();
        boolean titleSeen = false;
        boolean inContents = false;
        boolean inAnnex = false;
        boolean underValuelessHeading = false;
        String contentsFirst = null;
        String section = "";
        String block = "";
        String rowParent = null;
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            List<Cell> cells = cells(lines.get(i));
            if (cells.isEmpty()) {
                underValuelessHeading = false;
                continue;
            }
            String first = cells.get(0).text();
            if (!titleSeen) {                                   // "特定個人情報保護評価書(全項目評価書)"
                titleSeen = true;
                continue;
            }
            if (first.equals("項目一覧")) {
                inContents = true;
                contentsFirst = null;
                continue;
            }
            if (inContents) {                                   // until the body repeats the first entry
                if (contentsFirst == null) {
                    contentsFirst = first;
                    continue;
                }
                if (!first.equals(contentsFirst)) {
                    continue;
                }
                inContents = false;
            }
            if (CHANGE_ANNEX.matcher(first).find()) {
                break;
            }
            if (SECTION.matcher(first).find()) {
                inAnnex = false;
            } else if (ANNEX.matcher(first).find()) {
                labels.add(new Label(line, inlineLabel(first), first, "", null, previous(labels), new ArrayList<>()));
                section = first;
                block = "";
                inAnnex = true;
                continue;
            }
            if (inAnnex) {
                continue;
            }

            List<Cell> found = labelCells(lines, i, cells, valueRows, underValuelessHeading);
            List<String> rowLabels = new ArrayList<>(found.stream().map(c -> inlineLabel(c.text())).toList());
            String merged = mergedLabels.get(line);
            if (merged != null && cells.size() > 1 && cells.get(cells.size() - 1).text().startsWith(merged + " ")) {
                rowLabels.add(merged);
            }
            for (int k = 0; k < rowLabels.size(); k++) {
                String text = rowLabels.get(k);
                boolean firstColumn = k == 0 && !found.isEmpty() && found.get(0).column() == 0;
                if (SECTION.matcher(text).find()) {
                    section = text;
                    block = "";
                } else if (BLOCK.matcher(text).find() && firstColumn) {
                    block = text;
                }
                String parent = k > 0 ? rowLabels.get(k - 1) : firstColumn ? null : rowParent;
                Label label = new Label(line, text, section, block, parent, previous(labels), new ArrayList<>());
                labels.stream().filter(l -> l.text().equals(parent)).reduce((a, b) -> b)
                        .ifPresent(l -> l.children().add(text));
                labels.add(label);
                if (firstColumn) {
                    rowParent = isHeading(text) ? null : text;
                }
            }
            underValuelessHeading = cells.size() == 1 && rowLabels.size() == 1
                    && BLOCK.matcher(first).find() && rowLabels.get(0).equals(first);
        }
        return labels;
    }

    private static String previous(List<Label> labels) {
        return labels.isEmpty() ? null : labels.get(labels.size() - 1).text();
    }
}
