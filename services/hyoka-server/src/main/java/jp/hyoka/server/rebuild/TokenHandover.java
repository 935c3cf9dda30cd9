package jp.hyoka.server.rebuild;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Gives the live processor the position the rebuild reached, in Axon's token table (V1) and on the caller's
 * transaction: the live processor, paused, continues exactly where the rebuilt tables end, so an event is in them
 * once whether it came before the switch or after. The rebuild's own token goes.
 */
final class TokenHandover {

    private TokenHandover() {
    }

    /** @return the position handed over (the rebuild's token), or null when the rebuild saw no event at all */
    static TrackingToken handOver(Connection transaction, String from, String to, Serializer serializer)
            throws SQLException {
        byte[] token;
        String tokenType;
        try (PreparedStatement select = transaction.prepareStatement(
                "SELECT token, tokentype FROM tokenentry WHERE processorname = ? AND segment = 0 FOR UPDATE")) {
            select.setString(1, from);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("the rebuild processor " + from + " has no token");
                }
                token = row.getBytes(1);
                tokenType = row.getString(2);
            }
        }
        try (PreparedStatement live = transaction.prepareStatement(
                "SELECT segment, owner FROM tokenentry WHERE processorname = ? FOR UPDATE")) {
            live.setString(1, to);
            try (ResultSet rows = live.executeQuery()) {
                int segments = 0;
                while (rows.next()) {
                    segments++;
                    if (rows.getInt(1) != 0 || rows.getString(2) != null) {
                        throw new IllegalStateException("the live processor " + to + " is not paused everywhere "
                                + "(segment " + rows.getInt(1) + " owned by " + rows.getString(2) + ")");
                    }
                }
                if (segments != 1) {
                    throw new IllegalStateException("the live processor " + to + " has " + segments + " segments, "
                            + "a rebuild hands over one");
                }
            }
        }
        try (PreparedStatement update = transaction.prepareStatement(
                "UPDATE tokenentry SET token = ?, tokentype = ? WHERE processorname = ? AND segment = 0");
             PreparedStatement delete = transaction.prepareStatement(
                     "DELETE FROM tokenentry WHERE processorname = ?")) {
            update.setBytes(1, token);
            update.setString(2, tokenType);
            update.setString(3, to);
            update.executeUpdate();
            delete.setString(1, from);
            delete.executeUpdate();
        }
        return token == null ? null
                : serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
    }
}
