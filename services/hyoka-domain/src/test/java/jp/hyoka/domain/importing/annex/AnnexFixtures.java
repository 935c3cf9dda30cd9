package jp.hyoka.domain.importing.annex;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Small synthetic annexes, written the way the exports write them: one line per row, cells TAB-separated. */
final class AnnexFixtures {

    static final String HEADING = "(別添2) 変更箇所";
    static final String HEADER = line("変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明");

    private AnnexFixtures() {
    }

    static String line(String... cells) {
        return String.join("\t", cells);
    }

    /** A well-formed change row dated 令和7年3月27日. */
    static String row(String item) {
        return line("令和7年3月27日", item, "旧", "新", "事後", "軽微な修正");
    }

    /** The heading (line 1), the header row (line 2), then the given lines from line 3 on. */
    static List<String> withHeader(String... lines) {
        return Stream.concat(Stream.of(HEADING, HEADER), Stream.of(lines)).toList();
    }

    static ChangeAnnex annexOf(String... lines) {
        return ChangeAnnexParser.parse(withHeader(lines));
    }

    /** The single row of an annex that must have exactly one. */
    static ChangeRow onlyRow(ChangeAnnex annex) {
        assertThat(annex.rows()).hasSize(1);
        return annex.rows().get(0);
    }
}
