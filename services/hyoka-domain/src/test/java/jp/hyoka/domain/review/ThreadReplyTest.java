package jp.hyoka.domain.review;

import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.ThreadNotFound;
import jp.hyoka.domain.review.command.Reply;
import jp.hyoka.domain.review.event.ReplyPosted;
import org.junit.jupiter.api.Test;

import static jp.hyoka.domain.review.ThreadFixtures.*;

class ThreadReplyTest {

    private final ThreadSpec spec = new ThreadSpec();

    @Test
    void givenAThread_whenReply_thenReplyPosted() {
        spec.given(started()).when(new Reply(THREAD, KAWASAKI, "<p>第3条です</p>", EDITOR, T1))
                .then(new ReplyPosted(THREAD, ASSESSMENT, KAWASAKI, "<p>第3条です</p>", EDITOR, T1));
    }

    @Test
    void givenAResolvedThread_whenReply_thenReplyPostedAndTheThreadStaysResolved() {
        spec.given(started(), resolved()).when(new Reply(THREAD, KAWASAKI, "了解", EDITOR, T1))
                .then(new ReplyPosted(THREAD, ASSESSMENT, KAWASAKI, "了解", EDITOR, T1));
    }

    @Test
    void givenNoThread_whenReply_thenRejectedAsThreadNotFound() {
        spec.given().when(new Reply(THREAD, KAWASAKI, "?", EDITOR, T1))
                .thenRejectedWith(new ThreadNotFound(THREAD.toString()));
    }

    @Test
    void givenAnotherMunicipalitysThread_whenReply_thenRejectedAsThreadNotFound() {
        spec.given(started()).when(new Reply(THREAD, ASAHIKAWA, "?", EDITOR, T1))
                .thenRejectedWith(new ThreadNotFound(THREAD.toString()));
    }

    @Test
    void givenAThread_whenReplyIsEmpty_thenRejectedAsInvalidInput() {
        spec.given(started()).when(new Reply(THREAD, KAWASAKI, "  ", EDITOR, T1))
                .thenRejectedWith(InvalidInput.class);
    }
}
