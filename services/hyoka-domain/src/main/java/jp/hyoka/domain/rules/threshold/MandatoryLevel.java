package jp.hyoka.domain.rules.threshold;

import jp.hyoka.domain.form.FormKind;

import java.util.Optional;

/**
 * What a しきい値判断 makes mandatory, lowest first (DOMAIN.md §3.2), with the obligation as the official
 * しきい値判断結果 words it (§3.3). A municipality may always do more than is mandatory.
 */
public enum MandatoryLevel {
    /** 特定個人情報保護評価 is not mandatory (it may be done voluntarily). */
    NONE("特定個人情報保護評価の実施が義務付けられない"),
    BASIC("基礎項目評価の実施が義務付けられる"),
    BASIC_AND_KEY_ITEMS("基礎項目評価及び重点項目評価の実施が義務付けられる"),
    BASIC_AND_ALL_ITEMS("基礎項目評価及び全項目評価の実施が義務付けられる");

    private final String obligation;

    MandatoryLevel(String obligation) {
        this.obligation = obligation;
    }

    public String obligation() {
        return obligation;
    }

    /**
     * The level a 事務 reaches when its highest document is of {@code kind}: a 重点項目評価書 or 全項目評価書 always
     * comes with a 基礎項目評価書 (DOMAIN.md §1.1).
     */
    public static MandatoryLevel reachedBy(FormKind kind) {
        return switch (kind) {
            case BASIC_ITEMS -> BASIC;
            case KEY_ITEMS -> BASIC_AND_KEY_ITEMS;
            case ALL_ITEMS -> BASIC_AND_ALL_ITEMS;
        };
    }

    /** The highest kind of document this level requires; NONE requires none. */
    public Optional<FormKind> requiredKind() {
        return switch (this) {
            case NONE -> Optional.empty();
            case BASIC -> Optional.of(FormKind.BASIC_ITEMS);
            case BASIC_AND_KEY_ITEMS -> Optional.of(FormKind.KEY_ITEMS);
            case BASIC_AND_ALL_ITEMS -> Optional.of(FormKind.ALL_ITEMS);
        };
    }
}
