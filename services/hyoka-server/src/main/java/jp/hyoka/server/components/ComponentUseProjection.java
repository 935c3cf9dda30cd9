package jp.hyoka.server.components;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.ComponentInserted;
import jp.hyoka.domain.assessment.event.ComponentProposalDeclined;
import jp.hyoka.domain.assessment.event.ComponentProposalDeferred;
import jp.hyoka.domain.assessment.event.ComponentTextAdapted;
import jp.hyoka.domain.assessment.event.ComponentUseModeChanged;
import jp.hyoka.domain.assessment.event.ComponentVersionAdopted;
import jp.hyoka.domain.assessment.event.PersonalDataRedacted;
import jp.hyoka.domain.assessment.event.RepeatEntryRemoved;
import jp.hyoka.domain.assessment.Redaction;
import jp.hyoka.domain.components.RenderingOptions;
import jp.hyoka.domain.components.event.ComponentVersionPublished;
import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.axon.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The uses of shared components in documents (rm_component_use) and the proposals they receive
 * (rm_component_proposal), derived from the documents' component events and the catalogue's publications by the one
 * read-model processor, in event order.
 *
 * <p>The fan-out: a published version raises, in one set-based statement, a PENDING proposal for every followed
 * (locked or adapted) use of an older version, across all municipalities, and supersedes their open proposals of
 * older versions. Why here and not in a process of its own: the processor handles every event in order, so when the
 * publication comes every use inserted before it is already projected (no gap), and the proposals commit in the
 * same transaction as the processor's token, so a stop or crash half way leaves none of them and the retry raises
 * each exactly once (the key (assessment, use, version) makes a replay harmless too). A rebuild derives the same.
 * A use inserted (or a version adopted) while a newer version is already published gets its proposal at once.
 *
 * <p>Written at once (no batch part): no other projection writes these tables.
 */
@Singleton
@ProcessingGroup(ReadModelProjection.PROCESSING_GROUP)
public class ComponentUseProjection implements ReadModelProjection {

    static final String PENDING = "PENDING";
    static final String DEFERRED = "DEFERRED";
    static final String ADOPTED = "ADOPTED";
    static final String DECLINED = "DECLINED";
    static final String SUPERSEDED = "SUPERSEDED";
    /** The statuses of a proposal still to be decided. */
    static final Set<String> OPEN = Set.of(PENDING, DEFERRED);

    private final AxonConnections connections;

    public ComponentUseProjection(AxonConnections connections) {
        this.connections = connections;
    }

    @Override
    public int order() {
        return 30;                                          // after the catalogue (20): a publication is known first
    }

    @Override
    public ReadModelProjection writingThrough(AxonConnections other) {
        return new ComponentUseProjection(other);
    }

