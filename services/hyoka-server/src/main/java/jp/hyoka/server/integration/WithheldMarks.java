package jp.hyoka.server.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.hyoka.domain.assessment.event.ItemPublicationRestored;
import jp.hyoka.domain.assessment.event.ItemWithheldFromPublication;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The items of an assessment marked 非公表 now, folded from its stored marks and restorations in order. A replay tells
 * every publication with them withheld: the public view prints every past 変更箇所 row of a marked item with the
 * 非公表 wording, and a replayed event must not tell more than that (nor what an event stored before publications
 * carried their marks would).
 */
final class WithheldMarks {

    private record Mark(String itemId, List<String> entries) {
    }

    private WithheldMarks() {
    }

    static Set<String> current(Connection connection, String assessmentId, ObjectMapper json) {
        Set<Mark> marks = new LinkedHashSet<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT payloadtype, payload FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype IN (?, ?)
                ORDER BY sequencenumber""")) {
            select.setString(1, assessmentId);
            select.setString(2, ItemWithheldFromPublication.class.getName());
            select.setString(3, ItemPublicationRestored.class.getName());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    if (ItemWithheldFromPublication.class.getName().equals(row.getString(1))) {
                        ItemWithheldFromPublication withheld = json.readValue(row.getBytes(2),
                                ItemWithheldFromPublication.class);
                        marks.add(new Mark(withheld.itemId().value(), withheld.entries()));
                    } else {
                        ItemPublicationRestored restored = json.readValue(row.getBytes(2), ItemPublicationRestored.class);
                        marks.remove(new Mark(restored.itemId().value(), restored.entries()));
                    }
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("非公表 marks of " + assessmentId + " cannot be read", e);
        }
        return marks.stream().map(Mark::itemId).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
