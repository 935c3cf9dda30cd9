package jp.hyoka.server.axon;

import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.AbstractTokenEntry;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
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
 *       memory forgets what it saw projected).</li>
 *   <li><b>A busy processor's batch compares too, and commits asynchronously</b> (the processor named
 *       {@code asynchronous}): its token is stored at the batch's start in the batch's transaction
 *       ({@link AxonConnections#PROCESSOR_TRANSACTIONS}) by one statement that answers the token it replaces, and
 *       sets {@link AxonConnections#ASYNCHRONOUS_COMMIT}. A batch committed asynchronously is lost by a PostgreSQL
 *       crash with its token (one transaction); the next batch finds the stored token behind the one this node stored
 *       last and fails as the extension does, so the events are projected again instead of being passed over with
 *       a newer token. A replaced token that is byte for byte the last one stored is not deserialized.</li>
 * </ul>
 */
final class OwnClaimTokenStore extends JdbcTokenStore {

    private final String nodeId;
    private final Serializer serializer;
    private final Runnable lostBatch;
    private final String asynchronous;
    private final String extend;
    private final String storeAsynchronously;
    /** Processor and segment → the token this node last stored (in a batch that may not have committed yet). */
    private final Map<String, Stored> stored = new ConcurrentHashMap<>();

    /** A token this node stored, and its serialized form when this store wrote it (null when Axon's code did). */
    private record Stored(TrackingToken token, byte[] bytes) {
    }

    OwnClaimTokenStore(JdbcTokenStore.Builder builder, Serializer serializer, String nodeId, Runnable lostBatch,
                       String asynchronous) {
        super(builder.serializer(serializer).nodeId(nodeId));
        this.nodeId = nodeId;
        this.serializer = serializer;
        this.lostBatch = lostBatch;
        this.asynchronous = asynchronous;
        TokenSchema schema = TokenSchema.builder().build();    // the builder's default, as JdbcTokenStore's
        String table = schema.tokenTable();
        String ofSegment = schema.processorNameColumn() + " = ? AND " + schema.segmentColumn() + " = ?";
        this.extend = "UPDATE " + table + " SET " + schema.timestampColumn() + " = ? WHERE " + ofSegment + " AND "
                + schema.ownerColumn() + " = ? RETURNING " + schema.tokenColumn() + ", " + schema.tokenTypeColumn();
        // The row locked and read (the token it held) and updated in one statement; none when another node owns it.
        this.storeAsynchronously = "WITH held AS (SELECT " + schema.tokenColumn() + " AS token, "
                + schema.tokenTypeColumn() + " AS type FROM " + table + " WHERE " + ofSegment + " AND "
                + schema.ownerColumn() + " = ? FOR UPDATE) UPDATE " + table + " SET " + schema.tokenColumn()
                + " = ?, " + schema.tokenTypeColumn() + " = ?, " + schema.timestampColumn() + " = ? FROM held WHERE "
                + ofSegment + " RETURNING held.token, held.type; " + AxonConnections.ASYNCHRONOUS_COMMIT;
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
        Stored lastStored = stored.get(key(processorName, segment));
        if (lastStored == null || token == null || Arrays.equals(lastStored.bytes(), token)) {
            return;
        }
        TrackingToken last = lastStored.token();
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
        if (token != null && processorName.equals(asynchronous) && CurrentUnitOfWork.isStarted()
                && storeInBatch(token, processorName, segment)) {
            return;
        }
        super.storeToken(token, processorName, segment);
        if (token != null) {
            stored.put(key(processorName, segment), new Stored(token, null));
        }
    }

    /**
     * A batch's token, stored in the batch's transaction, which then commits asynchronously; the token it replaces is
     * compared with the last one stored. False when this node does not hold the claim (Axon's own store claims it).
     */
    private boolean storeInBatch(TrackingToken token, String processorName, int segment) {
        SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
        byte[] held;
        String heldType;
        Connection connection = getConnection();
        try (PreparedStatement statement = connection.prepareStatement(storeAsynchronously)) {
            statement.setString(1, processorName);
            statement.setInt(2, segment);
            statement.setString(3, nodeId);
            statement.setBytes(4, serialized.getData());
            statement.setString(5, serialized.getType().getName());
            statement.setString(6, formatInstant(AbstractTokenEntry.clock.instant()));
            statement.setString(7, processorName);
            statement.setInt(8, segment);
            statement.execute();                    // the update's rows first, then the SET
            try (ResultSet row = statement.getResultSet()) {
                if (!row.next()) {
                    return false;
                }
                held = row.getBytes(1);
                heldType = row.getString(2);
            }
        } catch (SQLException e) {
            throw new JdbcException("Could not store the token of " + processorName + "[" + segment + "]", e);
        } finally {
            closeQuietly(connection);
        }
        refuseIfBehind(processorName, segment, held, heldType);
        stored.put(key(processorName, segment), new Stored(token, serialized.getData()));
        return true;
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
