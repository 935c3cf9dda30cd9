package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.Completeness.Gap;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.Selection;
import jp.hyoka.domain.form.TextAnswer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static jp.hyoka.domain.assessment.RepeatFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Completeness: unanswered items per block and repeat entry, in print order, and groups with fewer entries than the
 * form needs.
 */
class CompletenessTest {

    private static final TextAnswer TEXT = new TextAnswer("回答");
    private static final List<String> F1 = List.of("f1");
    private static final AssessmentEvent[] ONE_FILE = {started(), added(FILE, TOP, "f1", 0, T1)};

    private static List<Gap> gaps(AssessmentEvent... history) {
        Assessment state = DeciderSpec.fold(history);
        FormDefinition form = RepeatFixtures.FORMS.find(state.form()).orElseThrow();
        return Completeness.gaps(form, state.answers().keySet(), key -> state.entries(key.groupId(), key.parentEntries()));
    }

    private static Gap unanswered(String section, String block, List<String> entries, ItemId... items) {
        return new Gap(section, block, entries, List.of(items), null, 0, 0);
    }

    private static Gap tooFew(String section, String block, List<String> parents, String group, int count, int min) {
        return new Gap(section, block, parents, List.of(), group, count, min);
    }

    @Test
    void givenFreshAssessment_whenGaps_thenUnansweredAffairItemsAndNoSystemNorFileYet() {
        assertThat(gaps(started())).containsExactlyInAnyOrder(
                unanswered("basic", "affair", TOP, LEGACY_CODE),          // affair.name is answered by the start
                tooFew("basic", "system", TOP, SYSTEM, 0, 1),
                tooFew("file-overview", null, TOP, FILE, 0, 1));
    }

    @Test
    void givenSystemS1WithNothingAnswered_whenGaps_thenItsItemsAreListedUnderS1() {
        assertThat(gaps(oneSystem())).contains(unanswered("basic", "system", List.of("s1"), SYSTEM_NAME, CONNECTIONS))
                .noneMatch(gap -> SYSTEM.equals(gap.groupId()));
    }

    @Test
    void givenSystemS1FullyAnswered_whenGaps_thenNoSystemGapRemains() {
        List<Gap> gaps = gaps(with(oneSystem(), answeredIn(SYSTEM_NAME, List.of("s1"), null, TEXT, T1),
                answeredIn(CONNECTIONS, List.of("s1"), null,
                        new MultiChoiceAnswer(List.of(new Selection("network-system", null, null))), T1)));

        assertThat(gaps).noneMatch(gap -> "system".equals(gap.blockId())).hasSize(2);
    }

    @Test
    void givenFileF1WithNothingAnswered_whenGaps_thenEachOfItsBlocksListsItsItemsUnderF1() {
        assertThat(gaps(ONE_FILE)).containsExactlyInAnyOrder(
                unanswered("basic", "affair", TOP, LEGACY_CODE),
                tooFew("basic", "system", TOP, SYSTEM, 0, 1),
                unanswered("file-overview", "basics", F1, FILE_NAME, MAIN_RECORD_ITEMS, HELD_SINCE),
                unanswered("file-overview", "consigning", F1, CONSIGNING)); // 委託事項 may be none: no gap
    }

    @Test
    void givenFileF1PartlyAnswered_whenGaps_thenOnlyTheRestIsListed() {
        assertThat(gaps(with(ONE_FILE, answeredIn(FILE_NAME, F1, null, TEXT, T1),
                answeredIn(CONSIGNING, F1, null, new ChoiceAnswer("not-consigning"), T1))))
                .contains(unanswered("file-overview", "basics", F1, MAIN_RECORD_ITEMS, HELD_SINCE))
                .noneMatch(gap -> "consigning".equals(gap.blockId()));
    }

    @Test
    void givenTwoConsignmentsOfF1OneAnswered_whenGaps_thenTheOtherIsListedWithFileAndConsignment() {
        List<Gap> gaps = gaps(with(ONE_FILE, added(CONSIGNMENT, F1, "c1", 0, T1), added(CONSIGNMENT, F1, "c2", 1, T1),
                answeredIn(CONSIGNMENT_CONTENT, List.of("f1", "c1"), null, TEXT, T1)));

        assertThat(gaps).filteredOn(gap -> "consignment".equals(gap.blockId()))
                .containsExactly(unanswered("file-overview", "consignment", List.of("f1", "c2"), CONSIGNMENT_CONTENT));
    }

    @Test
    void givenConsignmentsInTwoFiles_whenGaps_thenListedPerFileInPrintOrder() {
        List<Gap> gaps = gaps(with(ONE_FILE, added(FILE, TOP, "f2", 0, T1), added(CONSIGNMENT, F1, "c1", 0, T1),
                added(CONSIGNMENT, List.of("f2"), "c2", 0, T1)));

        assertThat(gaps).filteredOn(gap -> "consignment".equals(gap.blockId())).extracting(Gap::entries)
                .containsExactly(List.of("f2", "c2"), List.of("f1", "c1"));
    }

    @Test
    void givenTwoFiles_whenGaps_thenAllBlocksOfTheFirstFileComeBeforeThoseOfTheSecond() {
        List<Gap> gaps = gaps(with(ONE_FILE, added(FILE, TOP, "f2", 1, T1)));

        assertThat(gaps).filteredOn(gap -> gap.groupId() == null && gap.sectionId().equals("file-overview"))
                .extracting(Gap::blockId, Gap::entries).containsExactly(tuple("basics", F1), tuple("consigning", F1),
                        tuple("basics", List.of("f2")), tuple("consigning", List.of("f2")));
    }

    @Test
    void givenSystemsMoved_whenGaps_thenSystemEntriesFollowTheNewOrder() {
        List<Gap> gaps = gaps(with(oneSystem(), added(SYSTEM, TOP, "s2", 1, T1), moved(SYSTEM, TOP, "s2", 1, 0, T1)));

        assertThat(gaps).filteredOn(gap -> "system".equals(gap.blockId())).extracting(Gap::entries)
                .containsExactly(List.of("s2"), List.of("s1"));
    }

    @Test
    void givenTheOnlySystemRemoved_whenGaps_thenTheSystemGroupIsShortAgain() {
        assertThat(gaps(with(oneSystem(), removed(SYSTEM, TOP, "s1", 0, T1))))
                .contains(tooFew("basic", "system", TOP, SYSTEM, 0, 1))
                .noneMatch(gap -> gap.entries().contains("s1"));
    }
}
