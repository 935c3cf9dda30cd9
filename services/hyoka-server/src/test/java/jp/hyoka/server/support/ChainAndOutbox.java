package jp.hyoka.server.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A municipality's hash chain beside its outbox, as stored: the chain is the order in which its appends committed
 * (its head's lock is held until each commit), so the outbox rows written by those appends must stand in the same
 * order by position (infra/docs/guarantees.md).
 */
public final class ChainAndOutbox {

    /** One link of the chain: its position, its event's payload type and the positions of that event's outbox rows. */
    public record Link(long chainPosition, String eventId, String payloadType, List<Long> outboxPositions) {
    }

    private ChainAndOutbox() {
    }

    /** The municipality's links in chain order, each with its event's outbox rows (none for an event not told). */
    public static List<Link> links(DataSource dataSource, String tenant) throws SQLException {
        List<Link> links = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("""
                SELECT c.chain_position, c.event_identifier, e.payloadtype,
                    array_remove(array_agg(o.position ORDER BY o.position), NULL)
                FROM event_chain c
                JOIN domainevententry e ON e.eventidentifier = c.event_identifier
                LEFT JOIN integration_outbox o ON o.domain_event_id = c.event_identifier
                WHERE c.tenant_code = ?
                GROUP BY c.chain_position, c.event_identifier, e.payloadtype
                ORDER BY c.chain_position""")) {
            select.setString(1, tenant);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    links.add(new Link(row.getLong(1), row.getString(2), row.getString(3),
                            List.of((Long[]) row.getArray(4).getArray())));
                }
            }
        }
        return links;
    }

    /**
     * The places where the outbox disagrees with the chain: each pair of consecutive outbox rows (taken in chain
     * order) whose positions go down, as {@code "link p (position x) before link q (position y)"}.
     */
    public static List<String> outOfChainOrder(List<Link> links) {
        List<String> disagreements = new ArrayList<>();
        Link previous = null;
        for (Link link : links) {
            for (long position : link.outboxPositions()) {
                if (previous != null && position < previous.outboxPositions().get(previous.outboxPositions().size() - 1)) {
                    disagreements.add("link " + previous.chainPosition() + " (outbox position "
                            + previous.outboxPositions().get(previous.outboxPositions().size() - 1) + ") before link "
                            + link.chainPosition() + " (outbox position " + position + ")");
                }
            }
            if (!link.outboxPositions().isEmpty()) {
                previous = link;
            }
        }
        return disagreements;
    }
}
