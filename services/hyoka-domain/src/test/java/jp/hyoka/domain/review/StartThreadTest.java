package jp.hyoka.domain.review;

import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.rejection.AssessmentNotFound;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.TextTooLong;
import jp.hyoka.domain.rejection.UnknownItem;
import jp.hyoka.domain.rejection.UnknownRepeatEntry;
import jp.hyoka.domain.review.event.ThreadStarted;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.hyoka.domain.review.ThreadFixtures.*;

class StartThreadTest {

    private final ThreadSpec spec = new ThreadSpec();

    @Test
    void givenNoThread_whenStartThreadOnAnItem_thenThreadStarted() {
        spec.given().when(start(ThreadAnchor.onItem(DESCRIPTION), "<p>根拠は?</p>"))
                .then(new ThreadStarted(THREAD, ASSESSMENT, KAWASAKI, ThreadAnchor.onItem(DESCRIPTION),
                        "<p>根拠は?</p>", AUDITOR, T0));
    }

    @Test
    void givenNoThread_whenStartThreadOnTheWholeDocument_thenThreadStarted() {
        spec.given().when(start(ThreadAnchor.wholeDocument(), "全体に用語を統一してください"))
                .then(new ThreadStarted(THREAD, ASSESSMENT, KAWASAKI, ThreadAnchor.wholeDocument(),
                        "全体に用語を統一してください", AUDITOR, T0));
    }

    @Test
    void givenNoThread_whenStartThreadOnAnEntryOfTheItemsGroup_thenThreadStarted() {
        ThreadAnchor anchor = new ThreadAnchor(SYSTEM_NAME, "s1");
        spec.given().when(start(anchor, "名称が古い"))
                .then(new ThreadStarted(THREAD, ASSESSMENT, KAWASAKI, anchor, "名称が古い", AUDITOR, T0));
    }

    @Test
    void givenNoThread_whenCommentHasAScript_thenThreadStartedWithTheScriptDropped() {
        spec.given().when(start(ThreadAnchor.onItem(DESCRIPTION), "<p>確認</p><script>alert(1)</script>"))
                .then(new ThreadStarted(THREAD, ASSESSMENT, KAWASAKI, ThreadAnchor.onItem(DESCRIPTION), "<p>確認</p>",
                        AUDITOR, T0));
    }

    @Test
    void givenNoThread_whenItemIsNotInTheForm_thenRejectedAsUnknownItem() {
        spec.given().when(start(ThreadAnchor.onItem(new ItemId("no.such-item")), "?"))
                .thenRejectedWith(new UnknownItem("no.such-item", "KEY_ITEMS@2024"));
    }

    @Test
    void givenNoThread_whenEntryIsOfAnotherGroup_thenRejectedAsUnknownRepeatEntry() {
        spec.given().when(start(new ThreadAnchor(SYSTEM_NAME, "f1"), "?"))
                .thenRejectedWith(new UnknownRepeatEntry(SYSTEM, List.of("f1")));
    }

    @Test
    void givenNoThread_whenEntryDoesNotExist_thenRejectedAsUnknownRepeatEntry() {
        spec.given().when(start(new ThreadAnchor(SYSTEM_NAME, "s9"), "?"))
                .thenRejectedWith(new UnknownRepeatEntry(SYSTEM, List.of("s9")));
    }

    @Test
    void givenNoAssessmentInTheMunicipality_whenStartThread_thenRejectedAsAssessmentNotFound() {
        spec.givenNoAssessment().when(start(ThreadAnchor.wholeDocument(), "?"))
                .thenRejectedWith(new AssessmentNotFound(ASSESSMENT.toString()));
    }

    @Test
    void givenNoThread_whenCommentIsOnlyMarkup_thenRejectedAsInvalidInput() {
        spec.given().when(start(ThreadAnchor.wholeDocument(), "<p> </p><script>x</script>"))
                .thenRejectedWith(InvalidInput.class);
    }

    @Test
    void givenNoThread_whenCommentIsOverTheLimit_thenRejectedAsTextTooLong() {
        int length = ReviewThreadDecider.MAX_COMMENT_LENGTH + 1;
        spec.given().when(start(ThreadAnchor.wholeDocument(), "あ".repeat(length)))
                .thenRejectedWith(new TextTooLong("text", ReviewThreadDecider.MAX_COMMENT_LENGTH, length));
    }

    @Test
    void givenAThread_whenStartThreadWithItsId_thenRejectedAsInvalidInput() {
        spec.given(started()).when(start(ThreadAnchor.wholeDocument(), "もう一度"))
                .thenRejectedWith(InvalidInput.class);
    }
}
