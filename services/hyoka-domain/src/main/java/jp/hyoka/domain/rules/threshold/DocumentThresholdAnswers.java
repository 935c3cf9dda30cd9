package jp.hyoka.domain.rules.threshold;

import jp.hyoka.domain.form.FormKind;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a document itself answers about its しきい値判断 (DOMAIN.md §3.1, §3.3): the 対象人数 band (every form), and in
 * the 基礎項目評価書 also 取扱者数 ≥ 500, a 重大事故 within the past year and the dates each count was taken
 * ("いつ時点の計数か", the one exception to "as of 公表日"); and the しきい値判断結果 it states. Empty: not answered,
 * or not in this form (a 重点/全項目評価書 has no 取扱者数 or 1-year 重大事故 item: its III 7 asks about 3 years and
 * all 個人情報, which must not be taken for the しきい値 input).
 */
public record DocumentThresholdAnswers(FormKind kind, Optional<PersonsBand> band, Optional<LocalDate> personsCountedOn,
                                       Optional<Boolean> handlersAtLeast500, Optional<LocalDate> handlersCountedOn,
                                       Optional<Boolean> seriousIncidentInPastYear, Optional<MandatoryLevel> stated) {
}
