package jp.hyoka.domain.assessment;

import jp.hyoka.domain.form.JapaneseDates;

import java.time.LocalDate;

/**
 * The 評価書名 as printed and published: once the 事務 ended it carries 【令和N年M月D日 終了】 (the 記載要領's mark,
 * DOMAIN.md §3.4), while the answer itself stays as the municipality wrote it.
 */
public final class AffairNames {

    private AffairNames() {
    }

    public static String printed(String name, LocalDate affairEndedOn) {
        return affairEndedOn == null ? name : name + "【" + JapaneseDates.format(affairEndedOn) + " 終了】";
    }
}
