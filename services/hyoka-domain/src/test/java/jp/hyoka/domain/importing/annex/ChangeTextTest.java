package jp.hyoka.domain.importing.annex;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Placeholders in 変更前/変更後 (DOMAIN.md §4.5) are recognised; the text is always kept as written. */
class ChangeTextTest {

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "(空欄)|EMPTY",
            "（空欄）|EMPTY",
            "<p>(空欄)</p>|EMPTY",
            "—|EMPTY",
            "-|EMPTY",
            "－|EMPTY",
            "ー|EMPTY",
            "空欄|EMPTY",
            "記載なし|EMPTY",
            "（記載なし）|EMPTY",
            "<p>記載なし</p>|EMPTY",
            "(追加)|ADDED",
            "(新規)|ADDED",
            "(記述の追加)|ADDED",
            "(特記事項の追加)|ADDED",
            "右記を追記|ADDED",
            "削除|DELETED",
            "（削除）|DELETED",
            "別紙参照|SEE_ANNEX",
            "4 オンライン資格確認業務 (中略) < オンライン資格確認に係る資格履歴管理事務 >|ABRIDGED",
            "<p>番号を用いることになる。</p> <p>(省略)</p>|ABRIDGED",
            "1 住民からの入手 (略) ・本人以外より提出のあった申請等情報|ABRIDGED",
            "再委託する|TEXT",
            "[○]移転を行っている（6件）|TEXT",
            "削除された項目を復元する|TEXT",
            "<中間サーバー・プラットフォームにおける措置>|TEXT",
            "10万人以上30万人未満|TEXT",
            "なし|TEXT",
            "記載なしの項目を追記した|TEXT",
            "サーバー|TEXT"
    })
    void givenCell_whenClassified_thenKindAndUnchangedText(String cell, ChangeTextKind kind) {
        ChangeText text = ChangeText.of(cell);

        assertThat(text.kind()).isEqualTo(kind);
        assertThat(text.text()).isEqualTo(cell);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u3000", "<p></p>"})
    void givenNothing_whenClassified_thenEmpty(String cell) {
        assertThat(ChangeText.of(cell).kind()).isEqualTo(ChangeTextKind.EMPTY);
    }

    @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "<p>旧の名称</p>|旧の名称",
            "<p>一行目</p><p>二行目</p>|一行目 二行目",
            "<ul style=\"list-style-type: none\"> ・項目A ・項目B </ul>|・項目A ・項目B",
            "<p><中間サーバー・プラットフォームにおける措置></p>|<中間サーバー・プラットフォームにおける措置>",
            "再委託する|再委託する"
    })
    void givenCellForAPlainItem_whenMadePlain_thenTagsAreGoneAndTheKindStays(String cell, String plain) {
        ChangeText text = ChangeText.of(cell).plain();

        assertThat(text.text()).isEqualTo(plain);
        assertThat(text.kind()).isEqualTo(ChangeText.of(cell).kind());
    }
}
