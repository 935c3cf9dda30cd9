package jp.hyoka.domain.rules.threshold;

import jp.hyoka.domain.form.FormKind;

import java.util.Optional;

/**
 * Whether a 事務 whose highest document is of {@code kind} does what a しきい値判断 made mandatory: a 重点項目評価書
 * where 全項目評価 is mandatory is not enough, and says so in a warning; more than mandatory is allowed (任意).
 */
public record KindComparison(FormKind kind, MandatoryLevel mandatory, Sufficiency sufficiency) {

    public enum Sufficiency {
        /** The kind is the one the mandatory level requires. */
        AS_MANDATORY,
        /** More than is mandatory, done voluntarily (任意に…を実施). */
        ABOVE_MANDATORY,
        /** Less than is mandatory: a document of a higher kind is needed. */
        BELOW_MANDATORY
    }

    public static KindComparison of(MandatoryLevel mandatory, FormKind kind) {
        int order = MandatoryLevel.reachedBy(kind).compareTo(mandatory);
        Sufficiency sufficiency = order == 0 ? Sufficiency.AS_MANDATORY
                : order > 0 ? Sufficiency.ABOVE_MANDATORY : Sufficiency.BELOW_MANDATORY;
        return new KindComparison(kind, mandatory, sufficiency);
    }

    public boolean sufficient() {
        return sufficiency != Sufficiency.BELOW_MANDATORY;
    }

    /**
     * For a kind below the mandatory level, in Japanese, e.g. 「基礎項目評価及び全項目評価の実施が義務付けられるため、
     * 重点項目評価書では足りない(全項目評価書が必要)」; empty otherwise.
     */
    public Optional<String> warning() {
        if (sufficient()) {
            return Optional.empty();
        }
        FormKind required = mandatory.requiredKind().orElseThrow();
        return Optional.of(mandatory.obligation() + "ため、" + kind.japaneseName() + "では足りない("
                + required.japaneseName() + "が必要)");
    }
}
