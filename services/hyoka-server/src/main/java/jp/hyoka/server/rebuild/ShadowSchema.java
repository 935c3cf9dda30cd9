package jp.hyoka.server.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The schema {@code rm_rebuild}: empty copies of the live read-model tables that a rebuild fills, and the swap that
 * makes them the live tables. Besides the copies it holds only a view of Axon's token table, so a connection whose
 * search path is this schema alone reaches the copies and the tokens and nothing else: a table the copies lack is
 * an error, never a silent write into the live table of that name. A copy is the live table as the catalog describes it — columns, defaults, checks,
 * primary and unique keys and indexes under their own names, triggers (V18's, which keep a document's version
 * following its answers), grants, row-level security and its policies — so
 * once swapped in it is indistinguishable from a table the migrations made: later migrations find the names they
 * expect, and the reader role {@code hyoka_reader} (V6) sees exactly its tenant's rows, as before.
 */
final class ShadowSchema {

    static final String NAME = "rm_rebuild";

    private final DataSource dataSource;
    private final List<String> tables;

    ShadowSchema(DataSource dataSource, List<String> tables) {
        this.dataSource = dataSource;
        this.tables = List.copyOf(tables);
    }

    /**
     * Drops what an earlier rebuild left behind, then creates the empty copies, in one transaction.
     *
     * @return the newest successful migration's {@code installed_rank} when the copies were made, for {@link #swapIn}
     */
    long create() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // Read before the catalog: a migration committed in between is then both in the copies and counted
                // as newer, which refuses a switch that was safe; read after, it would be missed.
                long migratedUpTo = Migrations.newestInstalled(connection);
                // The catalog is read first, then every statement goes in one JDBC batch: one round trip instead
                // of one per statement (~150 for 17 tables: a fifth of a small rebuild's time in row 7's profile).
                List<String> ddl = new ArrayList<>(List.of("DROP SCHEMA IF EXISTS " + NAME + " CASCADE",
                        "CREATE SCHEMA " + NAME,
                        "CREATE VIEW " + NAME + ".tokenentry AS SELECT * FROM public.tokenentry"));
                ddl.addAll(copies(connection));
                for (String sql : ddl) {
                    statement.addBatch(sql);
                }
                statement.executeBatch();
                connection.commit();
                return migratedUpTo;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    void drop() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + NAME + " CASCADE");
        }
    }

    /**
     * Replaces every live table by its copy, on the caller's transaction: the live tables are locked all at once
     * (readers finish first; new readers wait for the commit), dropped, and the copies moved into {@code public}
     * with their names, indexes, grants and policies. The emptied shadow schema goes too.
     *
     * @param migratedUpTo what {@link #create} returned
     * @throws LiveTablesChanged when, under that lock, a migration has been installed since the copies were made or a
     *                           live table no longer looks like its copy: nothing is dropped, the caller rolls back
     */
    void swapIn(Connection transaction, long migratedUpTo) throws SQLException {
        try (Statement statement = transaction.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '10s'");
            statement.execute("LOCK TABLE " + String.join(", ", tables.stream().map(t -> "public." + t).toList())
                    + " IN ACCESS EXCLUSIVE MODE");
            // Under the lock no migration can change a live table until the commit: what is compared is what goes.
            // The shapes catch a change made without Flyway; the history catches what keeps every name and column (a
            // policy redefined, a grant, an index recreated, a backfill), which the swap would silently undo.
            List<String> differences = new ArrayList<>(Migrations.installedSince(transaction, migratedUpTo));
            differences.addAll(TableShapes.differences(TableShapes.of(transaction, "public", tables),
                    TableShapes.of(transaction, NAME, tables)));
            if (!differences.isEmpty()) {
                throw new LiveTablesChanged(differences);
            }
            for (String table : tables) {
                statement.execute("DROP TABLE public." + table);
                statement.execute("ALTER TABLE " + NAME + "." + table + " SET SCHEMA public");
            }
            statement.execute("DROP VIEW " + NAME + ".tokenentry");
            statement.execute("DROP SCHEMA " + NAME);          // RESTRICT: anything left in it stops the swap
        }
    }

    /** Rows in each copy, in table order. */
    List<Long> rowCounts() throws SQLException {
        List<Long> counts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + NAME + "." + table)) {
                    rows.next();
                    counts.add(rows.getLong(1));
                }
            }
        }
        return counts;
    }

    /**
     * The statements that make an empty {@code rm_rebuild.<table>} like {@code public.<table>} for every table, table by
     * table. The catalog is read one query per kind for all the tables (a round trip per kind, not per table and kind).
     */
    private List<String> copies(Connection connection) throws SQLException {
        Map<String, List<List<String>>> keys = byTable(connection, """
                SELECT c.relname, quote_ident(k.conname), pg_get_constraintdef(k.oid)
                FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
                WHERE k.conrelid = ANY (?::regclass[]) AND k.contype IN ('p', 'u', 'x') ORDER BY k.conname""", 2);
        Map<String, List<List<String>>> indexes = byTable(connection, """
                SELECT c.relname, pg_get_indexdef(i.indexrelid)
                FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
                WHERE i.indrelid = ANY (?::regclass[])
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                ORDER BY i.indexrelid""", 1);
        Map<String, List<List<String>>> triggers = byTable(connection, """
                SELECT c.relname, pg_get_triggerdef(t.oid)
                FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                WHERE t.tgrelid = ANY (?::regclass[]) AND NOT t.tgisinternal ORDER BY t.tgname""", 1);
        Map<String, List<List<String>>> grants = byTable(connection, """
                SELECT c.relname, CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END,
                       a.privilege_type, a.is_grantable::text
                FROM pg_class c, aclexplode(c.relacl) a
                WHERE c.oid = ANY (?::regclass[]) AND a.grantee <> c.relowner
                ORDER BY 2, 3""", 3);
        Map<String, List<List<String>>> security = byTable(connection, """
                SELECT relname, relrowsecurity::text, relforcerowsecurity::text, quote_literal(obj_description(oid, 'pg_class'))
                FROM pg_class WHERE oid = ANY (?::regclass[])""", 3);
        Map<String, List<List<String>>> policies = byTable(connection, """
                SELECT tablename, quote_ident(policyname), permissive, cmd,
                       (SELECT string_agg(CASE WHEN r = 'public' THEN 'PUBLIC' ELSE quote_ident(r) END, ', ')
                        FROM unnest(roles) r),
                       qual, with_check
                FROM pg_policies WHERE schemaname = 'public' AND ('public.' || tablename) = ANY (?)
                ORDER BY policyname""", 6);
        List<String> ddl = new ArrayList<>();
        for (String table : tables) {
            String live = "public." + table;
            String copy = NAME + "." + table;
            // Indexes are recreated below under their live names; LIKE would name them after their columns.
            ddl.add("CREATE TABLE " + copy + " (LIKE " + live + " INCLUDING ALL EXCLUDING INDEXES)");
            for (List<String> key : keys.getOrDefault(table, List.of())) {
                ddl.add("ALTER TABLE " + copy + " ADD CONSTRAINT " + key.get(0) + " " + key.get(1));
            }
            for (List<String> index : indexes.getOrDefault(table, List.of())) {
                ddl.add(onCopy(index.get(0), live, copy));
            }
            for (List<String> trigger : triggers.getOrDefault(table, List.of())) {
                ddl.add(onCopy(trigger.get(0), live, copy));
            }
            for (List<String> grant : grants.getOrDefault(table, List.of())) {
                ddl.add("GRANT " + grant.get(1) + " ON " + copy + " TO " + grant.get(0)
                        + ("true".equals(grant.get(2)) ? " WITH GRANT OPTION" : ""));
            }
            List<List<String>> described = security.get(table);
            if (described == null) {
                throw new IllegalStateException("no read-model table " + live);
            }
            List<String> relation = described.get(0);
            if ("true".equals(relation.get(0))) {
                ddl.add("ALTER TABLE " + copy + " ENABLE ROW LEVEL SECURITY");
            }
            if ("true".equals(relation.get(1))) {
                ddl.add("ALTER TABLE " + copy + " FORCE ROW LEVEL SECURITY");
            }
            for (List<String> policy : policies.getOrDefault(table, List.of())) {
                ddl.add("CREATE POLICY " + policy.get(0) + " ON " + copy + " AS "
                        + policy.get(1).toUpperCase(Locale.ROOT) + " FOR " + policy.get(2) + " TO " + policy.get(3)
                        + (policy.get(4) == null ? "" : " USING (" + policy.get(4) + ")")
                        + (policy.get(5) == null ? "" : " WITH CHECK (" + policy.get(5) + ")"));
            }
            if (relation.get(2) != null) {
                ddl.add("COMMENT ON TABLE " + copy + " IS " + relation.get(2));
            }
        }
        return ddl;
    }

    /** An index's or trigger's definition on the live table, made on its copy instead (same name: its own schema). */
    private static String onCopy(String definition, String live, String copy) {
        String on = " ON " + live + " ";
        if (!definition.contains(on)) {
            throw new IllegalStateException("unexpected definition on " + live + ": " + definition);
        }
        return definition.replace(on, " ON " + copy + " ");
    }

    /** The rows of a catalog query about the live tables (its parameter), by table name (its first column). */
    private Map<String, List<List<String>>> byTable(Connection connection, String sql, int columns)
            throws SQLException {
        Map<String, List<List<String>>> rows = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("text",
                    tables.stream().map(table -> "public." + table).toArray()));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int column = 2; column <= columns + 1; column++) {
                        row.add(result.getString(column));
                    }
                    rows.computeIfAbsent(result.getString(1), table -> new ArrayList<>()).add(row);
                }
            }
        }
        return rows;
    }
}
