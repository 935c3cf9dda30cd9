package jp.hyoka.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Acceptance: "a test walks samples 000, 003 and 004 and finds a form item for every label in them".
 *
 * <p>The samples are exported, published 評価書 (one form row per line, cells separated by TAB, cells plain text or
 * HTML fragments; {@code ../shared/domain/DOMAIN.md} §0.1 and §7). For each sample the test extracts the <em>labels</em>
 * (the printed form text, not the municipality's answers) of the body up to the 変更箇所 annex, and checks that each
 * one names an item, block, section or repeat group of the form revision the sample was written on.
 *
 * <p>How a cell is told to be a label or a value (see {@link #extract}):
 * <ul>
 *   <li>a cell is <em>value-like</em> when it holds block HTML ({@code <ul> <table> <input> …}), starts with a
 *       selection or placeholder mark ("[", "<", "＜", "・", "-", "—", "1) ", "(1) 件", a bare number, a date), is a
 *       placeholder ("なし", "特になし", "未定", "非公開"), contains a sentence end "。" outside parentheses, or is longer
 *       than 100 characters. Labels never look like that in the samples;</li>
 *   <li>in a row with several non-empty cells the last one is the value; the cells before it are labels up to the
 *       first value-like one ("⑦使用の主体 | 使用部署 ※ | value"). Exceptions: a last cell that starts with a circled
 *       number is a label with an empty value, and a row followed by a row that starts with a bare number is a table
 *       header (cover "評価書番号 | 評価書名" over "57 | …");</li>
 *   <li>a row with one non-empty cell is a heading or a label whose value is empty or on the next row, unless the cell
 *       is value-like, or it comes directly under a numbered heading that has no value of its own ("3. 特定個人情報
 *       ファイル名" over "後期高齢者医療情報ファイル") and is not a heading itself;</li>
 *   <li>a label cell may carry its selection inline: "実施の有無 [] 自己点検 …", "使用者数 [500人以上…", "4. …の委託
 *       [] 委託しない" — the label is the text before the first "[";</li>
 *   <li>not read at all: the document title (first line), the 項目一覧 table of contents (up to the repetition of its
 *       first entry), the bodies of the (別添N) annexes before the change annex (record items, 事務の内容 flow notes: the
 *       annex heading is a label, its body is data), and everything from the "(別添N) 変更箇所" heading on.</li>
 * </ul>
 * What the rule cannot see is listed per sample in {@link #PAIRINGS}: a few value-only rows and one cell where the
 * exporter merged a label into its value.
 *
 * <p>Matching compares normalised keys only ({@link #key}); a label is found when its key equals the key of a form
 * section, block, item or repeat group label, an item label prefixed by its block label, or the concatenation with
 * the label it is printed under ("再委託 | ④再委託の有無", "⑦使用の主体 | 使用部署"; "その妥当性" with the label above it).
 * Repeat headings ("システム3", "委託事項2～5", "移転先0～10") match the repeat group; risk headings ("リスク2: …") match
 * a label equal to their title, or by number: an item with id segment r2 in the same section, in the block with the
 * same heading or numbered like it ("2. リスク2"), so that a corrupted or reworded title still matches.
 *
 * <p>The samples live outside the repository ({@code <clone>/../shared/samples}); they are found by walking up from the
 * working directory, or taken from the environment variable {@value #SAMPLES_ENV}. If they cannot be found the test
 * fails: it never skips. Set {@value #REPORT_ENV} to a directory to get every extracted label with its key and
 * result as one TSV file per sample.
 */
class SampleLabelCoverageTest {

    static final String SAMPLES_ENV = "HYOKA_SAMPLES_DIR";
    static final String REPORT_ENV = "HYOKA_LABEL_REPORT_DIR";
    private static final Path FORMS = Path.of("forms");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One sample and the form revision it was written on.
     *
     * @param minLabels    floor for the number of extracted labels (about 80 % of what the extractor finds today),
     *                     so that a broken extractor cannot pass by finding nothing
     * @param valueRows    cell texts that look like labels but are values, each explained where it is listed
     * @param mergedLabels line → label the exporter merged into the front of the row's value cell
     */
    record Pairing(String sample, String form, int minLabels, Set<String> valueRows, Map<Integer, String> mergedLabels) {
        @Override
        public String toString() {
            return sample + " ↔ " + form;
        }
    }

    static final List<Pairing> PAIRINGS = List.of(
            // 全項目評価書, 川崎市, 令和7年 (5情報). 340 labels found.
            new Pairing("000_79b26e22842cb490.txt", "all-items/2025.json", 270,
                    // cover, line 16: the value of 評価実施機関名. The cover prints label and value as single-cell rows
                    // alike, and 000 leaves out empty values (特記事項 has none), so their alternation cannot tell.
                    Set.of("神奈川県川崎市長"),
                    Map.of()),
            // 重点項目評価書, 横浜市, 平成31年: the previous revision (4情報). 319 labels found.
            new Pairing("003_6c10cb1f5ae90412.txt", "key-items/2024.json", 255,
                    Set.of("横浜市長"), // cover, line 17: the value of 評価実施機関名 (see 000)
                    // line 74: "④使用の主体 | 使用部署 横浜市役所…": label 使用部署 and its value share one cell
                    // (line 188 prints the same row correctly as "④使用の主体 | 使用部署 | …").
                    Map.of(74, "使用部署")),
            // 重点項目評価書, 旭川市, 令和7年 (5情報). 187 labels found.
            new Pairing("004_2993d137f3c1df7b.txt", "key-items/2025.json", 150,
                    Set.of("旭川市長"), // cover, line 13: the value of 評価実施機関名 (see 000)
                    Map.of()));

    static Stream<Pairing> pairings() {
        return PAIRINGS.stream();
    }

    // ---------------------------------------------------------------- the acceptance test

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairings")
    void givenASample_whenItsLabelsAreLookedUpInItsForm_thenEveryLabelNamesAFormElement(Pairing pairing) {
        List<Label> labels = extract(readLines(samplesDir().resolve(pairing.sample())), pairing.valueRows(),
                pairing.mergedLabels());
        FormIndex form = FormIndex.of(readForm(pairing.form()));

        List<Label> notFound = labels.stream().filter(label -> !form.finds(label)).toList();
        writeReport(pairing, labels, notFound);

        assertThat(labels.size())
                .as("labels extracted from %s (floor: about 80 %% of the count when this test was written)", pairing.sample())
                .isGreaterThanOrEqualTo(pairing.minLabels());
        if (!notFound.isEmpty()) {
            fail("%d of %d labels of %s are not in %s (line: label [key] in section / block):%n%s".formatted(
                    notFound.size(), labels.size(), pairing.sample(), pairing.form(),
                    notFound.stream().map(Label::describe).collect(Collectors.joining("\n"))));
        }
    }

    // ---------------------------------------------------------------- the checks themselves

    @Test
    void givenLabelsAsPrinted_whenKeyed_thenNumberingNotesMarksAndSpellingVariantsAreGone() {
        assertThat(key("<p>②事務の内容 ※</p>")).isEqualTo("事務の内容");
        assertThat(key("Ⅲ 特定個人情報ファイルの取扱いプロセスにおけるリスク対策 ※(7. リスク1⑨を除く。)"))
                .isEqualTo("特定個人情報ファイルの取扱いプロセスにおけるリスク対策");
        assertThat(key("5. 特定個人情報の提供・移転（委託や情報提供ネットワークシステムを通じた提供を除く。）"))
                .isEqualTo(key("特定個人情報の提供・移転(委託や情報提供ネットワークシステムを通じた提供を除く。)"))
                .isEqualTo("特定個人情報の提供・移転");
        assertThat(key("⑥ 移転方法")).isEqualTo("移転方法");
        assertThat(key("(1) 資格情報")).isEqualTo("資格情報");
        assertThat(key("(別添1) 事務の内容")).isEqualTo("事務の内容");
        assertThat(key("ユーザー認証の管理")).isEqualTo(key("ユーザ認証の管理"));
        assertThat(key("目的を超えた紐づけ")).isEqualTo(key("目的を超えた紐付け"));
        assertThat(key("ルール内容及びルール遵守の確認方法")).isEqualTo(key("ルールの内容及びルール遵守の確認方法"));
        assertThat(key("リスク1： 目的外の入手")).isEqualTo(key("リスク1: 目的外の入手")).isEqualTo("リスク1:目的外の入手");
        assertThat(key("<中間サーバー・ソフトウェアにおける措置>"))
                .as("only ASCII tag names are tags").isEqualTo("<中間サーバー・ソフトウェアにおける措置>");
    }

    @Test
    void givenASyntheticExport_whenLabelsAreExtracted_thenTitleContentsAnswersAndAnnexesAreLeftOut() {
        List<String> lines = List.of(
                "特定個人情報保護評価書(重点項目評価書)",
                "評価書番号\t評価書名",
                "12\t何々に関する事務 重点項目評価書",
                "評価実施機関名",
                "某市長",
                "公表日",
                "令和7年4月1日",
                "項目一覧",
                "I 基本情報",
                "(別添2) 変更箇所",
                "",
                "I 基本情報",
                "1. 特定個人情報ファイルを取り扱う事務",
                "①事務の名称\t何々に関する事務",
                "③対象人数\t<p>[10万人以上30万人未満]</p>\t1) 1,000人未満",
                "1) 1,000人未満\t2) 1,000人以上1万人未満",
                "3. 特定個人情報ファイル名\t",
                "何々ファイル\t",
                "4. 個人番号の利用 ※",
                "法令上の根拠\t番号法第9条第1項",
                "システム2～5\t",
                "④使用の主体\t使用部署 ※\t何々課",
                "\t使用者数 [100人以上500人未満] <table><tr><td>x</td></tr></table>",
                "実施の有無 [] 自己点検 [○] 内部監査",
                "6. 評価実施機関における担当部署",
                "①部署\t",
                "7. 他の評価実施機関",
                "なし",
                "1 何市における措置\t<p>本市では…</p>",
                "(別添1) 特定個人情報ファイル記録項目",
                "1. 資格情報",
                "II 特定個人情報ファイルの概要",
                "変更の妥当性",
                "—",
                "(別添2) 変更箇所",
                "変更日\t項目\t変更前の記載\t変更後の記載\t提出時期\t提出時期に係る説明");

        List<Label> labels = extract(lines, Set.of("某市長"), Map.of());

        assertThat(labels).extracting(Label::text).containsExactly(
                "評価書番号", "評価書名", "評価実施機関名", "公表日",
                "I 基本情報", "1. 特定個人情報ファイルを取り扱う事務", "①事務の名称", "③対象人数",
                "3. 特定個人情報ファイル名", "4. 個人番号の利用 ※", "法令上の根拠", "システム2～5",
                "④使用の主体", "使用部署 ※", "使用者数", "実施の有無", "6. 評価実施機関における担当部署", "①部署",
                "7. 他の評価実施機関", "(別添1) 特定個人情報ファイル記録項目",
                "II 特定個人情報ファイルの概要", "変更の妥当性");
        assertThat(labels).filteredOn(l -> l.text().equals("使用者数")).singleElement()
                .satisfies(l -> assertThat(l.parent()).isEqualTo("④使用の主体"))
                .satisfies(l -> assertThat(l.line()).isEqualTo(23));
    }

    @Test
    void givenAFormWithGroupsBlocksAndRiskItems_whenLabelsAreMatched_thenOnlyTheMissingOnesAreReported() {
        JsonNode form = json("""
                {"repeatGroups": [{"id": "system", "label": "システム"}],
                 "sections": [{"id": "risk", "number": "III", "label": "リスク対策", "blocks": [
                   {"id": "acquisition", "number": "2.", "label": "特定個人情報の入手", "items": []},
                   {"id": "acquisition-r3", "number": "2. リスク3", "label": "入手した特定個人情報が不正確であるリスク",
                    "items": [{"id": "file.risk.acquisition.r3.verdict", "label": "リスクへの対策は十分か"}]},
                   {"id": "usage", "number": "3.", "label": "特定個人情報の使用", "items": [
                     {"id": "file.risk.usage.r1.measure", "label": "リスクに対する措置の内容"},
                     {"id": "file.risk.usage.r2.verdict", "label": "リスクへの対策は十分か"}]},
                   {"id": "use", "number": "4.", "label": "個人番号の利用", "items": [
                     {"id": "personal-number-use.legal-basis", "label": "法令上の根拠"},
                     {"id": "file.usage.departments", "label": "使用の主体 使用部署"}]}]}]}""");
        List<Label> labels = extract(List.of("title", "Ⅲ リスク対策 ※(7. ②を除く。)", "2. 特定個人情報の入手",
                "リスク3： 入手した特定個人情報ที่ไม่正確であるリスク", "リスク4: 入手の際に漏えいするリスク", "3. 特定個人情報の使用",
                "リスク2: 権限のない者によって不正に使用されるリスク", "リスク3: 従業者が事務外で使用するリスク",
                "<p>リスクに対する措置の内容</p>\t<p>x</p>", "システム6～10", "システム3", "移転先2",
                "④使用の主体\t使用部署 ※\t何々課", "個人番号の利用 法令上の根拠\tx", "7. 特定個人情報の保管・消去"),
                Set.of(), Map.of());

        FormIndex index = FormIndex.of(form);

        assertThat(labels.stream().filter(l -> !index.finds(l)).map(Label::text))
                .containsExactly("リスク4: 入手の際に漏えいするリスク", "リスク3: 従業者が事務外で使用するリスク", "移転先2",
                        "7. 特定個人情報の保管・消去");
    }

    // ---------------------------------------------------------------- extraction

    /** One extracted label: sample line, text as printed, where it stands, and the labels printed around it. */
    record Label(int line, String text, String section, String block, String parent, String previous,
                 List<String> children) {
        String describe() {
            return "  line %d: %s [%s] in %s / %s".formatted(line, text, key(text), section, block);
        }
    }

    private record Cell(int column, String raw, String text) {
    }

    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern BLOCK_HTML = Pattern.compile("<(ul|ol|table|div|input|tr|td)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECTION = Pattern.compile("^(?:[IVX]+|[\\u2160-\\u216B]+)\\s+\\S");
    private static final Pattern ANNEX = Pattern.compile("^[(（]別[添紙]\\d*[)）]");
    private static final Pattern CHANGE_ANNEX = Pattern.compile("^[(（]別添\\d+[)）]\\s*変更箇所");
    private static final Pattern BLOCK = Pattern.compile("^\\d+\\.\\s*\\S");
    private static final Pattern CIRCLED = Pattern.compile("^[\\u2460-\\u2473]");
    private static final Pattern RISK = Pattern.compile("^リスク\\d*\\s*[:：]");
    private static final Pattern REPEAT = Pattern.compile("^(?:システム|委託事項|提供先|移転先)\\s*\\d+(?:\\s*[～~〜]\\s*\\d+)?$");
    private static final Pattern VALUE_START = Pattern.compile(
            "^(?:[\\[<＜・○■●◆※【\\-—－―−‐]|\\d+\\)|\\(\\s*\\d*\\s*\\)\\s*件|\\d+(?:\\s|$)"
                    + "|(?:令和|平成|昭和)\\s*(?:\\d+|元)\\s*年|\\d{4}/\\d{1,2}/\\d{1,2})");
    private static final Pattern PARENTHESISED = Pattern.compile("[(（][^()（）]*[)）]");
    private static final Set<String> PLACEHOLDERS = Set.of("なし", "特になし", "該当なし", "未定", "非公開");
    private static final Pattern NUMBER = Pattern.compile("^\\d+$");

    /** The labels of one exported sample, in line order. */
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

    private static List<Cell> labelCells(List<String> lines, int index, List<Cell> cells, Set<String> valueRows,
                                         boolean underValuelessHeading) {
        if (cells.size() == 1) {
            Cell cell = cells.get(0);
            boolean blockValue = underValuelessHeading && !isHeading(cell.text()) && !CIRCLED.matcher(cell.text()).find();
            return isLabelCell(cell) && !valueRows.contains(cell.text()) && !blockValue ? List.of(cell) : List.of();
        }
        Cell last = cells.get(cells.size() - 1);
        boolean lastIsLabel = isTableHeader(lines, index, cells)
                || (CIRCLED.matcher(last.text()).find() && !valueLike(last.raw()));
        List<Cell> candidates = lastIsLabel ? cells : cells.subList(0, cells.size() - 1);
        List<Cell> found = new ArrayList<>();
        for (Cell cell : candidates) {
            if (!isLabelCell(cell) || valueRows.contains(cell.text())) {
                break;
            }
            found.add(cell);
            if (!inlineLabel(cell.text()).equals(cell.text())) {
                break;                                          // the cell carried its own value
            }
        }
        return found;
    }

    /** "評価書番号 | 評価書名" over "57 | …": a header row whose data row starts with a bare number. */
    private static boolean isTableHeader(List<String> lines, int index, List<Cell> cells) {
        Optional<List<Cell>> next = lines.subList(index + 1, lines.size()).stream().map(SampleLabelCoverageTest::cells)
                .filter(c -> !c.isEmpty()).findFirst();
        return next.isPresent() && NUMBER.matcher(next.get().get(0).text()).matches()
                && cells.stream().allMatch(SampleLabelCoverageTest::isLabelCell);
    }

    private static boolean isLabelCell(Cell cell) {
        String label = inlineLabel(cell.text());
        return !valueLike(cell.raw()) || (!label.equals(cell.text()) && !label.isEmpty() && !valueLike(label));
    }

    private static boolean isHeading(String text) {
        return SECTION.matcher(text).find() || BLOCK.matcher(text).find() || ANNEX.matcher(text).find()
                || RISK.matcher(text).find() || REPEAT.matcher(text).matches();
    }

    static boolean valueLike(String raw) {
        String text = text(raw);
        return text.isEmpty()
                || BLOCK_HTML.matcher(raw).find()
                || VALUE_START.matcher(text).find()
                || PLACEHOLDERS.contains(text)
                || PARENTHESISED.matcher(text).replaceAll("").contains("。")
                || text.codePointCount(0, text.length()) > 100;
    }

    /** The label part of a cell that carries its selection inline ("実施の有無 [] 自己点検 …"). */
    private static String inlineLabel(String text) {
        int bracket = text.indexOf('[');
        return bracket > 0 ? text.substring(0, bracket).strip() : text;
    }

    private static List<Cell> cells(String line) {
        String[] raw = line.split("\t", -1);
        List<Cell> cells = new ArrayList<>();
        for (int column = 0; column < raw.length; column++) {
            String text = text(raw[column]);
            if (!text.isEmpty()) {
                cells.add(new Cell(column, raw[column], text));
            }
        }
        return cells;
    }

    private static String text(String raw) {
        return SPACES.matcher(TAG.matcher(raw).replaceAll(" ")).replaceAll(" ").strip();
    }

    private static String previous(List<Label> labels) {
        return labels.isEmpty() ? null : labels.get(labels.size() - 1).text();
    }

    // ---------------------------------------------------------------- matching

    private static final Pattern EXCLUSION_NOTE = Pattern.compile("\\([^()]*を除く。?\\)");
    private static final Pattern LEADING_NUMBER = Pattern.compile(
            "^(?:\\(別[添紙]\\d*\\)|[IVX]+(?=\\s)|\\d+\\.|\\(\\d+\\)|\\d+(?=\\s))\\s*");
    private static final Pattern REPEAT_KEY = Pattern.compile("^(.+?)\\d+(?:~\\d+)?$");
    private static final Pattern RISK_KEY = Pattern.compile("^リスク(\\d*):(.*)$");
    private static final Pattern BLOCK_NUMBER = Pattern.compile("^\\s*(\\d+)\\.");

    /**
     * Matching key of a label (never stored): tags out (ASCII tag names only), circled numbers out, NFKC, ※ and
     * "(…を除く。)" notes out, leading numbering out (roman numerals, "1.", "(1)", "(別添1)"), no spaces, and the
     * spelling variants ユーザー認証/ユーザ認証 and 紐づけ/紐付け unified, and the slip ルール内容 (003 prints it for its
     * second file, line 405, and ルールの内容 for its first, line 329) read as ルールの内容.
     */
    static String key(String label) {
        String text = SPACES.matcher(TAG.matcher(label).replaceAll(" ")).replaceAll(" ").strip();
        text = text.replaceFirst("^[\\u2460-\\u2473\\u2160-\\u216B]+\\s*", "");
        text = Normalizer.normalize(text, Normalizer.Form.NFKC).replace("※", "").replace('〜', '~');
        text = EXCLUSION_NOTE.matcher(text).replaceAll("").strip();
        for (String before = null; !text.equals(before); ) {
            before = text;
            text = LEADING_NUMBER.matcher(text).replaceFirst("").strip();
        }
        return SPACES.matcher(text).replaceAll("").replace("ユーザー認証", "ユーザ認証").replace("紐づけ", "紐付け")
                .replace("ルール内容", "ルールの内容");
    }

    /** The keys of everything a label may name in one form file (format v2; v1's flat section items are read too). */
    record FormIndex(Set<String> labels, Set<String> repeatGroups, List<IndexedBlock> blocks) {

        record IndexedBlock(String sectionKey, String key, String number, Set<String> itemIdSegments) {
        }

        static FormIndex of(JsonNode form) {
            Set<String> labels = new HashSet<>();
            Set<String> groups = new HashSet<>();
            List<IndexedBlock> blocks = new ArrayList<>();
            form.path("repeatGroups").forEach(group -> groups.add(key(group.path("label").asText())));
            labels.addAll(groups);
            for (JsonNode section : form.path("sections")) {
                String sectionKey = key(section.path("label").asText());
                labels.add(sectionKey);
                List<JsonNode> sectionBlocks = new ArrayList<>();
                section.path("blocks").forEach(sectionBlocks::add);
                if (section.has("items")) {
                    sectionBlocks.add(section);
                }
                for (JsonNode block : sectionBlocks) {
                    String blockKey = block == section ? "" : key(block.path("label").asText());
                    labels.add(blockKey);
                    block.path("headings").forEach(heading -> labels.add(key(heading.asText())));
                    Set<String> segments = new HashSet<>();
                    for (JsonNode item : block.path("items")) {
                        String itemKey = key(item.path("label").asText());
                        labels.add(itemKey);
                        if (item.hasNonNull("heading")) {
                            labels.add(key(item.path("heading").asText()));
                        }
                        labels.add(blockKey + itemKey);
                        segments.addAll(Arrays.asList(item.path("id").asText().split("\\.")));
                    }
                    String number = block == section ? "" : block.path("number").asText().strip();
                    blocks.add(new IndexedBlock(sectionKey, blockKey, number, segments));
                }
            }
            labels.remove("");
            return new FormIndex(labels, groups, blocks);
        }

        boolean finds(Label label) {
            String key = key(label.text());
            if (key.isEmpty() || labels.contains(key)) {
                return true;
            }
            Matcher repeat = REPEAT_KEY.matcher(key);
            if (repeat.matches() && repeatGroups.contains(repeat.group(1))) {
                return true;
            }
            Matcher risk = RISK_KEY.matcher(key);
            if (risk.matches() && (labels.contains(risk.group(2)) || hasRiskItem(label, risk.group(1).isEmpty() ? "1" : risk.group(1)))) {
                return true;
            }
            if (!label.block().isEmpty() && labels.contains(key(label.block()) + key)) {
                return true;
            }
            if (label.parent() != null && labels.contains(key(label.parent()) + key)) {
                return true;
            }
            if (key.startsWith("その") && label.previous() != null && labels.contains(key(label.previous()) + key)) {
                return true;                                     // その必要性, その妥当性 … refer to the label above
            }
            return label.children().stream().anyMatch(child -> labels.contains(key + key(child)));
        }

        /**
         * A risk heading "リスクN: …" printed under block heading "k. …" of a section is found when that section has
         * rN items in the block with the same heading or in a block numbered "k. …" (a form may give each risk its
         * own block, "2. リスク3"). 重点's unnumbered "リスク: …" is r1.
         */
        private boolean hasRiskItem(Label label, String riskNumber) {
            String sectionKey = key(label.section());
            String blockKey = key(label.block());
            Matcher numbered = BLOCK_NUMBER.matcher(Normalizer.normalize(label.block(), Normalizer.Form.NFKC));
            String blockNumber = numbered.find() ? numbered.group(1) + "." : null;
            List<IndexedBlock> candidates = blocks.stream().filter(b -> b.key().equals(blockKey)
                    || (blockNumber != null && (b.number().equals(blockNumber) || b.number().startsWith(blockNumber + " ")))).toList();
            List<IndexedBlock> sameSection = candidates.stream().filter(b -> b.sectionKey().equals(sectionKey)).toList();
            return (sameSection.isEmpty() ? candidates : sameSection).stream()
                    .anyMatch(b -> b.itemIdSegments().contains("r" + riskNumber));
        }
    }

    // ---------------------------------------------------------------- files

    /**
     * {@value #SAMPLES_ENV} if set, else the first "shared/samples" folder found walking up from the working directory
     * (the module directory under surefire; CI checks the repository out beside shared/), else the copies kept in
     * src/test/resources/samples.
     */
    static Path samplesDir() {
        String configured = System.getenv(SAMPLES_ENV);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            if (!Files.isDirectory(dir)) {
                fail("%s=%s is not a directory".formatted(SAMPLES_ENV, configured));
            }
            return dir;
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/samples"))) {
                return dir.resolve("shared/samples");
            }
        }
        // The copies kept with the tests (src/test/resources/samples), so the test runs in any checkout.
        Path fixtures = Path.of("src/test/resources/samples");
        if (Files.isDirectory(fixtures)) {
            return fixtures;
        }
        return fail(("sample exports not found: no shared/samples folder in %s or any parent directory, and no %s. "
                + "Set %s to the folder holding 000_79b26e22842cb490.txt, 003_6c10cb1f5ae90412.txt and "
                + "004_2993d137f3c1df7b.txt.").formatted(start, fixtures.toAbsolutePath(), SAMPLES_ENV));
    }

    private static List<String> readLines(Path file) {
        if (!Files.isRegularFile(file)) {
            fail("sample %s is missing".formatted(file));
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readForm(String file) {
        Path path = FORMS.resolve(file);
        if (!Files.isRegularFile(path)) {
            fail("form %s is missing (forms/ of the schema module)".formatted(path));
        }
        try {
            return JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + path, e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeReport(Pairing pairing, List<Label> labels, List<Label> notFound) {
        String dir = System.getenv(REPORT_ENV);
        if (dir == null || dir.isBlank()) {
            return;
        }
        List<String> rows = new ArrayList<>(List.of("line\tfound\tlabel\tkey\tsection\tblock\tparent"));
        for (Label label : labels) {
            rows.add(String.join("\t", String.valueOf(label.line()), notFound.contains(label) ? "no" : "yes",
                    label.text(), key(label.text()), label.section(), label.block(), String.valueOf(label.parent())));
        }
        try {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, pairing.sample().substring(0, 3) + ".tsv"), rows, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
