package jp.hyoka.server.components;

import jakarta.inject.Singleton;
import jp.hyoka.domain.components.ComponentVersionStatus;
import jp.hyoka.domain.components.VersionContent;
import jp.hyoka.domain.components.event.ComponentFitsChanged;
import jp.hyoka.domain.components.event.ComponentVersionDrafted;
import jp.hyoka.domain.components.event.ComponentVersionPublished;
import jp.hyoka.domain.components.event.ComponentVersionSubmitted;
import jp.hyoka.domain.components.event.ComponentVersionWithdrawn;
import jp.hyoka.domain.components.event.SharedComponentEvent;
import jp.hyoka.domain.components.event.SharedComponentRegistered;
import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.axon.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * Keeps the catalogue of shared components: rm_shared_component (one row per component, with the number of its
 * events projected) and rm_shared_component_version (one row per drafted, reviewed or published version; a withdrawn
 * draft's row goes, as its number is free again). Platform rows: no tenant. Written at once (no batch part): no other
 * projection writes these tables, so their order against the batched rows does not matter. Replays are harmless: every
 * write is an upsert or guarded by the revision.
 */
@Singleton
@ProcessingGroup(ReadModelProjection.PROCESSING_GROUP)
public class SharedComponentProjection implements ReadModelProjection {

    private final AxonConnections connections;

    public SharedComponentProjection(AxonConnections connections) {
        this.connections = connections;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public ReadModelProjection writingThrough(AxonConnections other) {
        return new SharedComponentProjection(other);
    }

    @EventHandler
    void on(SharedComponentRegistered event, @SequenceNumber long sequence) throws SQLException {
        try (Connection connection = connections.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO rm_shared_component (component_id, family, name, issuer, fits, revision,
                         registered_at, updated_at)
                     VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            insert.setString(1, event.componentId().value());
            insert.setString(2, event.family());
            insert.setString(3, event.name());
            insert.setString(4, event.issuer());
            insert.setString(5, ComponentRows.json(event.fits()));
            insert.setLong(6, sequence + 1);
            insert.setTimestamp(7, Timestamp.from(event.at()));
            insert.setTimestamp(8, Timestamp.from(event.at()));
            insert.executeUpdate();
        }
    }

    @EventHandler
    void on(ComponentFitsChanged event, @SequenceNumber long sequence) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE rm_shared_component SET fits = ?::jsonb WHERE component_id = ? AND revision <= ?")) {
                update.setString(1, ComponentRows.json(event.fits()));
                update.setString(2, event.componentId().value());
                update.setLong(3, sequence);
                update.executeUpdate();
            }
            advance(connection, event, sequence);
        }
    }

    @EventHandler
    void on(ComponentVersionDrafted event, @SequenceNumber long sequence) throws SQLException {
        VersionContent content = event.content();
        try (Connection connection = connections.getConnection()) {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO rm_shared_component_version (component_id, version, status, text, effective_from, note,
                        timing, explanation, slots, numbering, brackets, drafted_by_id, drafted_by_name, drafted_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                    ON CONFLICT (component_id, version) DO UPDATE SET status = excluded.status, text = excluded.text,
                        effective_from = excluded.effective_from, note = excluded.note, timing = excluded.timing,
                        explanation = excluded.explanation, slots = excluded.slots, numbering = excluded.numbering,
                        brackets = excluded.brackets, drafted_by_id = excluded.drafted_by_id,
                        drafted_by_name = excluded.drafted_by_name, drafted_at = excluded.drafted_at,
                        published_at = NULL""")) {
                upsert.setString(1, event.componentId().value());
                upsert.setInt(2, event.version());
                upsert.setString(3, ComponentVersionStatus.DRAFT.name());
                upsert.setString(4, content.text());
                upsert.setDate(5, Date.valueOf(content.effectiveFrom()));
                upsert.setString(6, content.note());
                upsert.setString(7, content.timing().name());
                upsert.setString(8, content.explanation());
                upsert.setString(9, ComponentRows.json(content.slots()));
                upsert.setString(10, content.rendering().numbering().name());
                upsert.setString(11, content.rendering().brackets().name());
                upsert.setString(12, event.by().userId());
                upsert.setString(13, event.by().displayName());
                upsert.setTimestamp(14, Timestamp.from(event.at()));
                upsert.executeUpdate();
            }
            advance(connection, event, sequence);
        }
    }

    @EventHandler
    void on(ComponentVersionSubmitted event, @SequenceNumber long sequence) throws SQLException {
        status(event, event.version(), ComponentVersionStatus.IN_REVIEW, null, sequence);
    }

    @EventHandler
    void on(ComponentVersionPublished event, @SequenceNumber long sequence) throws SQLException {
        status(event, event.version(), ComponentVersionStatus.PUBLISHED, Timestamp.from(event.at()), sequence);
    }

    @EventHandler
    void on(ComponentVersionWithdrawn event, @SequenceNumber long sequence) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM rm_shared_component_version WHERE component_id = ? AND version = ?")) {
                delete.setString(1, event.componentId().value());
                delete.setInt(2, event.version());
                delete.executeUpdate();
            }
            advance(connection, event, sequence);
        }
    }

    private void status(SharedComponentEvent event, int version, ComponentVersionStatus status, Timestamp publishedAt,
                        long sequence) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE rm_shared_component_version SET status = ?, published_at = COALESCE(?, published_at)
                    WHERE component_id = ? AND version = ?""")) {
                update.setString(1, status.name());
                update.setTimestamp(2, publishedAt);
                update.setString(3, event.componentId().value());
                update.setInt(4, version);
                update.executeUpdate();
            }
            advance(connection, event, sequence);
        }
    }

    /** The component has seen this event: its revision (what read-your-writes waits for) and when it changed. */
    private static void advance(Connection connection, SharedComponentEvent event, long sequence) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE rm_shared_component SET revision = ?, updated_at = ?
                WHERE component_id = ? AND revision < ?""")) {
            update.setLong(1, sequence + 1);
            update.setTimestamp(2, Timestamp.from(event.at()));
            update.setString(3, event.componentId().value());
            update.setLong(4, sequence + 1);
            update.executeUpdate();
        }
    }
}
