package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.event.ComponentVersionAdopted;
import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static jp.hyoka.domain.assessment.ComponentUseFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** One item, two adoptions (two components in 保管場所): its one 変更箇所 row suggests what both need (issue 16). */
class ComponentAdoptionDefaultsTest {

    private static final ComponentId CLOUD_MEASURES = new ComponentId("government-cloud.storage-location");

    private static ComponentVersionAdopted adopted(String useId, ComponentId component, SubmissionTiming timing,
                                                   String explanation) {
        return new ComponentVersionAdopted(ID, ASAHIKAWA, useId, STORAGE, List.of(), component, 1, 2, Map.of(), null,
                "<p>text</p>", timing, explanation, null, EDITOR, T1);
    }

    @Test
    void givenAPriorAndALaterAdoptionInOneItem_whenFolded_thenTheRowIsPriorWithBothExplanations() {
        ComponentUses uses = ComponentUses.NONE
                .evolve(adopted("u1", PLATFORM, SubmissionTiming.BEFORE, "中間サーバー・プラットフォームの更改に伴う変更"))
                .evolve(adopted("u2", CLOUD_MEASURES, SubmissionTiming.AFTER, "ガバメントクラウドへの移行に伴う変更"));

        assertThat(uses.adoptionDefault(new AnswerKey(STORAGE, List.of()))).contains(new ComponentUses.AdoptionDefault(
                SubmissionTiming.BEFORE, "中間サーバー・プラットフォームの更改に伴う変更、ガバメントクラウドへの移行に伴う変更"));
    }

    @Test
    void givenTheSameExplanationTwice_whenFolded_thenItIsSaidOnce() {
        ComponentUses uses = ComponentUses.NONE
                .evolve(adopted("u1", PLATFORM, SubmissionTiming.AFTER, "共通記載の反映"))
                .evolve(adopted("u2", CLOUD_MEASURES, SubmissionTiming.AFTER, "共通記載の反映"));

        assertThat(uses.adoptionDefault(new AnswerKey(STORAGE, List.of())))
                .contains(new ComponentUses.AdoptionDefault(SubmissionTiming.AFTER, "共通記載の反映"));
    }
}
