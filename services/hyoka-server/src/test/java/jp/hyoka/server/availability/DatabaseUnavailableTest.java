package jp.hyoka.server.availability;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

    private static Throwable thrownIn(String className, String method) {
        SQLException failure = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        failure.setStackTrace(new StackTraceElement[]{
                new StackTraceElement("org.postgresql.core.v3.QueryExecutorImpl", "execute", null, 1),
                new StackTraceElement(className, method, null, 1)});
        RuntimeException wrapper = new RuntimeException("event store", failure);
        wrapper.setStackTrace(new StackTraceElement[0]);
        return wrapper;
    }

    @Test
    void givenAFailureWhileLoadingTheAggregate_whenSending_thenNothingWasStored() {
        Throwable failure = thrownIn("org.axonframework.modelling.command.AbstractRepository", "load");

        assertThat(DatabaseUnavailable.whileSending(failure).mayHaveBeenStored()).isFalse();
    }

    @Test
    void givenAFailureWhileAppending_whenSending_thenItMayHaveBeenStored() {
        Throwable failure = thrownIn("org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine",
                "appendEvents");

        assertThat(DatabaseUnavailable.whileSending(failure).mayHaveBeenStored()).isTrue();
    }
}
