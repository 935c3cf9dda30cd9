package jp.hyoka.server.bench;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jp.hyoka.server.axon.AppendedEvent;
import jp.hyoka.server.axon.BesideInsert;
import jp.hyoka.server.integration.IntegrationOutbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The integration benchmark's outbox writer: the product's {@link IntegrationOutbox}, which the benchmark can tell to
 * write nothing, so that the same command can be timed with and without its outbox row in one server context,
 * interleaved. Test sources only, and only in a context that sets {@value #PROPERTY} (the benchmark's own): a
 * production server has no way to turn the outbox off.
 */
@Singleton
@Replaces(IntegrationOutbox.class)
@Requires(property = SwitchableOutbox.PROPERTY, value = "true")
public class SwitchableOutbox extends IntegrationOutbox {

    static final String PROPERTY = "hyoka.bench.switchable-outbox";

    private volatile boolean writing = true;

    void writing(boolean writing) {
        this.writing = writing;
    }

    @Override
    public void appended(Connection connection, List<AppendedEvent> events) throws SQLException {
        if (writing) {
            super.appended(connection, events);
        }
    }

    /** An append's rows, sent in the events' insert round trip ({@link BesideInsert}), or nothing. */
    @Override
    public BesideInsert besideInsert(List<AppendedEvent> events) {
        return writing ? super.besideInsert(events) : BesideInsert.NOTHING;
    }
}
