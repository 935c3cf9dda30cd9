package jp.hyoka.server.axon;

import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.AbstractTokenEntry;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.axonframework.common.DateTimeUtils.formatInstant;
import static org.axonframework.common.jdbc.JdbcUtils.closeQuietly;

/**
 * Axon's JDBC token store, with two changes for the read-model processor (issue 22, infra/docs/edit-path.md):
 *
 * <ul>
 *   <li><b>The claim extension is one round trip</b> while this node holds the claim (an idle processor's, and a
 *       long batch's; a busy processor stores its token at each batch's start instead, axon/README.md): {@code UPDATE … SET timestamp WHERE … AND owner = this node RETURNING token}, which locks the row and
 *       checks the owner as Axon's {@code SELECT … FOR UPDATE} followed by its {@code UPDATE} did. A token this node
 *       does not hold (never claimed, or another node's) goes through Axon's own claim, as before.</li>
 *   <li><b>A stored token that went back is noticed</b> (a database restored under a running server): the
 *       processor keeps its position in memory and would carry on past events the read models no longer hold. So the extension
 *       compares the stored token with the last one this node stored: when the stored one is behind, the extension
 *       fails, and Axon's processor does what it does on any failure: it releases its claim, reopens its stream from
 *       the stored token and projects the lost events again. {@code lostBatch} runs first (the read-your-writes
 *       memory forgets what it saw projected). Only an idle processor's extension compares: a busy processor's
 *       token store does not, so a restore under a busy processor is not noticed (infra/docs/edit-path.md).</li>
 * </ul>
 */
final class OwnClaimTokenStore extends JdbcTokenStore {

    private final String nodeId;
    private final Serializer serializer;
    private final Runnable lostBatch;
    private final String extend;
    /** Processor and segment → the token this node last stored (in a batch that may not have committed yet). */
    private final Map<String, TrackingToken> stored = new ConcurrentHashMap<>();

    OwnClaimTokenStore(JdbcTokenStore.Builder builder, Serializer serializer, String nodeId, Runnable lostBatch) {
        super(builder.serializer(serializer).nodeId(nodeId));
        this.nodeId = nodeId;
        this.serializer = serializer;
        this.lostBatch = lostBatch;
        TokenSchema schema = TokenSchema.builder().build();    // the builder's default, as JdbcTokenStore's
        this.extend = "UPDATE " + schema.tokenTable() + " SET " + schema.timestampColumn() + " = ? WHERE "
                + schema.processorNameColumn() + " = ? AND " + schema.segmentColumn() + " = ? AND "
                + schema.ownerColumn() + " = ? RETURNING " + schema.tokenColumn() + ", " + schema.tokenTypeColumn();
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        Connection connection = getConnection();
        try (PreparedStatement statement = connection.prepareStatement(extend)) {
            statement.setString(1, formatInstant(AbstractTokenEntry.clock.instant()));
            statement.setString(2, processorName);
            statement.setInt(3, segment);
            statement.setString(4, nodeId);
            try (ResultSet row = statement.executeQuery()) {
                if (row.next()) {
                    refuseIfBehind(processorName, segment, row.getBytes(1), row.getString(2));
                    return;
                }
            }
        } catch (SQLException e) {
            throw new JdbcException("Could not extend the claim of " + processorName + "[" + segment + "]", e);
        } finally {
            closeQuietly(connection);
        }
        super.extendClaim(processorName, segment);
    }

    private void refuseIfBehind(String processorName, int segment, byte[] token, String type) {
        TrackingToken last = stored.get(key(processorName, segment));
        if (last == null || token == null) {
            return;
        }
        TrackingToken current = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        if (last.covers(current) && !current.covers(last)) {
            stored.remove(key(processorName, segment));
            lostBatch.run();
            throw new UnableToClaimTokenException("The stored token of " + processorName + "[" + segment
                    + "] is behind the last one this node stored: the database lost a batch; projecting it again");
        }
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment)
            throws UnableToClaimTokenException {
        super.storeToken(token, processorName, segment);
        if (token != null) {
            stored.put(key(processorName, segment), token);
        }
    }

    /** The processor (re)opens its stream from what is stored: nothing of its own to compare with yet. */
    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        stored.remove(key(processorName, segment));
        return super.fetchToken(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        stored.remove(key(processorName, segment));
        super.releaseClaim(processorName, segment);
    }

    private static String key(String processorName, int segment) {
        return processorName + "/" + segment;
    }
}
