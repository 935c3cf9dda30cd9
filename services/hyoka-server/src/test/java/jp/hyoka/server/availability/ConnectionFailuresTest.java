package jp.hyoka.server.availability;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionFailuresTest {

    @Test
    void givenAnIoErrorDeepInTheCauses_whenAsked_thenAConnectionFailure() {
        SQLException io = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        RuntimeException wrapped = new IllegalStateException("tenant-scoped read failed",
                new RuntimeException("event store", io));

        assertThat(ConnectionFailures.causedBy(wrapped)).isTrue();
    }

    @Test
    void givenAnAdministratorShutdown_whenAsked_thenAConnectionFailure() {
        assertThat(ConnectionFailures.causedBy(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(ConnectionFailures.causedBy(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
    }

    @Test
    void givenThePoolTimingOut_whenAsked_thenAConnectionFailure() {
        assertThat(ConnectionFailures.causedBy(new SQLTransientConnectionException(
                "hyoka - Connection is not available, request timed out after 30000ms."))).isTrue();
    }

    @Test
    void givenThePoolTimingOutDeepInTheCauses_whenAskedWhetherThePoolGaveUp_thenYes() {
        assertThat(ConnectionFailures.poolGaveUp(new IllegalStateException("version read failed",
                new SQLTransientConnectionException("hyoka - Connection is not available")))).isTrue();
    }

    @Test
    void givenOneBrokenConnection_whenAskedWhetherThePoolGaveUp_thenNo_theNextConnectionMayWork() {
        assertThat(ConnectionFailures.poolGaveUp(new SQLException("An I/O error occurred", "08006"))).isFalse();
        assertThat(ConnectionFailures.poolGaveUp(new SQLException("terminating connection", "57P01"))).isFalse();
        assertThat(ConnectionFailures.poolGaveUp(new SQLException("Connection is closed"))).isFalse();
    }

    @Test
    void givenAConnectionThePoolClosedAfterItBroke_whenAsked_thenAConnectionFailure() {
        assertThat(ConnectionFailures.causedBy(new IllegalStateException("could not read the event chain",
                new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void givenAnEditThatMetAnOutage_whenAsked_thenAConnectionFailure() {
        assertThat(ConnectionFailures.causedBy(new DatabaseUnavailable(true, null))).isTrue();
    }

    @Test
    void givenAConstraintViolationOrAProgrammingError_whenAsked_thenNoConnectionFailure() {
        assertThat(ConnectionFailures.causedBy(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(ConnectionFailures.causedBy(new SQLException("no state"))).isFalse();
        assertThat(ConnectionFailures.causedBy(new NullPointerException())).isFalse();
        assertThat(ConnectionFailures.causedBy(null)).isFalse();
    }

    @Test
    void givenACycleOfCauses_whenAsked_thenItEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(ConnectionFailures.causedBy(first)).isFalse();
    }
}
