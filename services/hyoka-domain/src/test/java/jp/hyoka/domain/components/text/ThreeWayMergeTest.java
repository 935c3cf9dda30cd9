package jp.hyoka.domain.components.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.hyoka.domain.components.text.BoilerplateTexts.PLATFORM_V1_NETWORK;
import static jp.hyoka.domain.components.text.BoilerplateTexts.PLATFORM_V1_STORAGE;
import static jp.hyoka.domain.components.text.BoilerplateTexts.PLATFORM_V2_STORAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Base version, new version (theirs) and the municipality's local text (ours). The texts are the v1 → v2 change of
 * <中間サーバー・プラットフォームにおける措置> III 6 その他 ④ (DOMAIN.md §5.5) and local edits in the style of the
 * samples.
 */
class ThreeWayMergeTest {

    private static final String BASE = PLATFORM_V1_NETWORK;
    private static final String NEW_VERSION = BASE.replace("保守・運用を行う事業者", "事業者及びクラウドサービス事業者");
    private static final String FOURTH_V1 = " ④特定個人情報の管理を地方公共団体のみが行うことで、中間サーバー・プラットフォームの保守・運用を行う事業者における情報漏えい等のリスクを極小化する。";
    private static final String FOURTH_V2 = " ④特定個人情報の管理を地方公共団体のみが行うことで、中間サーバー・プラットフォームの事業者及びクラウドサービス事業者における情報漏えい等のリスクを極小化する。";

    @Test
    void givenNoLocalChange_whenMerged_thenTheNewVersion() {
        MergeResult result = ThreeWayMerge.merge(BASE, NEW_VERSION, BASE);

        assertThat(result.isClean()).isTrue();
        assertThat(result.text()).isEqualTo(NEW_VERSION);
    }

    @Test
    void givenNoComponentChange_whenMerged_thenTheLocalText() {
        String local = BASE.replace("VPN等の技術", "VPN等の暗号化技術");

        assertThat(ThreeWayMerge.merge(BASE, BASE, local).text()).isEqualTo(local);
    }

    @Test
    void givenALocalChangeElsewhere_whenMerged_thenBothChangesApplied() {
        String local = BASE.replace("VPN等の技術", "VPN等の暗号化技術");

        MergeResult result = ThreeWayMerge.merge(BASE, NEW_VERSION, local);

        assertThat(result.isClean()).isTrue();
        assertThat(result.text()).isEqualTo(NEW_VERSION.replace("VPN等の技術", "VPN等の暗号化技術"));
    }

    @Test
    void givenALocalSentenceAddedAfterTheChangedOne_whenMerged_thenBothWithoutConflict() {
        String local = BASE + " ⑤本市では、中間サーバーへの接続端末を限定している。";

        MergeResult result = ThreeWayMerge.merge(BASE, NEW_VERSION, local);

        assertThat(result.text()).isEqualTo(NEW_VERSION + " ⑤本市では、中間サーバーへの接続端末を限定している。");
    }

    @Test
    void givenALocalLineAddedAfterTheLastSentenceTheNewVersionChanges_whenMerged_thenBothWithoutConflict() {
        String local = BASE + "\n（本市では、接続端末を限定している。）";

        assertThat(ThreeWayMerge.merge(BASE, NEW_VERSION, local).text())
                .isEqualTo(NEW_VERSION + "\n（本市では、接続端末を限定している。）");
    }

    @Test
    void givenLocalMeasuresAroundTheStorageText_whenThePlatformMovesToTheCloud_thenLocalMeasuresKeptAndV2Adopted() {
        String before = "＜旭川市における措置＞ サーバー室への入室を管理する。\n";
        String after = "\n＜紙媒体の保管＞ 文書保管を行う。";

        MergeResult result = ThreeWayMerge.merge(PLATFORM_V1_STORAGE, PLATFORM_V2_STORAGE,
                before + PLATFORM_V1_STORAGE + after);

        assertThat(result.text()).isEqualTo(before + PLATFORM_V2_STORAGE + after);
    }

