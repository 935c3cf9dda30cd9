package jp.hyoka.domain.components.text;

import org.junit.jupiter.api.Test;

import static jp.hyoka.domain.components.text.BoilerplateTexts.GOVERNMENT_CLOUD_STORAGE;
import static jp.hyoka.domain.components.text.BoilerplateTexts.PLATFORM_V1_NETWORK;
import static jp.hyoka.domain.components.text.BoilerplateTexts.PLATFORM_V2_NETWORK;
import static jp.hyoka.domain.components.text.BoilerplateTexts.PLATFORM_V2_STORAGE;
import static jp.hyoka.domain.components.text.BoilerplateTexts.SYSTEM_DESCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TextSimilarityTest {

    @Test
    void givenTextsDifferingInPresentationOnly_whenCompared_thenOne() {
        assertThat(TextSimilarity.of("①中間サーバー（ISMAP）", "<p>(1) 中間サーバー(ISMAP)</p>")).isEqualTo(1.0);
    }

    @Test
    void givenTextsSharingNoBigram_whenCompared_thenZero() {
        assertThat(TextSimilarity.of("中間サーバー", "ガバメントクラウド")).isZero();
    }

    @Test
    void givenEmptyTexts_whenCompared_thenEqualOnlyToEmpty() {
        assertThat(TextSimilarity.of("", "")).isEqualTo(1.0);
        assertThat(TextSimilarity.of("", "中間サーバー")).isZero();
        assertThat(TextSimilarity.of("あ", "い")).isZero();
    }

    @Test
    void givenTwoTexts_whenComparedBothWays_thenTheSame() {
        assertThat(TextSimilarity.of(PLATFORM_V1_NETWORK, PLATFORM_V2_NETWORK))
                .isEqualTo(TextSimilarity.of(PLATFORM_V2_NETWORK, PLATFORM_V1_NETWORK));
    }

    @Test
    void givenVersionsChangingOnePhrase_whenCompared_thenCloseButBelowOne() {
        assertThat(TextSimilarity.of(PLATFORM_V1_NETWORK, PLATFORM_V2_NETWORK)).isBetween(0.95, 0.99);
    }

    @Test
    void givenDifferentFamilies_whenCompared_thenFarBelowTheThreshold() {
        assertThat(TextSimilarity.of(GOVERNMENT_CLOUD_STORAGE, PLATFORM_V2_STORAGE)).isCloseTo(0.66, within(0.01));
        assertThat(TextSimilarity.of(SYSTEM_DESCRIPTION, PLATFORM_V2_STORAGE)).isLessThan(0.5);
    }
}
