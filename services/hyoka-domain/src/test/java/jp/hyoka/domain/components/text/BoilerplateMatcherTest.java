package jp.hyoka.domain.components.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static jp.hyoka.domain.components.text.BoilerplateTexts.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class BoilerplateMatcherTest {

    private static final List<MatchCandidate<String>> CATALOGUE = List.of(
            new MatchCandidate<>("system-description/v1", SYSTEM_DESCRIPTION),
            new MatchCandidate<>("software-risk1/v1", SOFTWARE_RISK1),
            new MatchCandidate<>("platform-storage/v1", PLATFORM_V1_STORAGE),
            new MatchCandidate<>("platform-storage/v2", PLATFORM_V2_STORAGE),
            new MatchCandidate<>("platform-network/v1", PLATFORM_V1_NETWORK),
            new MatchCandidate<>("platform-network/v2", PLATFORM_V2_NETWORK),
            new MatchCandidate<>("platform-other-measures/v1", PLATFORM_V1_OTHER_MEASURES),
            new MatchCandidate<>("platform-other-measures/v2", PLATFORM_V2_OTHER_MEASURES),
            new MatchCandidate<>("government-cloud-storage/v1", GOVERNMENT_CLOUD_STORAGE));

    private final BoilerplateMatcher<String> matcher = new BoilerplateMatcher<>(CATALOGUE);

    static Stream<Arguments> sampleCopiesWithLocalEdits() {
        return Stream.of(
                Arguments.of("旭川市: ASCII parentheses, 及び, its own systems in ④", SYSTEM_DESCRIPTION_ASAHIKAWA,
                        "system-description/v1", 0.98),
                Arguments.of("川崎市: (*1), 照会 for 照合, 事務手続き, the older legal basis", SOFTWARE_RISK1_KAWASAKI,
                        "software-risk1/v1", 0.9),
                Arguments.of("旭川市: paragraphs and a list in HTML", PLATFORM_V2_STORAGE_ASAHIKAWA,
                        "platform-storage/v2", 0.99),
                Arguments.of("川崎市: セキュリティ監理, ITリテラシー", PLATFORM_V1_OTHER_MEASURES_KAWASAKI,
                        "platform-other-measures/v1", 0.95),
                Arguments.of("旭川市: its own ② sentence", GOVERNMENT_CLOUD_STORAGE_ASAHIKAWA,
                        "government-cloud-storage/v1", 0.88));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleCopiesWithLocalEdits")
    void givenASamplesCopyWithLocalEdits_whenMatched_thenItsVersionWithItsSimilarity(
            String copy, String text, String version, double atLeast) {
        String body = BoilerplateSections.of(text).get(0).body();

        BoilerplateMatch<String> match = matcher.match(body).orElseThrow();

        assertThat(match.id()).as(copy).isEqualTo(version);
        assertThat(match.similarity()).as(copy).isGreaterThanOrEqualTo(atLeast)
                .isGreaterThanOrEqualTo(BoilerplateMatcher.DEFAULT_THRESHOLD);
    }

    @Test
    void givenAsahikawasStorageCell_whenRecognised_thenGovernmentCloudAndPlatformV2ButNotItsPaperMeasures() {
        List<RecognisedSection<String>> recognised = matcher.recognise(ASAHIKAWA_STORAGE_CELL);

        assertThat(recognised).extracting(section -> section.section().heading(), section -> section.match().id())
                .containsExactly(tuple("ガバメントクラウドにおける措置", "government-cloud-storage/v1"),
                        tuple("中間サーバー・プラットフォームにおける措置", "platform-storage/v2"));
        assertThat(matcher.match(ASAHIKAWA_STORAGE_CELL)).isEmpty();
    }

    @Test
    void givenAsahikawasChangeRowForThePlatformUpdate_whenRecognised_thenBeforeIsV1AndAfterIsV2() {
        assertThat(matcher.recognise(ASAHIKAWA_OTHER_MEASURES_BEFORE)).extracting(section -> section.match().id())
                .containsExactly("platform-other-measures/v1");
        assertThat(matcher.recognise(ASAHIKAWA_OTHER_MEASURES_AFTER)).extracting(section -> section.match().id())
                .containsExactly("platform-other-measures/v2");
    }

    @Test
    void givenEachVersionOfAComponent_whenMatched_thenItselfAndNotTheOtherVersion() {
        for (MatchCandidate<String> candidate : CATALOGUE) {
            assertThat(matcher.match(candidate.text()).orElseThrow())
                    .isEqualTo(new BoilerplateMatch<>(candidate.id(), 1.0));
        }
    }

    @Test
    void givenAV1CopyWhenV2ChangedOnePhrase_whenMatched_thenV1EvenThoughV2AlsoPasses() {
        String copy = PLATFORM_V1_NETWORK.replace("①", "(1) ").replace("(総合行政ネットワーク等)", "（総合行政ネットワーク等）");

        assertThat(TextSimilarity.of(copy, PLATFORM_V2_NETWORK)).isGreaterThan(BoilerplateMatcher.DEFAULT_THRESHOLD);
        assertThat(matcher.match(copy).orElseThrow().id()).isEqualTo("platform-network/v1");
    }

    @Test
    void givenATextOfAnotherFamily_whenMatchedAgainstOthersOnly_thenNoMatch() {
        BoilerplateMatcher<String> governmentCloudOnly = new BoilerplateMatcher<>(
                List.of(new MatchCandidate<>("government-cloud-storage/v1", GOVERNMENT_CLOUD_STORAGE)));

        assertThat(governmentCloudOnly.match(PLATFORM_V2_STORAGE)).isEmpty();
        assertThat(matcher.match("紙媒体の情報については、旭川市の事務取扱規程に基づく文書保管(保存及び廃棄)を行う。")).isEmpty();
    }

    @Test
    void givenBlankText_whenMatched_thenNoMatch() {
        assertThat(matcher.match("<p> </p>")).isEmpty();
    }

    @Test
    void givenTwoCandidatesWithTheSameText_whenMatched_thenTheFirstGiven() {
        BoilerplateMatcher<Integer> twins = new BoilerplateMatcher<>(
                List.of(new MatchCandidate<>(2, PLATFORM_V1_STORAGE), new MatchCandidate<>(1, PLATFORM_V1_STORAGE)));

        assertThat(twins.match(PLATFORM_V1_STORAGE).orElseThrow().id()).isEqualTo(2);
    }

    @Test
    void givenAThresholdOutsideZeroToOne_whenMatcherBuilt_thenRejected() {
        assertThatThrownBy(() -> new BoilerplateMatcher<>(CATALOGUE, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
