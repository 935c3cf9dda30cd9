package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;

/**
 * A municipality started writing a 評価書 for a 事務 (特定個人情報ファイルを取り扱う事務) on a given form revision,
 * which the assessment keeps until it is explicitly migrated. The 事務の名称 is also the first answer of item
 * {@code affair.name}.
 */
public record AssessmentStarted(AssessmentId assessmentId, MunicipalityCode tenant, FormRef form, String affairName,
                                Actor by, Instant at) implements AssessmentEvent {
}
