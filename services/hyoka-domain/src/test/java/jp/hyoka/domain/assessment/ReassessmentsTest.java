package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static jp.hyoka.domain.assessment.AssessmentFixtures.KAWASAKI;
import static jp.hyoka.domain.assessment.AssessmentFixtures.T2;
import static jp.hyoka.domain.assessment.AssessmentFixtures.YAMADA;
import static org.assertj.core.api.Assertions.assertThat;

class ReassessmentsTest {

    private static final AssessmentId ID = new AssessmentId(java.util.UUID.randomUUID());
    private static final ItemId NAME = new ItemId("affair.name");

    @Test
    void givenTheFirstVersion_whenPublished_thenItIsTheAssessmentItself() {
        assertThat(Reassessments.isReassessment(published(1, List.of()))).isTrue();
    }

    @Test
    void givenOnlyChangesPublishedAfterwards_whenPublished_thenItIsACorrection() {
        assertThat(Reassessments.isReassessment(published(2, List.of(change(NAME, SubmissionTiming.AFTER))))).isFalse();
    }

    @Test
    void givenAChangePublishedBeforehand_whenPublished_thenItIsAReassessment() {
        assertThat(Reassessments.isReassessment(published(2, List.of(change(NAME, SubmissionTiming.BEFORE))))).isTrue();
    }

    @Test
    void givenANewPerformedOnDateEvenPublishedAfterwards_whenPublished_thenItIsAReassessment() {
        PublishedChange performed = new PublishedChange(Reassessments.PERFORMED_ON, List.of(), "VI 1 ① 実施日",
                new DateAnswer(LocalDate.of(2025, 4, 1)), new DateAnswer(LocalDate.of(2030, 1, 6)), "令和7年4月1日",
                "令和12年1月6日", SubmissionTiming.AFTER, "5年経過前の再実施");

        assertThat(Reassessments.isReassessment(published(2, List.of(performed)))).isTrue();
    }

    private static PublishedChange change(ItemId item, SubmissionTiming timing) {
        return new PublishedChange(item, List.of(), "I 1 事務の名称", new TextAnswer("旧"), new TextAnswer("新"), "旧",
                "新", timing, "名称の変更");
    }

    private static VersionPublished published(int version, List<PublishedChange> changes) {
        return new VersionPublished(ID, KAWASAKI, version, LocalDate.of(2030, 2, 1), changes, List.of(), null, YAMADA, T2);
    }
}
