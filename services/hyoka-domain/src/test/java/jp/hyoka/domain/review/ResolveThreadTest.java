package jp.hyoka.domain.review;

import jp.hyoka.domain.rejection.ThreadNotFound;
import jp.hyoka.domain.rejection.ThreadStatusConflict;
import jp.hyoka.domain.review.command.ResolveThread;
import org.junit.jupiter.api.Test;

import static jp.hyoka.domain.review.ThreadFixtures.*;

class ResolveThreadTest {

    private final ThreadSpec spec = new ThreadSpec();

    @Test
    void givenAnOpenThread_whenResolve_thenThreadResolved() {
        spec.given(started()).when(new ResolveThread(THREAD, KAWASAKI, EDITOR, T1)).then(resolved());
    }

    @Test
    void givenAResolvedThread_whenResolve_thenRejectedAsStatusConflict() {
        spec.given(started(), resolved()).when(new ResolveThread(THREAD, KAWASAKI, EDITOR, T1))
                .thenRejectedWith(new ThreadStatusConflict(THREAD.toString(), "RESOLVED"));
    }

    @Test
    void givenAnotherMunicipalitysThread_whenResolve_thenRejectedAsThreadNotFound() {
        spec.given(started()).when(new ResolveThread(THREAD, ASAHIKAWA, EDITOR, T1))
                .thenRejectedWith(new ThreadNotFound(THREAD.toString()));
    }
}