    @EventHandler
    void on(ComponentInserted event) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO rm_component_use (tenant_code, assessment_id, use_id, item_id, entry_ids, component_id,
                        version, mode, slot_values, numbering, brackets, text, similarity, inserted_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                RenderingOptions rendering = event.rendering() == null ? RenderingOptions.DEFAULT : event.rendering();
                insert.setString(1, event.tenant().value());
                insert.setObject(2, event.assessmentId().value());
                insert.setString(3, event.useId());
                insert.setString(4, event.itemId().value());
                insert.setArray(5, connection.createArrayOf("text", event.entries().toArray()));
                insert.setString(6, event.componentId().value());
                insert.setInt(7, event.version());
                insert.setString(8, event.mode().name());
                insert.setString(9, ComponentRows.json(event.slotValues()));
                insert.setString(10, rendering.numbering().name());
                insert.setString(11, rendering.brackets().name());
                insert.setString(12, event.text());
                if (event.similarity() == null) {
                    insert.setNull(13, Types.DOUBLE);
                } else {
                    insert.setDouble(13, event.similarity());
                }
                insert.setTimestamp(14, Timestamp.from(event.at()));
                insert.setTimestamp(15, Timestamp.from(event.at()));
                insert.executeUpdate();
            }
            if (event.mode().followed()) {
                raiseIfBehind(connection, event, event.useId(), event.componentId().value(), event.version());
            }
        }
    }

    @EventHandler
    void on(ComponentTextAdapted event) throws SQLException {
        updateUse(event, event.useId(), "mode = 'ADAPTED', text = ?", event.text());
    }

    @EventHandler
    void on(ComponentUseModeChanged event) throws SQLException {
        RenderingOptions rendering = event.rendering() == null ? RenderingOptions.DEFAULT : event.rendering();
        updateUse(event, event.useId(), "mode = ?, slot_values = ?::jsonb, numbering = ?, brackets = ?, text = ?",
                event.mode().name(), ComponentRows.json(event.slotValues()), rendering.numbering().name(),
                rendering.brackets().name(), event.text());
        if (!event.mode().followed()) {
            try (Connection connection = connections.getConnection()) {
                supersedeOpen(connection, event, event.useId(), Integer.MAX_VALUE);
            }
        }
    }

    @EventHandler
    void on(ComponentVersionAdopted event) throws SQLException {
        updateUse(event, event.useId(), "version = ?, slot_values = ?::jsonb, text = ?", event.toVersion(),
                ComponentRows.json(event.slotValues()), event.text());
        try (Connection connection = connections.getConnection()) {
            decide(connection, event, event.useId(), event.componentId().value(), event.fromVersion(),
                    event.toVersion(), ADOPTED, event.reason(), null);
            supersedeOpen(connection, event, event.useId(), event.toVersion());
            raiseIfBehind(connection, event, event.useId(), event.componentId().value(), event.toVersion());
        }
    }

    @EventHandler
    void on(ComponentProposalDeclined event) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            decide(connection, event, event.useId(), event.componentId().value(), event.fromVersion(),
                    event.toVersion(), DECLINED, event.reason(), null);
        }
    }

    @EventHandler
    void on(ComponentProposalDeferred event) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            decide(connection, event, event.useId(), event.componentId().value(), event.fromVersion(),
                    event.toVersion(), DEFERRED, event.reason(), event.until());
        }
    }

    /** The uses inside a removed entry go, and their open proposals with them. */
    @EventHandler
    void on(RepeatEntryRemoved event) throws SQLException {
        List<String> path = new ArrayList<>(event.parentEntries());
        path.add(event.entryId());
        try (Connection connection = connections.getConnection();
             PreparedStatement delete = connection.prepareStatement("""
                     WITH gone AS (
                         DELETE FROM rm_component_use
                         WHERE assessment_id = ? AND entry_ids[1:cardinality(?::text[])] = ?::text[]
                         RETURNING assessment_id, use_id)
                     UPDATE rm_component_proposal p SET status = 'SUPERSEDED', decided_at = ?
                     FROM gone WHERE p.assessment_id = gone.assessment_id AND p.use_id = gone.use_id
                         AND p.status IN ('PENDING', 'DEFERRED')""")) {
            java.sql.Array entries = connection.createArrayOf("text", path.toArray());
            delete.setObject(1, event.assessmentId().value());
            delete.setArray(2, entries);
            delete.setArray(3, entries);
            delete.setTimestamp(4, Timestamp.from(event.at()));
            delete.executeUpdate();
        }
    }

    /** The sections, slot values and decline reasons are redacted with the answers. */
    @EventHandler
    void on(PersonalDataRedacted event) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            redact(connection, event, "UPDATE rm_component_use SET text = replace(text, ?, ?), "
                    + "slot_values = replace(slot_values::text, ?, ?)::jsonb WHERE assessment_id = ?", 2);
            redact(connection, event,
                    "UPDATE rm_component_proposal SET reason = replace(reason, ?, ?) WHERE assessment_id = ?", 1);
        }
    }

    /** Runs {@code sql}: {@code replacements} pairs of (withheld text, replacement), then the assessment id. */
    private static void redact(Connection connection, PersonalDataRedacted event, String sql, int replacements)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            int index = 1;
            for (int i = 0; i < replacements; i++) {
                update.setString(index++, event.text());
                update.setString(index++, Redaction.REPLACEMENT);
            }
            update.setObject(index, event.assessmentId().value());
            update.executeUpdate();
        }
    }

    /** The fan-out (see the class comment). */
    @EventHandler
    void on(ComponentVersionPublished event) throws SQLException {
        String component = event.componentId().value();
        Timestamp at = Timestamp.from(event.at());
        try (Connection connection = connections.getConnection()) {
            try (PreparedStatement supersede = connection.prepareStatement("""
                    UPDATE rm_component_proposal SET status = 'SUPERSEDED', decided_at = ?
                    WHERE component_id = ? AND to_version < ? AND status IN ('PENDING', 'DEFERRED')""")) {
                supersede.setTimestamp(1, at);
                supersede.setString(2, component);
                supersede.setInt(3, event.version());
                supersede.executeUpdate();
            }
            try (PreparedStatement raise = connection.prepareStatement("""
                    INSERT INTO rm_component_proposal (tenant_code, assessment_id, use_id, component_id, from_version,
                        to_version, status, raised_at)
                    SELECT tenant_code, assessment_id, use_id, component_id, version, ?, 'PENDING', ?
                    FROM rm_component_use
                    WHERE component_id = ? AND version < ? AND mode IN ('LOCKED', 'ADAPTED')
                    ON CONFLICT DO NOTHING""")) {
                raise.setInt(1, event.version());
                raise.setTimestamp(2, at);
                raise.setString(3, component);
                raise.setInt(4, event.version());
                raise.executeUpdate();
            }
            try (PreparedStatement summary = connection.prepareStatement("""
                    INSERT INTO rm_component_fan_out (component_id, version, proposals, documents, municipalities,
                        raised_at)
                    SELECT ?, ?, count(*), count(DISTINCT assessment_id), count(DISTINCT tenant_code), ?
                    FROM rm_component_proposal WHERE component_id = ? AND to_version = ?
                    ON CONFLICT (component_id, version) DO UPDATE SET proposals = excluded.proposals,
                        documents = excluded.documents, municipalities = excluded.municipalities""")) {
                summary.setString(1, component);
                summary.setInt(2, event.version());
                summary.setTimestamp(3, at);
                summary.setString(4, component);
                summary.setInt(5, event.version());
                summary.executeUpdate();
            }
        }
    }

    /** A followed use behind the latest published version gets a proposal of it at once. */
    private static void raiseIfBehind(Connection connection, AssessmentEvent event, String useId, String componentId,
                                      int version) throws SQLException {
        int latest;
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT coalesce(max(version), 0) FROM rm_shared_component_version
                WHERE component_id = ? AND status = 'PUBLISHED'""")) {
            query.setString(1, componentId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                latest = row.getInt(1);
            }
        }
        if (latest <= version) {
            return;
        }
        try (PreparedStatement raise = connection.prepareStatement("""
                INSERT INTO rm_component_proposal (tenant_code, assessment_id, use_id, component_id, from_version,
                    to_version, status, raised_at)
                VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?) ON CONFLICT DO NOTHING""")) {
            raise.setString(1, event.tenant().value());
            raise.setObject(2, event.assessmentId().value());
            raise.setString(3, useId);
            raise.setString(4, componentId);
            raise.setInt(5, version);
            raise.setInt(6, latest);
            raise.setTimestamp(7, Timestamp.from(event.at()));
            raise.executeUpdate();
        }
    }

    /** A decision on a proposal; one decided before it was raised (a version published meanwhile) is recorded too. */
    private static void decide(Connection connection, AssessmentEvent event, String useId, String componentId,
                               int fromVersion, int toVersion, String status, String reason, LocalDate until)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO rm_component_proposal (tenant_code, assessment_id, use_id, component_id, from_version,
                    to_version, status, raised_at, decided_at, decided_by_name, reason, deferred_until)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (assessment_id, use_id, to_version) DO UPDATE SET status = excluded.status,
                    decided_at = excluded.decided_at, decided_by_name = excluded.decided_by_name,
                    reason = excluded.reason, deferred_until = excluded.deferred_until""")) {
            Timestamp at = Timestamp.from(event.at());
            upsert.setString(1, event.tenant().value());
            upsert.setObject(2, event.assessmentId().value());
            upsert.setString(3, useId);
            upsert.setString(4, componentId);
            upsert.setInt(5, fromVersion);
            upsert.setInt(6, toVersion);
            upsert.setString(7, status);
            upsert.setTimestamp(8, at);
            upsert.setTimestamp(9, at);
            upsert.setString(10, event.by().displayName());
            upsert.setString(11, reason);
            upsert.setDate(12, until == null ? null : Date.valueOf(until));
            upsert.executeUpdate();
        }
    }

    /** Open proposals of versions up to {@code upTo} are moot. */
    private static void supersedeOpen(Connection connection, AssessmentEvent event, String useId, int upTo)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE rm_component_proposal SET status = 'SUPERSEDED', decided_at = ?
                WHERE assessment_id = ? AND use_id = ? AND to_version <= ? AND status IN ('PENDING', 'DEFERRED')""")) {
            update.setTimestamp(1, Timestamp.from(event.at()));
            update.setObject(2, event.assessmentId().value());
            update.setString(3, useId);
            update.setInt(4, upTo);
            update.executeUpdate();
        }
    }

    private void updateUse(AssessmentEvent event, String useId, String assignments, Object... values)
            throws SQLException {
        try (Connection connection = connections.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE rm_component_use SET " + assignments
                     + ", updated_at = ? WHERE assessment_id = ? AND use_id = ?")) {
            int index = 1;
            for (Object value : values) {
                update.setObject(index++, value);
            }
            update.setTimestamp(index++, Timestamp.from(event.at()));
            update.setObject(index++, event.assessmentId().value());
            update.setString(index, useId);
            update.executeUpdate();
        }
    }
}
