package jp.hyoka.server.availability;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a start barrier's wait gives the start: the result, or the very failure of the work (SchemaBuild, migration). */
class StartBarrierJoinTest {

    @Test
    void givenWorkThatSucceeded_whenJoined_thenItsResultIsReturned() {
        assertThat(StartBarrier.join(CompletableFuture.completedFuture("schema"))).isEqualTo("schema");
    }

    @Test
    void givenWorkThatThrewARuntimeException_whenJoined_thenThatExceptionItselfIsThrown() {
        IllegalStateException thrown = new IllegalStateException("migration V9 failed");

        assertThatThrownBy(() -> StartBarrier.join(CompletableFuture.failedFuture(thrown))).isSameAs(thrown);
    }

    @Test
    void givenWorkThatThrewAnError_whenJoined_thenThatErrorItselfIsThrown() {
        OutOfMemoryError thrown = new OutOfMemoryError("schema build");

        assertThatThrownBy(() -> StartBarrier.join(CompletableFuture.failedFuture(thrown))).isSameAs(thrown);
    }

    @Test
    void givenWorkThatFailedWithACheckedException_whenJoined_thenItComesWrappedInACompletionException() {
        IOException thrown = new IOException("unreadable");

        assertThatThrownBy(() -> StartBarrier.join(CompletableFuture.failedFuture(thrown)))
                .isInstanceOf(CompletionException.class).hasCause(thrown);
    }
}