    @Test
    void givenBothChangeTheSameSentenceDifferently_whenMerged_thenOneConflictWithBaseOursAndTheirs() {
        String fourthLocal = FOURTH_V1.replace("極小化する。", "極小化している。");
        String local = BASE.replace(FOURTH_V1, fourthLocal);

        MergeResult result = ThreeWayMerge.merge(BASE, NEW_VERSION, local);

        assertThat(result.isClean()).isFalse();
        assertThat(result.conflicts()).containsExactly(new MergeChunk.Conflict(FOURTH_V1, fourthLocal, FOURTH_V2));
        assertThat(result.chunks().get(0)).isEqualTo(new MergeChunk.Merged(BASE.replace(FOURTH_V1, "")));
        assertThatThrownBy(result::text).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenAConflict_whenResolvedEachWay_thenTheChosenText() {
        String fourthLocal = FOURTH_V1.replace("極小化する。", "極小化している。");
        MergeResult result = ThreeWayMerge.merge(BASE, NEW_VERSION, BASE.replace(FOURTH_V1, fourthLocal));

        assertThat(result.resolve(List.of(HunkResolution.takeTheirs()))).isEqualTo(NEW_VERSION);
        assertThat(result.resolve(List.of(HunkResolution.takeOurs()))).isEqualTo(BASE.replace(FOURTH_V1, fourthLocal));
        assertThat(result.resolve(List.of(HunkResolution.useText(FOURTH_V2.replace("極小化する。", "極小化している。")))))
                .isEqualTo(NEW_VERSION.replace("極小化する。", "極小化している。"));
        assertThatThrownBy(() -> result.resolve(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenIdenticalChangesOnBothSides_whenMerged_thenNoConflict() {
        MergeResult result = ThreeWayMerge.merge(BASE, NEW_VERSION, NEW_VERSION);

        assertThat(result.isClean()).isTrue();
        assertThat(result.text()).isEqualTo(NEW_VERSION);
    }

    @Test
    void givenBothDeleteTheSameSentence_whenMerged_thenDeletedOnce() {
        String without = BASE.replace(FOURTH_V1, "");

        assertThat(ThreeWayMerge.merge(BASE, without, without).text()).isEqualTo(without);
    }

    @Test
    void givenTheLocalTextDeletesASentenceTheNewVersionChanges_whenMerged_thenConflictWithEmptyOurs() {
        MergeResult result = ThreeWayMerge.merge(BASE, NEW_VERSION, BASE.replace(FOURTH_V1, ""));

        assertThat(result.conflicts()).containsExactly(new MergeChunk.Conflict(FOURTH_V1, "", FOURTH_V2));
    }

    @Test
    void givenBothInsertDifferentSentencesAtTheSamePlace_whenMerged_thenConflictWithEmptyBase() {
        MergeResult result = ThreeWayMerge.merge("①管理する。", "①管理する。②新しい措置。", "①管理する。②本市の措置。");

        assertThat(result.chunks()).containsExactly(new MergeChunk.Merged("①管理する。"),
                new MergeChunk.Conflict("", "②本市の措置。", "②新しい措置。"));
    }

    @Test
    void givenEmptyTexts_whenMerged_thenEmptyOrTheOnlyText() {
        assertThat(ThreeWayMerge.merge("", "", "").text()).isEmpty();
        assertThat(ThreeWayMerge.merge("", "新しい措置。", "").text()).isEqualTo("新しい措置。");
        assertThat(ThreeWayMerge.merge("", "", "本市の措置。").text()).isEqualTo("本市の措置。");
        assertThat(ThreeWayMerge.merge("措置。", "", "措置。").text()).isEmpty();
        assertThat(ThreeWayMerge.merge("", "", "").chunks()).isEmpty();
    }

    @Test
    void givenLinesOfJapaneseText_whenEachSideChangesADifferentLine_thenBothLinesChanged() {
        String base = "＜中間サーバー・プラットフォームにおける措置＞\n①データセンターに設置する。\n②バックアップを保存する。\n";
        String newVersion = "＜中間サーバー・プラットフォームにおける措置＞\n①ISMAPに登録されたクラウドに設置する。\n②バックアップを保存する。\n";
        String local = "＜中間サーバー・プラットフォームにおける措置＞\n①データセンターに設置する。\n②バックアップを本市でも保存する。\n";

        assertThat(ThreeWayMerge.merge(base, newVersion, local).text()).isEqualTo(
                "＜中間サーバー・プラットフォームにおける措置＞\n①ISMAPに登録されたクラウドに設置する。\n②バックアップを本市でも保存する。\n");
    }

    @Test
    void givenTheLocalChangeAsADifference_whenMerged_thenTheSameAsWithTheLocalText() {
        String local = BASE.replace("VPN等の技術", "VPN等の暗号化技術");

        assertThat(ThreeWayMerge.merge(BASE, NEW_VERSION, TextDifference.between(BASE, local)))
                .isEqualTo(ThreeWayMerge.merge(BASE, NEW_VERSION, local));
    }

    private static final String MARKED_UP_V1 = "<p>①中間サーバー・プラットフォームはデータセンターに設置する。</p>"
            + "<p>②特定個人情報はデータベース内に保存される。</p>";
    private static final String MARKED_UP_V2 = "<p>①中間サーバー・プラットフォームはISMAPに登録されたクラウドに設置する。</p>"
            + "<p>②特定個人情報はデータベース内に保存される。</p>";

    @Test
    void givenACopyThatDiffersOnlyInMarkupAndSpacing_whenMerged_thenCleanlyTheNewVersion() {
        String publishedCopy = "①中間サーバー・プラットフォームはデータセンターに設置する。 ②特定個人情報はデータベース内に保存される。";

        MergeResult merged = ThreeWayMerge.merge(MARKED_UP_V1, MARKED_UP_V2, publishedCopy);

        assertThat(merged.isClean()).as(merged.toString()).isTrue();
        assertThat(merged.text()).isEqualTo(MARKED_UP_V2);
    }

    @Test
    void givenACopyInOtherMarkupWithALocalSentence_whenTheVersionChangesAnotherSentence_thenBothAreKept() {
        String publishedCopy = "①中間サーバー・プラットフォームはデータセンターに設置する。 ②特定個人情報はデータベース内に暗号化して保存される。";

        MergeResult merged = ThreeWayMerge.merge(MARKED_UP_V1, MARKED_UP_V2, publishedCopy);

        assertThat(merged.isClean()).as(merged.toString()).isTrue();
        assertThat(merged.text()).contains("ISMAP").contains("暗号化して保存").doesNotContain("データセンター");
    }

    @Test
    void givenACopyInOtherMarkupThatRewordedTheChangedSentence_whenMerged_thenAConflictOfThatSentenceOnly() {
        String publishedCopy = "①中間サーバー・プラットフォームは当市のデータセンターに設置する。 ②特定個人情報はデータベース内に保存される。";

        MergeResult merged = ThreeWayMerge.merge(MARKED_UP_V1, MARKED_UP_V2, publishedCopy);

        assertThat(merged.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.ours()).contains("当市のデータセンター").doesNotContain("②");
            assertThat(conflict.theirs()).contains("ISMAP");
        });
    }
}
