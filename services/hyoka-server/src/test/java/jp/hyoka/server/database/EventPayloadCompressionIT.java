package jp.hyoka.server.database;

import com.zaxxer.hikari.HikariDataSource;
import jp.hyoka.server.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V25: stored events' and snapshots' payloads are compressed with lz4 where the PostgreSQL in use has it, and stay
 * pglz where it has not (zonky's embedded binaries), the migration succeeding on both; either way a payload reads back
 * as the very bytes written (the hash chain hashes those). The suite runs it on the embedded server and, where the
 * machine has Debian's PostgreSQL 15, once more on that (infra/test.sh, the pom's {@code debian-postgres} execution).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventPayloadCompressionIT {

    /**
     * System property: whether the PostgreSQL of this run has lz4 (infra/test.sh's run on Debian's PostgreSQL 15 says
     * true), so that run proves the lz4 path instead of passing on pglz if the server it got had none.
     */
    static final String LZ4_PROMISED = "hyoka.test.postgres-lz4";

    private HikariDataSource database;

    @BeforeAll
    void migrate() {
        database = TestDatabase.newMigratedPool();
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void givenTheMigratedStore_whenItsPayloadColumnsAreListed_thenTheyUseLz4ExactlyWhereThisPostgreSqlHasIt()
            throws SQLException {
        String expected = lz4Available() ? "l" : "";       // pg_attribute.attcompression: '' is the default (pglz)
        String promised = System.getProperty(LZ4_PROMISED);
        if (promised != null) {
            assertThat(lz4Available()).as(LZ4_PROMISED + ": whether the suite's PostgreSQL here has lz4")
                    .isEqualTo(Boolean.parseBoolean(promised));
        }

        assertThat(compressions("domainevententry")).containsExactly("metadata " + expected, "payload " + expected);
        assertThat(compressions("snapshotevententry")).containsExactly("metadata " + expected, "payload " + expected);
    }

    @Test
    void givenALargeEventPayload_whenStoredAndReadBack_thenItIsCompressedByThatMethodAndReadsAsTheBytesWritten()
            throws SQLException {
        byte[] payload = largeJson();

        try (Connection connection = database.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domainevententry (eventidentifier, "
                    + "aggregateidentifier, sequencenumber, type, timestamp, payloadtype, payload) "
                    + "VALUES ('compressed-1', 'aggregate-1', 0, 'T', 'now', 'P', ?)")) {
                insert.setBytes(1, payload);
                insert.executeUpdate();
            }
            try (Statement select = connection.createStatement();
                 ResultSet row = select.executeQuery("SELECT payload, pg_column_compression(payload), "
                         + "pg_column_size(payload) FROM domainevententry WHERE eventidentifier = 'compressed-1'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBytes(1)).isEqualTo(payload);
                assertThat(row.getString(2)).isEqualTo(lz4Available() ? "lz4" : "pglz");
                assertThat(row.getInt(3)).as("stored compressed").isLessThan(payload.length / 2);
            }
        }
    }

    private boolean lz4Available() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT 'lz4' = ANY(enumvals) FROM pg_settings "
                     + "WHERE name = 'default_toast_compression'")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private List<String> compressions(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT attname || ' ' || attcompression::text "
                     + "FROM pg_attribute WHERE attrelid = ?::regclass AND attname IN ('payload', 'metadata') "
                     + "ORDER BY attname")) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    /** ~60–70 KB of JSON (40,000 characters, much of it 3-byte Japanese) like an import's content: answers of Japanese text, repetitive enough to compress. */
    private static byte[] largeJson() {
        StringBuilder json = new StringBuilder("{\"tenant\":\"141305\",\"answers\":[");
        for (int i = 0; json.length() < 40_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"itemId\":\"item.").append(i)
                    .append("\",\"answer\":{\"kind\":\"TEXT\",\"text\":\"特定個人情報ファイルの取扱い ").append(i * 7919 % 1000)
                    .append("\"}}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
