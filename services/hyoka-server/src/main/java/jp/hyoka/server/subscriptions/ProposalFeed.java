package jp.hyoka.server.subscriptions;

import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.server.assessment.AssessmentIds;
import jp.hyoka.server.components.ProposalIds;
import jp.hyoka.server.database.TenantScopedReads;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.Set;

/**
 * The proposals raised for one municipality (rm_component_proposal, written by the components feature's fan-out),
 * read under its scope. Proposals carry the time they were raised, shared by all of one publication's; the feed keeps
 * the latest time it delivered and the proposals of that time, and sends what is newer.
 */
final class ProposalFeed extends Subscribers<ProposalRaised> {

    /** Read per round at most; the rest comes in the next round. */
    private static final int MAX_PER_ROUND = 500;

    private final TenantScopedReads reads;
    private final MunicipalityCode tenant;
    private Instant latest;
    private final Set<String> deliveredAtLatest = new HashSet<>();

    private ProposalFeed(TenantScopedReads reads, MunicipalityCode tenant) {
        this.reads = reads;
        this.tenant = tenant;
    }

    /**
     * A feed of what is raised after now: it starts at the newest proposal there is (however many there were
     * before), whose own rows it reads once as delivered.
     */
    static ProposalFeed from(TenantScopedReads reads, MunicipalityCode tenant) {
        ProposalFeed feed = new ProposalFeed(reads, tenant);
        feed.latest = reads.read(tenant, connection -> {
            try (PreparedStatement newest = connection.prepareStatement(
                    "SELECT max(raised_at) FROM rm_component_proposal WHERE tenant_code = ?")) {
                newest.setString(1, tenant.value());
                try (ResultSet row = newest.executeQuery()) {
                    Timestamp at = row.next() ? row.getTimestamp(1) : null;
                    return at == null ? Instant.EPOCH : at.toInstant();
                }
            }
        });
        feed.readNew();                                     // what is there already was not raised "from now on"
        return feed;
    }

    @Override
    List<ProposalRaised> readNew() {
        List<ProposalRaised> raised = reads.read(tenant, connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT assessment_id, use_id, component_id, from_version, to_version, raised_at
                    FROM rm_component_proposal WHERE tenant_code = ? AND raised_at >= ?
                    ORDER BY raised_at, assessment_id, use_id, to_version LIMIT ?""")) {
                select.setString(1, tenant.value());
                select.setTimestamp(2, Timestamp.from(latest));
                select.setInt(3, MAX_PER_ROUND + deliveredAtLatest.size());
                try (ResultSet rows = select.executeQuery()) {
                    return newOnes(rows);
                }
            }
        });
        return raised;
    }

    private List<ProposalRaised> newOnes(ResultSet rows) throws SQLException {
        List<ProposalRaised> raised = new ArrayList<>();
        while (rows.next()) {
            String assessmentId = rows.getString("assessment_id");
            int toVersion = rows.getInt("to_version");
            String useId = rows.getString("use_id");
            String id = ProposalIds.encode(new AssessmentId(UUID.fromString(assessmentId)), useId, toVersion);
            Instant at = rows.getTimestamp("raised_at").toInstant();
            if (at.isAfter(latest)) {
                latest = at;
                deliveredAtLatest.clear();
            }
            if (deliveredAtLatest.add(id)) {
                raised.add(new ProposalRaised(id, AssessmentIds.global(new AssessmentId(UUID.fromString(assessmentId))),
                        rows.getString("component_id"),
                        rows.getInt("from_version"), toVersion, at));
            }
        }
        return raised;
    }
}
