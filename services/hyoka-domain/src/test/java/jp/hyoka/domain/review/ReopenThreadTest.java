package jp.hyoka.domain.review;

import jp.hyoka.domain.rejection.ThreadNotFound;
import jp.hyoka.domain.rejection.ThreadStatusConflict;
import jp.hyoka.domain.review.command.ReopenThread;
import jp.hyoka.domain.review.event.ThreadReopened;
import org.junit.jupiter.api.Test;

import static jp.hyoka.domain.review.ThreadFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class ReopenThreadTest {

    private final ThreadSpec spec = new ThreadSpec();

    @Test
    void givenAResolvedThread_whenReopen_thenThreadReopened() {
        spec.given(started(), resolved()).when(new ReopenThread(THREAD, KAWASAKI, AUDITOR, T1))
                .then(new ThreadReopened(THREAD, ASSESSMENT, KAWASAKI, AUDITOR, T1));
    }

    @Test
    void givenAnOpenThread_whenReopen_thenRejectedAsStatusConflict() {
        spec.given(started()).when(new ReopenThread(THREAD, KAWASAKI, AUDITOR, T1))
                .thenRejectedWith(new ThreadStatusConflict(THREAD.toString(), "OPEN"));
    }

    @Test
    void givenNoThread_whenReopen_thenRejectedAsThreadNotFound() {
        spec.given().when(new ReopenThread(THREAD, KAWASAKI, AUDITOR, T1))
                .thenRejectedWith(new ThreadNotFound(THREAD.toString()));
    }

    @Test
    void givenAThreadResolvedAndReopened_whenFolded_thenOpenWithItsComments() {
        ReviewThread thread = ThreadSpec.fold(java.util.List.of(started(), resolved(),
                new ThreadReopened(THREAD, ASSESSMENT, KAWASAKI, AUDITOR, T1)));
        assertThat(thread.resolved()).isFalse();
        assertThat(thread.comments()).isEqualTo(1);
    }
}
