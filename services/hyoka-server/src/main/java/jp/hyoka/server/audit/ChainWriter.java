package jp.hyoka.server.audit;

import jp.hyoka.domain.audit.ChainHead;
import jp.hyoka.domain.audit.ChainLink;
import jp.hyoka.domain.audit.ChainedEvent;
import jp.hyoka.domain.audit.EventChain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Appends links on the caller's connection, inside the caller's transaction. Each tenant's head row stays locked
 * until that transaction ends, so concurrent appends of one tenant (on any node) take positions one after the
 * other and never fork the chain; appends of different tenants do not wait for each other.
 */
final class ChainWriter {

    private ChainWriter() {
    }

    /** Links {@code events} (in the order given) onto their tenants' chains. */
    static void append(Connection connection, List<TenantEvent> events) throws SQLException {
        // Heads are locked in tenant order, so two transactions spanning the same tenants cannot deadlock.
        Map<String, List<ChainedEvent>> byTenant = new TreeMap<>();
        for (TenantEvent event : events) {
            byTenant.computeIfAbsent(event.tenant(), tenant -> new ArrayList<>()).add(event.event());
        }
        for (Map.Entry<String, List<ChainedEvent>> chain : byTenant.entrySet()) {
            List<ChainLink> links = EventChain.extend(chain.getKey(), lockHead(connection, chain.getKey()),
                    chain.getValue());
            insert(connection, chain.getKey(), links);
            moveHead(connection, chain.getKey(), links.get(links.size() - 1));
        }
    }

    private static ChainHead lockHead(Connection connection, String tenant) throws SQLException {
        // A tenant's first append creates its head; a concurrent first append waits on the key, then finds it.
        try (PreparedStatement create = connection.prepareStatement("INSERT INTO event_chain_head "
                + "(tenant_code, chain_position, hash) VALUES (?, 0, ?) ON CONFLICT (tenant_code) DO NOTHING")) {
            create.setString(1, tenant);
            create.setString(2, EventChain.GENESIS);
            create.executeUpdate();
        }
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT chain_position, hash FROM event_chain_head WHERE tenant_code = ? FOR UPDATE")) {
            lock.setString(1, tenant);
            try (ResultSet head = lock.executeQuery()) {
                head.next();
                return new ChainHead(head.getLong(1), head.getString(2));
            }
        }
    }

    private static void insert(Connection connection, String tenant, List<ChainLink> links) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event_chain "
                + "(tenant_code, chain_position, event_identifier, previous_hash, hash) VALUES (?, ?, ?, ?, ?)")) {
            for (ChainLink link : links) {
                insert.setString(1, tenant);
                insert.setLong(2, link.position());
                insert.setString(3, link.eventId());
                insert.setString(4, link.previousHash());
                insert.setString(5, link.hash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void moveHead(Connection connection, String tenant, ChainLink last) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE event_chain_head SET chain_position = ?, hash = ? WHERE tenant_code = ?")) {
            update.setLong(1, last.position());
            update.setString(2, last.hash());
            update.setString(3, tenant);
            update.executeUpdate();
        }
    }
}
