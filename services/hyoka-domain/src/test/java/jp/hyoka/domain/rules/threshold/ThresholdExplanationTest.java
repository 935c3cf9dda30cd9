package jp.hyoka.domain.rules.threshold;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static jp.hyoka.domain.rules.threshold.ThresholdJudgementTest.judge;
import static org.assertj.core.api.Assertions.assertThat;

/** The explanation names the 対象人数 band, the conditions where the band weighs them, and the obligation. */
class ThresholdExplanationTest {

    @ParameterizedTest(name = "{0}, {1}, {2}")
    @CsvSource(delimiter = '|', textBlock = """
            999    | true  | true  | 対象人数が1,000人未満のため、特定個人情報保護評価の実施が義務付けられない
            1000   | false | false | 対象人数が1,000人以上1万人未満のため、基礎項目評価の実施が義務付けられる
            10000  | false | false | 対象人数が1万人以上10万人未満で、取扱者数が500人未満であり、かつ過去1年以内に特定個人情報に関する重大事故が発生していないため、基礎項目評価の実施が義務付けられる
            99999  | true  | false | 対象人数が1万人以上10万人未満で、取扱者数が500人以上のため、基礎項目評価及び重点項目評価の実施が義務付けられる
            10000  | false | true  | 対象人数が1万人以上10万人未満で、過去1年以内に特定個人情報に関する重大事故が発生したため、基礎項目評価及び重点項目評価の実施が義務付けられる
            299999 | false | false | 対象人数が10万人以上30万人未満で、取扱者数が500人未満であり、かつ過去1年以内に特定個人情報に関する重大事故が発生していないため、基礎項目評価及び重点項目評価の実施が義務付けられる
            100000 | true  | false | 対象人数が10万人以上30万人未満で、取扱者数が500人以上のため、基礎項目評価及び全項目評価の実施が義務付けられる
            100000 | true  | true  | 対象人数が10万人以上30万人未満で、取扱者数が500人以上であり、かつ過去1年以内に特定個人情報に関する重大事故が発生したため、基礎項目評価及び全項目評価の実施が義務付けられる
            300000 | false | false | 対象人数が30万人以上のため、基礎項目評価及び全項目評価の実施が義務付けられる
            """)
    void givenACell_whenJudged_thenTheExplanationNamesTheRuleThatApplied(long persons, boolean handlers,
            boolean incident, String explanation) {
        assertThat(judge(persons, handlers, incident).explanation()).isEqualTo(explanation);
    }
}
