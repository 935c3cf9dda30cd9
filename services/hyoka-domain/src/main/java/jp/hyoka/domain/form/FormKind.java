package jp.hyoka.domain.form;

/**
 * The three kinds of 特定個人情報保護評価書. Which one a 事務 needs is decided by the しきい値判断; a municipality
 * may always write a higher kind than required.
 */
public enum FormKind {
    /** 基礎項目評価書: every assessed 事務 has one. */
    BASIC_ITEMS("基礎項目評価書"),
    /** 重点項目評価書. */
    KEY_ITEMS("重点項目評価書"),
    /** 全項目評価書: the full assessment, with 住民等の意見聴取 and 第三者点検. */
    ALL_ITEMS("全項目評価書");

    private final String japaneseName;

    FormKind(String japaneseName) {
        this.japaneseName = japaneseName;
    }

    public String japaneseName() {
        return japaneseName;
    }
}
