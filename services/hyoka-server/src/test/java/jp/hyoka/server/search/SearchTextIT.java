package jp.hyoka.server.search;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.SearchText;
import jp.hyoka.domain.form.Selection;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.server.assessment.ReadModels;
import jp.hyoka.server.importing.DocumentImport;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.security.Tenants;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.HyokaServerTest;
import jp.hyoka.server.support.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The searchable text of an answer (rm_answer.search_text) is written by the projection with Java's definition
 * ({@link SearchText}, the query's; V26), and it is the text PostgreSQL's {@code hyoka_search_text} (V17/V24, what
 * older rows hold) makes, except where the search README says it is not: compared on every answer the published
 * samples import into, on many generated answers of every kind (markup, entities, white space of every kind,
 * control characters, full-width and half-width characters) and, for the normalisation, on every code point.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTextIT extends HyokaServerTest {

    /** Pieces generated answers are made of: markup, entities, white space, NFKC's cases, Japanese text. */
    private static final String[] PIECES = {"<", ">", "&", "&lt;", "&gt;", "&quot;", "&#39;", "&apos;", "&nbsp;",
            "&amp;", "&amp;lt;", "<p>", "</p>", "<ul style=\"x\">", "<li>", "<br>", " ", "  ", "\t", "\n", "\r\n",
            "\r", "\u000B", "\f", "\u3000", "\u00a0", "\u2028", "\u2029", "\u1680", "\u2007", "\u0085",
            "\u0001", "\u001F", "\u007F", "\u200B", "\u202E", "\uFEFF", "ＡＢＣ", "１２３", "ｶﾀｶﾅ", "ﾊﾟ",
            "住民基本台帳", "中間サーバー", "㈱", "①", "Ⅳ", "\"", "'", "\\", "a", "Z", "9", "。", "、", "（", "）", "~",
            "〜"};
    /** Where SearchText decides otherwise than PostgreSQL's function (the search README), as its comparison found. */
    private static final IntPredicate DECIDED_OTHERWISE = cp -> Character.isISOControl(cp) || invisible(cp)
            || (cp >= 0x1C && cp <= 0x1F) || !Character.isDefined(cp);

    @Inject
    DocumentImport imports;
    @Inject
    Tenants tenants;
    @Inject
    DataSource dataSource;

    @BeforeAll
    void importSamples() {
        tenants.register(Callers.KAWASAKI, "川崎市");
        Caller editor = new Caller(Callers.KAWASAKI, new Actor("u-1", "山田 太郎"), Set.of(Caller.EDITOR));
        for (String sample : List.of(Samples.ALL_ITEMS_000, Samples.KEY_ITEMS_003, Samples.KEY_ITEMS_004)) {
            imports.importDocument(editor, sample, Samples.bytes(sample), null, null, "search text");
        }
    }

    @Test
    void givenEveryImportedAnswer_whenStored_thenItsSearchTextIsJavasDefinitionAndPostgresqlsText()
            throws SQLException {
        int rows = 0;
        Set<String> kinds = new HashSet<>();
        List<String> notJavas = new ArrayList<>();
        List<String> notPostgresqls = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT item_id, entry_path, answer::text, search_text, "
                     + "hyoka_search_text(answer), answer ->> 'kind' FROM rm_answer")) {
            while (row.next()) {
                rows++;
                kinds.add(row.getString(6));
                String where = row.getString(1) + " " + row.getString(2) + ": " + row.getString(4);
                if (!Objects.equals(row.getString(4), SearchText.of(ReadModels.fromJson(row.getString(3))))) {
                    notJavas.add(where);
                }
                if (!Objects.equals(row.getString(4), row.getString(5))) {
                    notPostgresqls.add(where + " / " + row.getString(5));
                }
            }
        }
        assertThat(rows).as("the samples' answers").isGreaterThan(500);
        assertThat(kinds).as("kinds among them").hasSizeGreaterThanOrEqualTo(4);
        assertThat(notJavas).as("stored texts that are not Java's").isEmpty();
        assertThat(notPostgresqls).as("stored texts that are not PostgreSQL's").isEmpty();
    }

    @Test
    void givenGeneratedAnswersOfEveryKind_whenMadeSearchable_thenPostgresqlsTextWhereNotDecidedOtherwise()
            throws SQLException {
        Random random = new Random(26);
        List<Answer> answers = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            String text = text(random);
            String second = text(random);
            answers.add(switch (i % 4) {
                case 0 -> new TextAnswer(text);
                case 1 -> new RichTextAnswer(text);
                case 2 -> new ChoiceAnswer("c", text, null);
                default -> new MultiChoiceAnswer(List.of(new Selection("a", text, null), new Selection("b", null, 2L),
                        new Selection("c", second, null)));
            });
            sources.add(text + second);
        }
        List<String> postgresqls = postgresqlsTexts(answers);
        int compared = 0;
        int withText = 0;
        for (int i = 0; i < answers.size(); i++) {
            String java = SearchText.of(answers.get(i));
            String postgresql = postgresqls.get(i);
            withText += java == null ? 0 : 1;
            if (sources.get(i).codePoints().noneMatch(DECIDED_OTHERWISE)) {
                assertThat(java).as(answers.get(i).toString()).isEqualTo(postgresql);
                compared++;
            } else {
                // the difference is the normalisation's alone: normalised again by Java's rules, the same text
                String again = postgresql == null ? null : SearchText.normalise(postgresql);
                assertThat(java).as(answers.get(i).toString()).isEqualTo(again == null || again.isEmpty() ? null
                        : again);
            }
        }
        assertThat(compared).as("answers compared exactly").isGreaterThan(500);
        assertThat(withText).as("answers with a text").isGreaterThan(5_000);
    }

    /**
     * Every code point between two letters, normalised by PostgreSQL (V17's NFKC and {@code \s+}) and by Java: they
     * differ only where the search README says SearchText decides otherwise, and in each such class as decided.
     */
    @Test
    void givenEveryCodePoint_whenNormalisedByPostgresqlAndJava_thenTheyDifferOnlyWhereDecided() throws SQLException {
        TreeMap<Integer, String> differing = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("""
                     SELECT cp, nullif(btrim(regexp_replace(normalize('a' || chr(cp) || 'b', NFKC), '\\s+', ' ',
                         'g')), '')
                     FROM generate_series(1, 1114111) cp WHERE cp NOT BETWEEN 55296 AND 57343""")) {
            while (row.next()) {
                int cp = row.getInt(1);
                String java = SearchText.normalise("a" + Character.toString(cp) + "b");
                if (!java.equals(row.getString(2))) {
                    differing.put(cp, row.getString(2) + " / " + java);
                }
            }
        }
        List<String> unexplained = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        differing.forEach((cp, texts) -> {
            String kind = cp >= 0x1C && cp <= 0x1F ? "space" : Character.isISOControl(cp) || invisible(cp) ? "dropped"
                    : !Character.isDefined(cp) ? "newer Unicode" : "?";
            report.append(String.format("U+%04X %s: %s%n", cp, kind, texts.replace("\n", "\\n")));
            if (kind.equals("?")) {
                unexplained.add(String.format("U+%04X", cp));
            }
        });
        System.out.println("Code points PostgreSQL and Java normalise differently (PostgreSQL / Java):\n" + report);
        assertThat(unexplained).as(report.toString()).isEmpty();
        assertThat(differing).as("control characters PostgreSQL keeps and Java drops").containsKeys(0x01, 0x7F, 0x9F)
                .as("zero-width and bidirectional ones").containsKeys(0x200B, 0x202E)
                .as("separators PostgreSQL keeps and Java spaces").containsKeys(0x1C, 0x1F)
                .as("U+0085: PostgreSQL keeps it, Java drops it").containsKey(0x85);
        assertThat(differing.get(0x1F)).as("a separator is a space in Java").endsWith(" / a b");
        assertThat(differing.get(0x85)).as("a control character is dropped in Java").endsWith(" / ab");
        assertThat(differing).as("white space both make a space").doesNotContainKeys(0x09, 0x0A, 0x0D, 0x20, 0xA0,
                0x1680, 0x2028, 0x2029, 0x3000);
    }

    /** hyoka_search_text of each answer's JSON, in order. */
    private List<String> postgresqlsTexts(List<Answer> answers) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT hyoka_search_text(a::jsonb) FROM unnest(?::text[]) WITH ORDINALITY u(a, n) ORDER BY n")) {
            Array array = connection.createArrayOf("text", answers.stream().map(ReadModels::toJson).toArray());
            select.setArray(1, array);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    texts.add(row.getString(1));
                }
            }
        }
        assertThat(texts).hasSameSizeAs(answers);
        return texts;
    }

    /** Zero-width and bidirectional characters: what PlainText.clean drops beside the control characters. */
    private static boolean invisible(int cp) {
        return cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(12);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }
}
