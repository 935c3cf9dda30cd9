package jp.hyoka.server.axon;

import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventhandling.tokenstore.AbstractTokenEntry;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.axonframework.common.DateTimeUtils.formatInstant;
import static org.axonframework.common.jdbc.JdbcUtils.closeQuietly;

/**
 * Axon's JDBC token store, whose claim extension (the first statement of every read-model batch) is one round trip
 * while this node holds the claim: {@code UPDATE … SET timestamp WHERE … AND owner = this node}, which locks the row
 * and checks the owner as Axon's {@code SELECT … FOR UPDATE} followed by its {@code UPDATE} did (issue 22: two of the
 * seven round trips of the batch that an edit's read-your-writes waits for). When the row is not this node's (never
 * claimed, or another node's), Axon's own extension runs: it claims an unowned or expired token, or refuses as before.
 */
final class OwnClaimTokenStore extends JdbcTokenStore {

    private final String nodeId;
    private final String extend;

    OwnClaimTokenStore(JdbcTokenStore.Builder builder, String nodeId) {
        super(builder.nodeId(nodeId));
        this.nodeId = nodeId;
        TokenSchema schema = TokenSchema.builder().build();    // the builder's default, as JdbcTokenStore's
        this.extend = "UPDATE " + schema.tokenTable() + " SET " + schema.timestampColumn() + " = ? WHERE "
                + schema.processorNameColumn() + " = ? AND " + schema.segmentColumn() + " = ? AND "
                + schema.ownerColumn() + " = ?";
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        Connection connection = getConnection();
        try (PreparedStatement statement = connection.prepareStatement(extend)) {
            statement.setString(1, formatInstant(AbstractTokenEntry.clock.instant()));
            statement.setString(2, processorName);
            statement.setInt(3, segment);
            statement.setString(4, nodeId);
            if (statement.executeUpdate() == 1) {
                return;
            }
        } catch (SQLException e) {
            throw new JdbcException("Could not extend the claim of " + processorName + "[" + segment + "]", e);
        } finally {
            closeQuietly(connection);
        }
        super.extendClaim(processorName, segment);
    }
}
