package jp.hyoka.domain.importing.annex;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The explanations seen in the samples (DOMAIN.md §4.3), verbatim, and the reason code each suggests. */
class ReasonCodeTest {

    @ParameterizedTest(name = "{1} ← {0}")
    @CsvSource(delimiter = '|', value = {
            "重要な変更|IMPORTANT_CHANGE",
            "重要な項目の変更であって事前の提出・公表が義務付けられている。 (J-LISからの通知に基づく)|IMPORTANT_CHANGE",
            "<p>重要な項目の変更であって事前の提出・公表が義務付けられている。</p>|IMPORTANT_CHANGE",
            "事後で足りるものの任意に事前に提出。|VOLUNTARY_EARLY",
            "事後で足りるもの任意で事前に提出(様式変更に伴うもの)|VOLUNTARY_EARLY",
            "保護評価の再実施に伴う修正|REASSESSMENT",
            "再実施日を記載する。|REASSESSMENT",
            "形式的な変更であるため、事前の提出・公表が義務付けられない|FORMAL_CHANGE",
            "特定個人情報の漏えいその他の事態を発生させるリスクを相当程度変動させるものではないと考えられる変更又は当該リスクを明らかに軽減させる変更のため、事前の提出・公表が義務付けられない|RISK_NOT_MATERIAL_OR_REDUCED",
            "リスクを明らかに軽減させる変更のため、事前の提出・公表が義務付けられない|RISK_REDUCED",
            "漏えいその他の事態を発生させるリスクを明らかに軽減させるため、重要な変更にと当たらない。|RISK_REDUCED",
            "セキュリティリスクを低減させる変更のため、事前の公表が義務付けられない|RISK_REDUCED",
            "特定個人情報に関する重大事故の発生に伴うものであり、事前の提出が義務付けられる「重大な変更」に当たらないため。|SERIOUS_INCIDENT",
            "組織変更に伴う単なる名称変更であるため、重要な変更には該当しない。|ORG_RENAME",
            "人事異動による変更であるため、重要な変更には該当しない。|PERSONNEL",
            "契約変更に伴う単なる業者変更であるため、重要な変更には該当しない。|VENDOR_CHANGE",
            "委託先の社名変更であるため、重要な変更には該当しない。|VENDOR_CHANGE",
            "運用の変更であるため、重要な変更には該当しない。|OPERATION_CHANGE",
            "システムに関する記載内容の変更のため、重要な変更該当しない。|SYSTEM_DESCRIPTION",
            "システム改修に伴う変更の為、重要な変更に関する項目ではない。|SYSTEM_DESCRIPTION",
            "法令改正に伴うシステム機能の変更のため、重要な変更には該当しない。|LAW_AMENDMENT",
            "法改正に伴う対応|LAW_AMENDMENT",
            "軽微な修正(法改正に伴う改正)|LAW_AMENDMENT",
            "重要な変更に関する項目ではない。|NOT_IMPORTANT_ITEM",
            "その他の項目であり、事前の公表が義務付けられない|NOT_IMPORTANT_ITEM",
            "記載内容の軽微な修正のため、重要な変更には該当しない。|MINOR_WORDING",
            "表現の軽微な変更|MINOR_WORDING",
            "記載事項の整理|MINOR_WORDING",
            "軽微な修正(文言等の整理)|MINOR_WORDING",
            "本市の規程の改定に伴う改正|MINOR_WORDING",
            "実態に即した内容への修正|MINOR_WORDING",
            "軽微な修正(特定個人情報保護評価指針の解説等に基づき見直し)|GUIDANCE_REVIEW",
            "クラウド化されるため|OTHER",
            "新しい理由のため、重要な変更には該当しない。|OTHER"
    })
    void givenExplanation_whenSuggested_thenReasonCode(String explanation, ReasonCode expected) {
        assertThat(ReasonCode.suggestFor(explanation)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void givenNoExplanation_whenSuggested_thenNone(String explanation) {
        assertThat(ReasonCode.suggestFor(explanation)).isEqualTo(ReasonCode.NONE);
    }
}
