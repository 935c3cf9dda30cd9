package jp.hyoka.domain.importing.published;

import jp.hyoka.domain.importing.published.PublishedFiles.Imported;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row whose label and value only spaces separate (no TAB) names the item ahead of the reading: the official 基礎
 * form prints "判断の根拠" in Ⅳ 8 and again in Ⅳ 11, and the second one is Ⅳ 11's even where the rows between were
 * lost, never Ⅳ 8's read again.
 */
class SpacedRowsLookAheadTest {

    private static Imported imported(String... lines) {
        return PublishedFiles.imported(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givenALabelRepeatedLaterInTheSection_whenItsSpacedRowComesAfterTheFirst_thenTheValueGoesToTheOneAhead() {
        Imported document = imported("特定個人情報保護評価書(基礎項目評価書)", "Ⅳ リスク対策",
                "8. 人手を介在させる作業\t[] 人手を介在させる作業はない",
                "判断の根拠　　<p>入力は職員2名で確認している。</p>",
                "判断の根拠　　<p>システムは庁内の閉域網に置いている。</p>");

        assertThat(document.text("basic-risk.manual-work.grounds")).as(document.dump()).contains("入力は職員2名で確認している。");
        assertThat(document.text("basic-risk.priority.grounds")).as(document.dump())
                .contains("システムは庁内の閉域網に置いている。");
        assertThat(document.body().unmapped()).as(document.dump()).isEmpty();
    }

    @Test
    void givenASpacedRowWhoseLabelIsAheadInTheSameBlock_whenRead_thenItIsThatItem() {
        Imported document = imported("特定個人情報保護評価書(基礎項目評価書)", "Ⅱ しきい値判断項目", "1. 対象人数",
                "いつ時点の計数か　　令和7年4月1日 時点", "2. 取扱者数",
                "特定個人情報ファイル取扱者数は500人以上か　　[500人未満] <選択肢> 1) 500人以上 2) 500人未満",
                "いつ時点の計数か　　令和7年5月1日 時点");

        assertThat(document.text("threshold.target-count-as-of")).as(document.dump()).isPresent();
        assertThat(document.choice("threshold.handlers-500-or-more")).isEqualTo("no");
        assertThat(document.date("threshold.handlers-as-of")).as(document.dump())
                .contains(LocalDate.of(2025, 5, 1));
    }
}
