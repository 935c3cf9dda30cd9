package jp.hyoka.domain.rules.threshold;

import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.InvalidInput;

/**
 * The facts a しきい値判断 weighs (DOMAIN.md §3.1). A negative count is refused here, so a judgement never sees one.
 *
 * @param persons                   対象人数: persons recorded in the 事務's 特定個人情報ファイル(s)
 * @param handlersAtLeast500        取扱者数 (the municipality's staff and its 委託先's who handle the file) is 500 or more
 * @param seriousIncidentInPastYear a 特定個人情報に関する重大事故 within the past 1 year (not the 3-year window of III 7)
 */
public record ThresholdInputs(long persons, boolean handlersAtLeast500, boolean seriousIncidentInPastYear) {

    public ThresholdInputs {
        if (persons < 0) {
            throw new CommandRejected(new InvalidInput("persons",
                    "対象人数 (persons) is a count: 0 or more; got " + persons));
        }
    }
}
