package jp.hyoka.domain.exporting;

import jp.hyoka.domain.form.FormDefinition;

/** The title line every 評価書 starts with, e.g. "特定個人情報保護評価書(重点項目評価書)". */
final class DocumentTitle {

    private DocumentTitle() {
    }

    /**
     * Derived from the form kind, not from {@link FormDefinition#title()}: the form files hold only the kind's name
     * there ("重点項目評価書"), and test forms add a version to it, while the printed title is fixed per kind.
     */
    static String of(FormDefinition form) {
        return "特定個人情報保護評価書(" + form.ref().kind().japaneseName() + ")";
    }
}
