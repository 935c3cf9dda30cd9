package jp.hyoka.server.integration;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.command.StartAssessment;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.server.assessment.AssessmentCommands;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.SignedInServerTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A one-event append sends the outbox row in the event insert's round trip (axon/BesideInsert): a clash on the
 * outbox's own key is a fault of the store, never reported as an edit conflict (which would tell an editor "stale
 * revision" or an import "already created" for an append that was rolled back), and nothing of it is stored.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxKeyClashIT extends SignedInServerTest {

    @Inject
    AssessmentCommands commands;
    @Inject
    CommandGateway gateway;
    @Inject
    DataSource dataSource;

    @Test
    void givenTheOutboxKeyTakenAlready_whenAnAssessmentIsStarted_thenTheStoreFailsAsAFaultAndStoresNothing()
            throws Exception {
        start(commands.nextAssessmentId());                          // an outbox row whose position is reused next
        execute("SELECT setval(pg_get_serial_sequence('integration_outbox', 'position'), "
                + "(SELECT max(position) FROM integration_outbox), false)");
        long events = count("domainevententry");
        long links = count("event_chain");
        AssessmentId clashing = commands.nextAssessmentId();

        Throwable failure = catchThrowable(() -> start(clashing));

        assertThat(failure).isNotNull();
        assertThat(causes(failure, ConcurrencyException.class)).as("not an edit conflict").isFalse();
        assertThat(causes(failure, AggregateStreamCreationException.class)).as("not 'created already'").isFalse();
        assertThat(causes(failure, EventStoreException.class)).isTrue();
        assertThat(count("domainevententry")).isEqualTo(events);
        assertThat(count("event_chain")).isEqualTo(links);
        execute("SELECT setval(pg_get_serial_sequence('integration_outbox', 'position'), "
                + "(SELECT max(position) FROM integration_outbox))");
        start(commands.nextAssessmentId());                          // the store goes on once the key is free
        assertThat(count("domainevententry")).isEqualTo(events + 1);
    }

    private void start(AssessmentId id) {
        gateway.sendAndWait(new StartAssessment(id, Callers.KAWASAKI, FormKind.KEY_ITEMS, "住民記録事務",
                new Actor("clash-editor", "衝突 確認"), Instant.now(), null));
    }

    private static boolean causes(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private long count(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
