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

    /**
     * Links {@code events} (in the order given) onto their tenants' chains: two round trips per tenant, so the head stays
     * locked (until the caller's commit) for as short a time as the chain allows (issue 22: every append of a
     * municipality waits for this lock).
     */
    static void append(Connection connection, List<TenantEvent> events) throws SQLException {
        // Heads are locked in tenant order, so two transactions spanning the same tenants cannot deadlock.
        Map<String, List<ChainedEvent>> byTenant = new TreeMap<>();
        for (TenantEvent event : events) {
            byTenant.computeIfAbsent(event.tenant(), tenant -> new ArrayList<>()).add(event.event());
        }
        for (Map.Entry<String, List<ChainedEvent>> chain : byTenant.entrySet()) {
            List<ChainLink> links = EventChain.extend(chain.getKey(), lockHead(connection, chain.getKey()),
                    chain.getValue());
            insertAndMoveHead(connection, chain.getKey(), links);
        }
    }

    /**
     * The tenant's head, locked: one statement creates it on the tenant's first append (a concurrent first append waits
     * on the key, then finds it) or locks the existing row (the no-op update) and returns it either way.
     */
    private static ChainHead lockHead(Connection connection, String tenant) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_HEAD)) {
            bindLockHead(lock, 1, tenant);
            try (ResultSet head = lock.executeQuery()) {
                return head(head);
            }
        }
    }

    /** {@link #lockHead}'s statement: its two parameters bound by {@link #bindLockHead}, its row read by {@link #head}. */
    static final String LOCK_HEAD = "INSERT INTO event_chain_head (tenant_code, chain_position, hash) VALUES (?, 0, ?) "
            + "ON CONFLICT (tenant_code) DO UPDATE SET tenant_code = excluded.tenant_code RETURNING chain_position, hash";

    /** Binds {@link #LOCK_HEAD}'s parameters from {@code first}; answers the index after them. */
    static int bindLockHead(PreparedStatement lock, int first, String tenant) throws SQLException {
        lock.setString(first, tenant);
        lock.setString(first + 1, EventChain.GENESIS);
        return first + 2;
    }

    /** The head {@link #LOCK_HEAD} returned. */
    static ChainHead head(ResultSet returned) throws SQLException {
        returned.next();
        return new ChainHead(returned.getLong(1), returned.getString(2));
    }

    /** The links inserted and the head moved to the last, in one statement. */
    static void insertAndMoveHead(Connection connection, String tenant, List<ChainLink> links)
            throws SQLException {
        if (links.size() == 1) {
            insertOneAndMoveHead(connection, tenant, links.get(0));
            return;
        }
        ChainLink last = links.get(links.size() - 1);
        try (PreparedStatement write = connection.prepareStatement("""
                WITH head AS (UPDATE event_chain_head SET chain_position = ?, hash = ? WHERE tenant_code = ?)
                INSERT INTO event_chain (tenant_code, chain_position, event_identifier, previous_hash, hash)
                SELECT ?, link.* FROM unnest(?::bigint[], ?::varchar[], ?::char(64)[], ?::char(64)[])
                    AS link(chain_position, event_identifier, previous_hash, hash)""")) {
            write.setLong(1, last.position());
            write.setString(2, last.hash());
            write.setString(3, tenant);
            write.setString(4, tenant);
            write.setArray(5, connection.createArrayOf("bigint",
                    links.stream().map(ChainLink::position).toArray()));
            write.setArray(6, connection.createArrayOf("varchar", links.stream().map(ChainLink::eventId).toArray()));
            write.setArray(7, connection.createArrayOf("varchar",
                    links.stream().map(ChainLink::previousHash).toArray()));
            write.setArray(8, connection.createArrayOf("varchar", links.stream().map(ChainLink::hash).toArray()));
            write.executeUpdate();
        }
    }

    /**
     * One link (an edit's append: most appends) as plain parameters: building the four arrays of the general statement
     * was a third of the chain's CPU in a command (BENCHMARKS.md row 1). Same rows, same head.
     */
    private static void insertOneAndMoveHead(Connection connection, String tenant, ChainLink link)
            throws SQLException {
        try (PreparedStatement write = connection.prepareStatement("""
                WITH head AS (UPDATE event_chain_head SET chain_position = ?, hash = ? WHERE tenant_code = ?)
                INSERT INTO event_chain (tenant_code, chain_position, event_identifier, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?)""")) {
            write.setLong(1, link.position());
            write.setString(2, link.hash());
            write.setString(3, tenant);
            write.setString(4, tenant);
            write.setLong(5, link.position());
            write.setString(6, link.eventId());
            write.setString(7, link.previousHash());
            write.setString(8, link.hash());
            write.executeUpdate();
        }
    }
}
